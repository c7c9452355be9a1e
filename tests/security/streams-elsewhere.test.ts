import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { STREAM_RECHECK_MS } from '@xiaoer/server/internal';
import { setupGroup, userToken } from '../routing/routing-fixture.ts';
import { openStream, type OpenStream } from '../runtime/event-stream-client.ts';
import { ChatClient } from '../conversations/chat-client.ts';

/**
 * A console stream ends when its login no longer stands, whoever changed it. Two servers on one
 * store, as behind a balancer: `elsewhere` makes the change (its console, or its AuthService as
 * `xiaoer users` on the machine does), `here` holds the live streams. Before, a stream here was
 * checked only when it opened and when this process itself changed the user: a viewer disabled
 * elsewhere kept receiving every customer message until the page closed. A logout did not end
 * the session's own streams either: on a shared computer the next person at the screen kept
 * seeing the conversation. Time is moved on `here`'s clock, never waited for.
 */
let elsewhere: Harness;
let here: Harness;
let chat: ChatClient;

beforeAll(async () => {
  elsewhere = await startHarness();
  here = await startHarness({ store: elsewhere.store, monitorCommands: true });
  chat = await ChatClient.open(here);
});
afterAll(async () => {
  await here?.close();
  await elsewhere?.close();
});

interface Message {
  text: string;
}

/** A conversation stream open on `here`, and whether it ended. */
async function watch(token: string): Promise<OpenStream<Message> & { hasEnded(): boolean }> {
  const stream = await openStream<Message>(
    `${here.url}/api/conversations/${chat.id}/stream`,
    token,
    'message',
  );
  let ended = false;
  void stream.ended.then(() => (ended = true));
  return Object.assign(stream, { hasEnded: () => ended });
}

const endedSoon = (stream: { hasEnded(): boolean }) =>
  expect.poll(() => stream.hasEnded(), { timeout: 5_000, interval: 20 }).toBe(true);

/** Says something in the chat (returned): `open` gets it and has not ended, `closed` never does. */
async function stillReceives(
  open: Awaited<ReturnType<typeof watch>>,
  closed?: OpenStream<Message>,
) {
  const text = `after-${Math.random()}`;
  await chat.say(text);
  await open.waitFor((m) => m.text === text);
  expect(open.hasEnded()).toBe(false);
  expect(closed?.events.map((m) => m.text) ?? []).not.toContain(text);
  return text;
}

