/** A JSON value as stored in a workflow document or in a journey's data. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Text shown to people, in Chinese and English. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** Customer-facing text: Chinese is required, English is welcome. */
export interface MessageText {
  zh: string;
  en?: string;
}

export interface NodePosition {
  x: number;
  y: number;
}

/**
 * One node of a journey. The editor's graph and the engine's input are the same document,
 * so the canvas position lives here too.
 */
export interface WorkflowNode<Config extends object = JsonObject> {
  id: string;
  type: string;
  position: NodePosition;
  config: Config;
  /** Optional operator-given label shown on the canvas. */
  label?: string;
}

/** An edge leaves a node through one of its outcome handles. */
export interface WorkflowEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
}

/** A journey as drawn in the editor and stored in MongoDB. */
export interface WorkflowDocument {
  id: string;
  name: string;
  version: number;
  description?: string;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}
