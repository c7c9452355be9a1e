import { getNodeType } from '@xiaoer/engine';
import type { FieldLabeller } from './field-labels.ts';
import { configFieldLabel } from './journey-names.ts';

/**
 * A changed field of a node by the inspector's labels (`config.message.zh` → 消息内容 › 中文,
 * `label` → the label's own title), else as the diff names it (`type`).
 */
export function changedFieldName(
  nodeType: string | undefined,
  field: string,
  labelOf: FieldLabeller,
  t: (key: string) => string,
): string {
  if (field === 'label') return t('editor.label');
  const type = nodeType === undefined ? undefined : getNodeType(nodeType);
  const [root, ...path] = field.split('.');
  if (root !== 'config' || !type || path.length === 0) return field;
  return configFieldLabel(type.configSchema, path, labelOf) ?? field;
}
