import { nodeTypes, type NodeCategory, type LocalizedText } from '@xiaoer/engine';

/** One entry of the editor's palette: what the operator drags onto the canvas. */
export interface PaletteItem {
  type: string;
  title: LocalizedText;
  description: LocalizedText;
}

/** A palette section: the node types of one category, in registry order. */
export interface PaletteSection {
  category: NodeCategory;
  title: LocalizedText;
  items: PaletteItem[];
}

const categoryTitles: Record<NodeCategory, LocalizedText> = {
  trigger: { zh: '触发', en: 'Triggers' },
  message: { zh: '消息', en: 'Messages' },
  customer: { zh: '顾客', en: 'Customer' },
  flow: { zh: '流程', en: 'Flow' },
  orders: { zh: '订单系统', en: 'Order system' },
  data: { zh: '数据', en: 'Data' },
};

/**
 * The editor's node palette, built from the engine's registry so the editor never lists a
 * node type the engine cannot run. Sections keep the order in which categories first appear.
 */
export function nodePalette(): PaletteSection[] {
  const sections = new Map<NodeCategory, PaletteSection>();
  for (const nodeType of nodeTypes) {
    let section = sections.get(nodeType.category);
    if (!section) {
      section = {
        category: nodeType.category,
        title: categoryTitles[nodeType.category],
        items: [],
      };
      sections.set(nodeType.category, section);
    }
    section.items.push({
      type: nodeType.type,
      title: nodeType.title,
      description: nodeType.description,
    });
  }
  return [...sections.values()];
}

/** A node type's title in the console's language (`发送消息` / `Send message`), or the id if unknown. */
export function nodeTypeTitle(type: string, language: 'zh' | 'en'): string {
  return nodeTypes.find((nodeType) => nodeType.type === type)?.title[language] ?? type;
}