describe('a change made by another process', () => {
  it('should end the stream of a user disabled elsewhere within the recheck, no one else’s', async () => {
    const watcher = await watch(await userToken(elsewhere, 'far-disabled', 'viewer'));
    const bystander = await watch(await userToken(elsewhere, 'far-bystander', 'viewer'));
    // The customer's own stream stands on the chat's token, not a console login: left as it is.
    const customer = await openStream<Message>(
      `${here.url}/api/chat/conversations/${chat.id}/stream`,
      '',
      'message',
      { 'x-chat-token': chat.token },
    );
    try {
      const disabled = await elsewhere.request('PATCH', '/api/users/far-disabled', {
        disabled: true,
      });
      expect(disabled.status).toBe(200);
      await here.clock.advance(STREAM_RECHECK_MS);
      await endedSoon(watcher);
      const text = await stillReceives(bystander, watcher);
      await customer.waitFor((m) => m.text === text);
    } finally {
      await Promise.all([watcher.close(), bystander.close(), customer.close()]);
    }
  });

  it('should end the stream of a user whose password `xiaoer users` reset on the machine', async () => {
    const watcher = await watch(await userToken(elsewhere, 'far-reset', 'viewer'));
    const admin = await watch(here.token);
    try {
      await elsewhere.xiaoer.auth.updateUser('far-reset', { password: 'a-new-password-456' });
      await here.clock.advance(STREAM_RECHECK_MS);
      await endedSoon(watcher);
      await stillReceives(admin, watcher);
    } finally {
      await Promise.all([watcher.close(), admin.close()]);
    }
  });

  it("should end an agent's inbox stream once another process makes them a viewer", async () => {
    const { 'far-demoted': agent = '' } = await setupGroup(elsewhere, 'far-demotion', [
      { id: 'far-demoted', maxConcurrent: 1 },
    ]);
    const path = '/api/agents/me/inbox/stream';
    const inbox = await openStream<unknown>(`${here.url}${path}`, agent, 'inbox');
    let ended = false;
    void inbox.ended.then(() => (ended = true));
    const admin = await watch(here.token);
    try {
      const demoted = await elsewhere.request('PATCH', '/api/users/far-demoted', {
        role: 'viewer',
      });
      expect(demoted.status).toBe(200);
      await here.clock.advance(STREAM_RECHECK_MS);
      await expect.poll(() => ended, { timeout: 5_000, interval: 20 }).toBe(true);
      expect((await here.request('GET', path, undefined, agent)).status).toBe(403);
      await stillReceives(admin);
    } finally {
      await Promise.all([inbox.close(), admin.close()]);
    }
  });

  it('should ask the store twice per user per recheck, however many streams they hold', async () => {
    await userToken(elsewhere, 'many-tabs', 'viewer');
    const second = (await here.xiaoer.auth.login('many-tabs', 'many-tabs-密码-123'))?.token ?? '';
    const first = (await here.xiaoer.auth.login('many-tabs', 'many-tabs-密码-123'))?.token ?? '';
    const tabs = await Promise.all(
      Array.from({ length: 8 }, (_, i) => watch(i % 2 ? first : second)),
    );
    // The users and sessions the store is asked for, by their filters.
    const reads: string[] = [];
    const client = here.connection.getClient();
    const listen = (event: { commandName: string; command: Record<string, unknown> }) => {
      const collection = event.command['find'];
      if (event.commandName === 'find' && (collection === 'users' || collection === 'sessions'))
        reads.push(`${String(collection)} ${JSON.stringify(event.command['filter'])}`);
    };
    client.on('commandStarted', listen);
    try {
      await here.clock.advance(STREAM_RECHECK_MS);
    } finally {
      client.off('commandStarted', listen);
    }
    try {
      // Eight streams on two sessions: the user once, both sessions in one read.
      expect(
        reads.filter((read) => read.startsWith('users') && read.includes('many-tabs')),
      ).toHaveLength(1);
      const sessions = reads.filter((read) => read.startsWith('sessions'));
      expect(sessions.filter((read) => /"\$in":\["\w+","\w+"\]/.test(read))).toHaveLength(1);
      // Another test's page may still be closing: one user more at most.
      expect(reads.length).toBeLessThanOrEqual(4);
      expect(tabs.some((tab) => tab.hasEnded())).toBe(false);
    } finally {
      await Promise.all(tabs.map((tab) => tab.close()));
    }
  });
});

describe('logging out', () => {
  it("should end that session's own streams at once, not the same user's other sessions", async () => {
    const kept = await userToken(here, 'shared-screen', 'viewer');
    const leaving = (await here.xiaoer.auth.login('shared-screen', 'shared-screen-密码-123'))
      ?.token;
    const left = await watch(leaving ?? '');
    const other = await watch(kept);
    try {
      const out = await here.request('POST', '/api/auth/logout', undefined, leaving);
      expect(out.status).toBe(200);
      await endedSoon(left);
      await stillReceives(other, left);
    } finally {
      await Promise.all([left.close(), other.close()]);
    }
  });

  it('should end the stream here of a session logged out elsewhere within the recheck', async () => {
    const token = await userToken(elsewhere, 'left-elsewhere', 'viewer');
    const left = await watch(token);
    const admin = await watch(here.token);
    try {
      expect((await elsewhere.request('POST', '/api/auth/logout', undefined, token)).status).toBe(
        200,
      );
      await here.clock.advance(STREAM_RECHECK_MS);
      await endedSoon(left);
      await stillReceives(admin, left);
    } finally {
      await Promise.all([left.close(), admin.close()]);
    }
  });
});

// Last: it moves this server's clock half a day.
describe('a session that expires', () => {
  it('should end its stream within the recheck of the expiry, and not let it open again', async () => {
    const token = await userToken(here, 'long-shift', 'viewer');
    const stream = await watch(token);
    try {
      await here.clock.advance(12 * 3_600_000 + STREAM_RECHECK_MS);
      await endedSoon(stream);
      const again = await here.request(
        'GET',
        `/api/conversations/${chat.id}/stream`,
        undefined,
        token,
      );
      expect(again.status).toBe(401);
    } finally {
      await stream.close();
    }
  });
});
