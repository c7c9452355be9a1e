import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { runScenario, type Scenario } from '@xiaoer/engine/testing';
import { startHarness, type Harness } from '@xiaoer/server/testing';

let h: Harness;
let viewerToken: string;
const lifecycle = async () =>
  JSON.parse(
    await readFile(new URL('../../workflows/order-lifecycle.json', import.meta.url), 'utf8'),
  ) as WorkflowDocument;
const scenario: Scenario = {
  trigger: { orderId: 'S-1', customer: { name: '张三', phone: '1', language: 'zh' } },
  steps: [{ event: 'order.shipped', data: { orderId: 'S-1' } }, { advance: '1d' }],
};
const path = (name: string) =>
  `/api/workflows/order-lifecycle/scenarios/${encodeURIComponent(name)}`;

beforeAll(async () => {
  h = await startHarness();
  await h.publish(await lifecycle());
  await h.xiaoer.auth.createUser('viewer-s', 'viewer-密码-123', 'viewer');
  viewerToken = (await h.xiaoer.auth.login('viewer-s', 'viewer-密码-123'))?.token ?? '';
});
afterAll(async () => h?.close());

describe('scenarios saved beside a workflow', () => {
  it('should save, list, read, replace and delete a scenario that replays in the engine', async () => {
    const saved = await h.request('PUT', path('发货后一天'), scenario);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ name: '发货后一天', savedBy: 'admin' });
    await h.request('PUT', path('b-second'), { ...scenario, steps: [] });

    const list = (await (
      await h.request('GET', '/api/workflows/order-lifecycle/scenarios')
    ).json()) as {
      scenarios: { name: string }[];
    };
    expect(list.scenarios.map((s) => s.name)).toEqual(['b-second', '发货后一天']);

    const read = (await (await h.request('GET', path('发货后一天'))).json()) as {
      scenario: Scenario;
    };
    expect(read.scenario).toEqual({ ...scenario, name: '发货后一天' });
    const run = runScenario(await lifecycle(), read.scenario);
    expect(run.error).toBeUndefined();
    expect(run.test.node).toBe('waitDelivery');

    await h.request('PUT', path('b-second'), { ...scenario, steps: [{ advance: '2h' }] });
    const replaced = (await (await h.request('GET', path('b-second'))).json()) as {
      scenario: Scenario;
    };
    expect(replaced.scenario.steps).toEqual([{ advance: '2h' }]);

    expect((await h.request('DELETE', path('b-second'))).status).toBe(200);
    expect((await h.request('GET', path('b-second'))).status).toBe(404);
    expect((await h.request('DELETE', path('b-second'))).status).toBe(404);
  });

  it('should refuse bad input with a precise 4xx and store nothing', async () => {
    const before = await h.connection.collection('scenarios').countDocuments({});
    const cases: [string, () => Promise<Response>, number, string][] = [
      [
        'a step of no known kind',
        () => h.request('PUT', path('x'), { ...scenario, steps: [{ jump: 1 }] }),
        400,
        'invalid-body',
      ],
      ['no trigger', () => h.request('PUT', path('x'), { steps: [] }), 400, 'invalid-body'],
      [
        'a name with a slash',
        () => h.request('PUT', '/api/workflows/order-lifecycle/scenarios/a%2Fb', scenario),
        400,
        'invalid-scenario-name',
      ],
      [
        'an unknown workflow',
        () => h.request('PUT', '/api/workflows/nope/scenarios/x', scenario),
        404,
        'workflow-not-found',
      ],
      [
        'operator injection in the name',
        () => h.request('GET', path('{"$gt":""}')),
        400,
        'invalid-scenario-name',
      ],
      [
        'a viewer saving',
        () => h.request('PUT', path('x'), scenario, viewerToken),
        403,
        'forbidden',
      ],
    ];
    for (const [name, send, status, code] of cases) {
      const response = await send();
      expect(response.status, name).toBe(status);
      expect(((await response.json()) as { error: { code: string } }).error.code, name).toBe(code);
    }
    expect(await h.connection.collection('scenarios').countDocuments({})).toBe(before);
  });
});
