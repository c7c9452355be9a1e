import { useMemo, useState, type DragEvent } from 'react';
import { Typography } from 'antd';
import { useStoreApi } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { nodePalette } from '../node-palette.ts';
import { languageOf } from '../i18n/i18n.ts';
import { SearchBox } from '../app/SearchBox.tsx';
import { useEditorStore } from './editor-context.ts';

/** The drag payload's type: the node type being dragged onto the canvas. */
export const NODE_TYPE_DRAG = 'application/x-xiaoer-node-type';

/**
 * Node types by category, from the engine's registry, searchable in both languages. An editor
 * drags one onto the canvas, or clicks it (Enter or Space from the keyboard, a tap on a tablet)
 * to add it in the middle of what the canvas shows, selected for the inspector.
 */
export function Palette({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const flow = useStoreApi();
  const store = useEditorStore();
  const language = languageOf(i18n.language);
  const [query, setQuery] = useState('');
  const sections = useMemo(() => {
    const q = query.trim().toLowerCase();
    return nodePalette()
      .map((section) => ({
        ...section,
        items: section.items.filter(
          (item) =>
            !q ||
            [item.type, item.title.zh, item.title.en, item.description.zh, item.description.en]
              .join(' ')
              .toLowerCase()
              .includes(q),
        ),
      }))
      .filter((section) => section.items.length > 0);
  }, [query]);
  const onDragStart = (event: DragEvent, type: string) => {
    event.dataTransfer.setData(NODE_TYPE_DRAG, type);
    event.dataTransfer.effectAllowed = 'move';
  };
  const addInView = (type: string) => {
    const {
      width,
      height,
      transform: [x, y, zoom],
    } = flow.getState();
    store.getState().addNode(type, { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom });
  };
  return (
    <div className="palette">
      <SearchBox
        placeholder={t('editor.search')}
        allowClear
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {sections.map((section) => (
        <div key={section.category} className="palette-section">
          <Typography.Text type="secondary">{section.title[language]}</Typography.Text>
          {section.items.map((item) =>
            canEdit ? (
              <button
                type="button"
                key={item.type}
                className="palette-item"
                draggable
                data-testid={`palette-${item.type}`}
                title={item.description[language]}
                onDragStart={(event) => onDragStart(event, item.type)}
                onClick={() => addInView(item.type)}
              >
                {item.title[language]}
              </button>
            ) : (
              <div
                key={item.type}
                className="palette-item"
                data-testid={`palette-${item.type}`}
                title={item.description[language]}
              >
                {item.title[language]}
              </div>
            ),
          )}
        </div>
      ))}
    </div>
  );
}
