/**
 * @xiaoer/builder-ui — the journey editor and operator console (React Flow). For now it holds
 * the editor's model of the node palette; the React components follow.
 */
export { nodePalette, type PaletteItem, type PaletteSection } from './node-palette.ts';
