import { useEffect, useRef } from 'react';

export interface EditorShortcuts {
  enabled: boolean;
  save: () => void;
  undo: () => void;
  redo: () => void;
  copy: () => void;
  paste: () => void;
}

/**
 * Ctrl/⌘+S saves (in a form field too, instead of the browser's "save page"); Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z or Ctrl+Y redo, Ctrl/⌘+C and V copy and paste nodes; not
 * while typing in a form field. (Delete and multi-select are React Flow's own.)
 */
export function useEditorShortcuts(shortcuts: EditorShortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (latest.current.enabled) latest.current.save();
        return;
      }
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (!latest.current.enabled || !(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      const action =
        key === 'z' && event.shiftKey
          ? latest.current.redo
          : key === 'z'
            ? latest.current.undo
            : key === 'y'
              ? latest.current.redo
              : key === 'c'
                ? latest.current.copy
                : key === 'v'
                  ? latest.current.paste
                  : undefined;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
