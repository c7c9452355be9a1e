import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { BORROWED_MODELS, createModels, MODEL_OWNERS } from '@xiaoer/server/internal';
import { FOLDER_OWNERS, MODELS_TYPE, OWNER_OF, ownershipFindings } from './model-ownership.ts';

const SERVER = fileURLToPath(new URL('../../packages/server/src/', import.meta.url));

/** Every non-test TypeScript file of the server, relative to its `src/`. */
async function serverFiles(): Promise<string[]> {
  const entries = await readdir(SERVER, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => `${e.parentPath.slice(SERVER.length)}/${e.name}`.replace(/^\//, ''))
    .sort();
}

describe('who owns which collection', () => {
  it('should give every collection exactly one owner', () => {
    // A connection that never connects: the models are built, nothing is read.
    const models = createModels(mongoose.createConnection());
    const owned = Object.values(MODEL_OWNERS).flat();
    expect([...owned].sort()).toEqual(Object.keys(models).sort());
    expect(new Set(owned).size).toBe(owned.length);
  });

  it('should name each domain models type after its owner in model/models.ts', async () => {
    const source = await readFile(`${SERVER}model/models.ts`, 'utf8');
    for (const [owner, type] of Object.entries(MODELS_TYPE))
      expect(source).toMatch(new RegExp(`export type ${type} = ModelsOf<'${owner}'>`));
    expect(Object.keys(MODELS_TYPE).sort()).toEqual(Object.keys(MODEL_OWNERS).sort());
  });

  it('should keep the borrowed collections to the known list (it only shrinks)', () => {
    expect(BORROWED_MODELS).toEqual({});
  });

  it('should find no domain using a collection it does not own', async () => {
    const found: string[] = [];
    for (const path of await serverFiles())
      for (const finding of ownershipFindings(path, await readFile(`${SERVER}${path}`, 'utf8')))
        found.push(`${path}:${finding.line} ${finding.text}`);
    expect(found).toEqual([]);
    // The rule covers every domain folder there is (a new one must be placed in the table).
    const folders = new Set((await serverFiles()).map((p) => p.split('/')[0]));
    const wiringAndBelow = ['cli', 'server', 'model', 'store', 'errors', 'clock'];
    const uncovered = [...folders].filter(
      (f) => f && !f.endsWith('.ts') && !(f in FOLDER_OWNERS) && !wiringAndBelow.includes(f),
    );
    expect(uncovered).toEqual([]);
  });

  it("should fail on a domain importing or using another domain's collections", () => {
    const violating = [
      "import type { RoutingModels } from '../model/models.ts';",
      "import { isDuplicateKey, type Models } from '../model/models.ts';",
      "import { routingModels } from '../model/routing.model.ts';",
      'export async function names(models: Models) {',
      "  return models.Agents.find({ status: 'online' });",
      '}',
      'export const mine = (models: { KnowledgeArticles: unknown }) => models.KnowledgeArticles;',
    ].join('\n');
    const findings = ownershipFindings('knowledge/agent-names.ts', violating);
    expect(findings.map((f) => f.line)).toEqual([1, 2, 3, 5]);
    expect(findings[3]?.text).toMatch(/uses Agents, which routing owns/);
  });

  it('should let a domain use what it owns and what it borrows, and the wiring use all', () => {
    const quality = [
      "import { isDuplicateKey, type QualityModels } from '../model/models.ts';",
      'export const reports = (models: QualityModels) => models.QualityReports.find();',
    ].join('\n');
    expect(ownershipFindings('quality/reports.ts', quality)).toEqual([]);
    expect(ownershipFindings('runtime/x.ts', 'const f = (models) => models.Inbox;')).toEqual([]);
    // The intake takes events through the runtime's EventInbox: the inbox is not its own.
    expect(ownershipFindings('intake/x.ts', 'const f = (models) => models.Inbox;')).toHaveLength(1);
    expect(ownershipFindings('metrics/x.ts', 'const f = (models) => models.Inbox;')).toHaveLength(
      1,
    );
    expect(ownershipFindings('server/x.ts', 'const f = (models) => models.Agents;')).toEqual([]);
    expect(OWNER_OF.get('Instances')).toBe('runtime');
  });
});
