import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalizedError } from '@xiaoer/server';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { DEMO_AGENTS, seedDemoRouting } from '@xiaoer/server/internal';

/**
 * `XIAOER_DEMO_AGENT_PASSWORD` replaces the demo agents' public password. Found: set but empty
 * (as `XIAOER_ADMIN_PASSWORD` was), it made agents who log in with an empty password and read
 * every conversation.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe("the demo agents' password", () => {
  it('should refuse an empty or short one, creating no agent', async () => {
    for (const password of ['', 'short']) {
      const seeded = seedDemoRouting(h.xiaoer, { XIAOER_DEMO_AGENT_PASSWORD: password });
      await expect(seeded).rejects.toBeInstanceOf(LocalizedError);
      await expect(seeded).rejects.toThrow('XIAOER_DEMO_AGENT_PASSWORD must be 8–200 characters');
    }
    const users = (await h.xiaoer.auth.listUsers()).map((user) => user.id);
    for (const agent of DEMO_AGENTS) expect(users).not.toContain(agent.id);
  });

  it('should give the agents the one it is given', async () => {
    await seedDemoRouting(h.xiaoer, { XIAOER_DEMO_AGENT_PASSWORD: 'our-own-demo-password' });
    const [agent] = DEMO_AGENTS;
    const login = await h.request(
      'POST',
      '/api/auth/login',
      {
        username: agent?.id,
        password: 'our-own-demo-password',
      },
      '',
    );
    expect(login.status).toBe(200);
  });
});
