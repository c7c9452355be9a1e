import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from './editor-store.ts';

/** The open editor's store (EditorPage provides it). */
export const EditorStoreContext = createContext<EditorStore | null>(null);

/** The store itself, for handlers that read the latest state without re-rendering on it. */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore outside EditorPage');
  return store;
}

/** A slice of the editor's state; the component re-renders only when the slice changes. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}
