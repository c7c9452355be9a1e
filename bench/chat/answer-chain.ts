/**
 * `npx tsx bench/chat/answer-chain.ts [rounds] [--delay=ms] [--client-ids]` — the store commands a customer's chat message costs,
 * counted with the driver's command monitoring (a figure that does not depend on the machine's
 * load), and how many of them the answer waits on one after another.
 *
 * One message at a time, for each phrasing the chat bench sends: the commands that start
 * between the request and its response are the answer's path; their chain is the longest run
 * of commands each started after the previous one had come back. Commands in the 200 ms
 * after the response (and before the next request) are the bookkeeping that follows. Then the
 * chat bench's load shape (8 at a time) for the commands per answer under concurrency.
 *
 * With `--delay=20`, the server reaches the store through a proxy that holds each of the
 * store's answers 20 ms: an answer then takes about 20 ms more for every round trip it waits
 * on one after another. The median against a run without the delay is a second count of the
 * chain, one that does not depend on telling the answer's commands from bookkeeping.
 */
import { createServer, connect, type AddressInfo } from 'node:net';
import pLimit from 'p-limit';
import { startHarness, startTestStore, type RunningStore } from '@xiaoer/server/testing';

interface Command {
  id: number;
  name: string;
  collection: string;
  start: number;
  end: number;
}

const clientIds = process.argv.includes('--client-ids');
let sent = 0;
const rounds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 10);
const delayMs = Number(
  /^--delay=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--delay=')) ?? '')?.[1] ?? 0,
);

/** The store behind a TCP proxy that holds each of its answers `delayMs` (in order). */
async function delayed(store: RunningStore): Promise<RunningStore> {
  if (delayMs === 0) return store;
  const target = new URL(store.uri);
  const proxy = createServer((client) => {
    const upstream = store.socketPath
      ? connect(store.socketPath)
      : connect(Number(target.port || 27017), target.hostname);
    client.pipe(upstream);
    upstream.on('data', (chunk) => setTimeout(() => client.write(chunk), delayMs));
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const uri = new URL(`mongodb://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
  uri.pathname = target.pathname;
  uri.search = target.search;
  return {
    ...store,
    uri: uri.toString(),
    stop: async () => {
      proxy.close();
      await store.stop();
    },
  };
}
const store = await delayed(await startTestStore());
const h = await startHarness({ store, monitorCommands: true });
const commands = new Map<number, Command>();
const client = h.connection.getClient();
client.on(
  'commandStarted',
  (event: { requestId: number; commandName: string; command: Record<string, unknown> }) => {
    const target = event.command[event.commandName];
    commands.set(event.requestId, {
      id: event.requestId,
      name: event.commandName,
      collection: typeof target === 'string' ? target : '',
      start: performance.now(),
      end: Number.POSITIVE_INFINITY,
    });
  },
);
const ended = (event: { requestId: number }) => {
  const command = commands.get(event.requestId);
  if (command) command.end = performance.now();
};
client.on('commandSucceeded', ended);
client.on('commandFailed', ended);

/** The longest chain of commands each started after the one before it came back. */
function chain(list: Command[]): number {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const depth = new Map<Command, number>();
  let longest = 0;
  for (const command of sorted) {
    let before = 0;
    for (const other of sorted) {
      if (other === command) break;
      if (other.end <= command.start) before = Math.max(before, depth.get(other) ?? 0);
    }
    depth.set(command, before + 1);
    longest = Math.max(longest, before + 1);
  }
  return longest;
}

const describe = (list: Command[], from = 0) =>
  [...list]
    .sort((a, b) => a.start - b.start)
    .map(
      (c) =>
        `${c.name}:${c.collection}${process.argv.includes('--times') ? `@${(c.start - from).toFixed(0)}-${(c.end - from).toFixed(0)}` : ''}`,
    )
    .join(' ');
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

try {
  const phrasings = ['我的快递到哪了', '可以开发票吗', 'where is my parcel', '怎么退货', '你好'];
  const open = async (i: number) => {
    const response = await fetch(`${h.url}/api/chat/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customer: { id: `chain-${i}`, language: i % 2 ? 'en' : 'zh' } }),
    });
    return (await response.json()) as { id: string; token: string };
  };
  const ask = (target: { id: string; token: string }, text: string) =>
    fetch(`${h.url}/api/chat/conversations/${target.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-chat-token': target.token },
      // `--client-ids`: with a sender id per message, as the chat page sends.
      body: JSON.stringify({ text, ...(clientIds ? { clientId: `m-${++sent}` } : {}) }),
    }).then((response) => {
      if (response.status !== 201) throw new Error(`answer: ${response.status}`);
    });
  const conversations = await Promise.all(Array.from({ length: 100 }, (_, i) => open(i)));
  await settle();

  for (const text of phrasings) {
    const onPath: number[] = [];
    const after: number[] = [];
    const chains: number[] = [];
    const times: number[] = [];
    let example = '';
    let exampleAfter = '';
    for (let round = 0; round < rounds; round++) {
      const target = conversations[round % conversations.length]!;
      commands.clear();
      const t0 = performance.now();
      await ask(target, text);
      const t1 = performance.now();
      times.push(t1 - t0);
      await settle();
      const path = [...commands.values()].filter((c) => c.start >= t0 && c.start <= t1);
      const following = [...commands.values()].filter((c) => c.start > t1);
      onPath.push(path.length);
      after.push(following.length);
      chains.push(chain(path));
      if (round === rounds - 1 || process.env['CHAIN_ALL']) {
        example = `${describe(path, t0)} (response ${(t1 - t0).toFixed(0)})`;
        if (process.env['CHAIN_ALL']) console.log(example);
        exampleAfter = describe(following, t0);
      }
    }
    const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1);
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
    console.log(
      `${text}: ${mean(onPath)} commands before the response (chain ${Math.min(...chains)}–${Math.max(...chains)}), ${mean(after)} after; median ${median.toFixed(1)} ms${delayMs ? ` with ${delayMs} ms a round trip` : ''}`,
    );
    console.log(`  path: ${example}`);
    console.log(`  after: ${exampleAfter}`);
  }

  // The chat bench's shape: 100 messages, 8 at a time, into different conversations.
  commands.clear();
  const limit = pLimit(8);
  await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      limit(() => ask(conversations[(i * 37) % conversations.length]!, phrasings[i % 5]!)),
    ),
  );
  await settle();
  const byKind = new Map<string, number>();
  for (const c of commands.values())
    byKind.set(`${c.name}:${c.collection}`, (byKind.get(`${c.name}:${c.collection}`) ?? 0) + 1);
  console.log(
    `8 at a time: ${(commands.size / 100).toFixed(2)} store commands per answer (${commands.size} for 100)`,
  );
  for (const [kind, count] of [...byKind].sort((a, b) => b[1] - a[1]))
    console.log(`  ${kind}: ${count}`);
} finally {
  await h.close();
  await store.stop();
}
