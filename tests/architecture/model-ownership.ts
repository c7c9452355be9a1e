import { BORROWED_MODELS, MODEL_OWNERS, type ModelOwner } from '@xiaoer/server/internal';

/**
 * The ownership rule (docs/architecture.md, "Who owns which collection"): a file of a domain
 * imports only its own domain's models type from `model/models.ts` and touches only the
 * collections its domain owns (or still borrows, `BORROWED_MODELS`). Another domain's records
 * are read through that domain's functions (`RoutingReads`, `JourneyRecords`, ...).
 */

/** The server folders the rule covers, and the domain each belongs to (null: owns none). */
export const FOLDER_OWNERS: Record<string, ModelOwner | null> = {
  analytics: 'analytics',
  auth: 'auth',
  connectors: null,
  conversations: 'conversations',
  http: 'http',
  instances: 'runtime',
  intake: 'intake',
  intents: 'intents',
  knowledge: 'knowledge',
  metrics: null,
  quality: 'quality',
  routing: 'routing',
  runtime: 'runtime',
  sources: 'sources',
  workflows: 'workflows',
};

/** The type in `model/models.ts` that names each domain's models. */
export const MODELS_TYPE: Record<ModelOwner, string> = {
  workflows: 'WorkflowModels',
  runtime: 'RuntimeModels',
  intake: 'IntakeModels',
  auth: 'AuthModels',
  conversations: 'ConversationModels',
  routing: 'RoutingModels',
  knowledge: 'KnowledgeModels',
  analytics: 'AnalyticsModels',
  quality: 'QualityModels',
  intents: 'IntentModels',
  sources: 'SourceModels',
  http: 'HttpModels',
};

/** Every collection's model name, with its owner. */
export const OWNER_OF: ReadonlyMap<string, ModelOwner> = new Map(
  Object.entries(MODEL_OWNERS).flatMap(([owner, names]) =>
    names.map((name): [string, ModelOwner] => [name, owner as ModelOwner]),
  ),
);

export interface OwnershipFinding {
  line: number;
  text: string;
}

const lineOf = (source: string, index: number) => source.slice(0, index).split('\n').length;

/**
 * What `source`, the server file at `path` (relative to `packages/server/src`), does against the
 * rule: each finding with its line. Files outside the covered folders have none.
 */
export function ownershipFindings(path: string, source: string): OwnershipFinding[] {
  const folder = path.split('/')[0] ?? '';
  if (!(folder in FOLDER_OWNERS)) return [];
  const owner = FOLDER_OWNERS[folder] ?? null;
  const may = new Set<string>([
    ...(owner ? MODEL_OWNERS[owner] : []),
    ...((owner && (BORROWED_MODELS as Partial<Record<ModelOwner, readonly string[]>>)[owner]) ||
      []),
  ]);
  const findings: OwnershipFinding[] = [];
  const imports = /import\s+(type\s+)?(\*\s+as\s+\w+|\{([^}]*)\})\s+from\s+'([^']+)'/g;
  for (const match of source.matchAll(imports)) {
    const from = match[4] ?? '';
    const line = lineOf(source, match.index);
    const names = (match[3] ?? '')
      .split(',')
      .map((name) =>
        name
          .replace(/^\s*type\s+/, '')
          .replace(/\s+as\s+\w+/, '')
          .trim(),
      )
      .filter(Boolean);
    if (/(^|\/)model\/models(\.ts)?$/.test(from)) {
      if (match[2]?.startsWith('*')) findings.push({ line, text: `imports all of ${from}` });
      const allowed = new Set(['isDuplicateKey', ...(owner ? [MODELS_TYPE[owner]] : [])]);
      for (const name of names.filter((n) => !allowed.has(n)))
        findings.push({
          line,
          text: `${folder}/ imports ${name}: a domain imports only its own models type (${owner ? MODELS_TYPE[owner] : 'none'})`,
        });
    } else if (/(^|\/)model\/[\w-]+\.model(\.ts)?$/.test(from)) {
      for (const name of names.filter((n) => /^[a-z]\w*Models$/.test(n)))
        findings.push({ line, text: `${folder}/ builds models itself (${name})` });
    }
  }
  for (const match of source.matchAll(/\bmodels\s*\.\s*([A-Z]\w*)/g)) {
    const name = match[1] ?? '';
    if (!OWNER_OF.has(name) || may.has(name)) continue;
    findings.push({
      line: lineOf(source, match.index),
      text: `${folder}/ uses ${name}, which ${OWNER_OF.get(name)} owns: ask ${OWNER_OF.get(name)}'s functions`,
    });
  }
  for (const match of source.matchAll(/\.model\s*[<(]/g))
    findings.push({
      line: lineOf(source, match.index),
      text: `${folder}/ defines or looks up a model outside model/`,
    });
  return findings;
}
