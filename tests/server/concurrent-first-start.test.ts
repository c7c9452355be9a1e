import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import {
  DEMO_AGENTS,
  DEMO_SKILL_GROUPS,
  publishDirectory,
  readSeedArticles,
  seedDemoRouting,
  seedKnowledge,
  SHIPPED_WORKFLOWS,
} from '@xiaoer/server/internal';

/**
 * Several processes started at once on an empty store (docs/runtime.md, Several processes):
 * what a first start writes (the shipped journeys, the demo's knowledge and desk) is written
 * once, and neither start fails because the other wrote it first. Found starting two
 * `xiaoer serve` on one store: the second stopped with "A workflow with id … already exists".
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('two first starts at once on one store', () => {
  it('should publish each shipped journey once, from one of them', async () => {
    const shipped = (await readdir(SHIPPED_WORKFLOWS)).filter((name) => name.endsWith('.json'));
    const [first, second] = await Promise.all([
      publishDirectory(h.xiaoer.workflows, SHIPPED_WORKFLOWS, 'first'),
      publishDirectory(h.xiaoer.workflows, SHIPPED_WORKFLOWS, 'second'),
    ]);
    const ids = (await h.xiaoer.workflows.list()).map((draft) => draft.id).sort();
    expect(ids).toHaveLength(shipped.length);
    expect([...first, ...second].sort()).toEqual(ids);
    for (const id of ids) expect(await h.xiaoer.workflows.versions(id)).toHaveLength(1);
  });

  it("should seed the demo's knowledge once", async () => {
    const articles = await readSeedArticles();
    const counts = await Promise.all([
      seedKnowledge(h.xiaoer.knowledge, 'first'),
      seedKnowledge(h.xiaoer.knowledge, 'second'),
    ]);
    expect(counts[0] + counts[1]).toBe(articles.length);
    const { articles: stored, total } = await h.xiaoer.knowledge.articles.list();
    expect(total).toBe(articles.length);
    // Created once each: a second write would have made revision 2.
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((article) => article.revision === 1)).toBe(true);
  });

  it("should seed the demo's skill groups and agents once", async () => {
    await Promise.all([seedDemoRouting(h.xiaoer, {}), seedDemoRouting(h.xiaoer, {})]);
    const groups = await h.xiaoer.routing.directory.skillGroups();
    expect(groups.map((group) => group._id).sort()).toEqual(Object.keys(DEMO_SKILL_GROUPS).sort());
    const agents = await h.xiaoer.routing.directory.agents();
    expect(agents.map((agent) => agent._id).sort()).toEqual(DEMO_AGENTS.map((a) => a.id).sort());
  });
});
