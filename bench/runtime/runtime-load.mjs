#!/usr/bin/env node
// Ported unchanged from the shared harness (shared/bench/runtime-load.mjs) so that
// `npm run bench:runtime` measures the way the side-by-side figures with n8n were measured.
// Black-box load of an event -> effect pipeline, measured the same way for Xiaoer and for a peer
// (n8n: Webhook -> HTTP Request to the sink; see peers-n8n.md beside this file).
// A sink on 127.0.0.1:<sinkPort> receives the effects (the customer's SMS); closed-loop clients
// post signed `order.created` events for `secs` seconds at each concurrency, then we wait until
// every acknowledged event's message reached the sink (or 60 s pass without progress).
// Xiaoer must run with bench.config.json (source `bench`, sms channel -> 127.0.0.1:4701) and the
// order-lifecycle journey published.
// usage: node runtime-load.mjs xiaoer <baseUrl> 4701 [secs] [c,c,c]
//        node runtime-load.mjs n8n <webhookUrl> <sinkPort> [secs] [c,c,c]
// Prints a table and, last, one JSON line with every row.
import { createServer } from 'node:http';
import { createHmac } from 'node:crypto';

const [kind, target, sinkPort, secsArg, cArg] = process.argv.slice(2);
const secs = Number(secsArg ?? 15);
const levels = (cArg ?? '1,16,64').split(',').map(Number);
const SECRET = process.env.BENCH_SECRET ?? 'bench-secret-0123456789abcdef';
const arrivals = new Map(); // orderId -> ms
let sinkHits = 0;
const sink = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    sinkHits++;
    const m = body.match(/LD\d+x\d+/);
    if (m && !arrivals.has(m[0])) arrivals.set(m[0], performance.now());
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
});
await new Promise((r) => sink.listen(Number(sinkPort), '127.0.0.1', r));

function request(orderId) {
  if (kind === 'n8n') {
    const body = JSON.stringify({ orderId, phone: '13900000000', name: 'Load' });
    return fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  }
  const event = {
    specversion: '1.0', id: orderId, type: 'order.created', source: 'bench',
    data: { orderId, customer: { name: 'Load', phone: '13900000000', language: 'zh', tier: 'regular' }, total: 99 },
  };
  const body = JSON.stringify(event);
  const ts = Math.floor(Date.now() / 1000);
  const sig = 'sha256=' + createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex');
  return fetch(`${target}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xiaoer-source': 'bench', 'x-xiaoer-timestamp': String(ts), 'x-xiaoer-signature': sig },
    body,
  });
}

const pct = (a, p) => (a.length ? a[Math.min(a.length - 1, Math.floor((p / 100) * a.length))] : NaN);
const rows = [];
for (const c of levels) {
  const sent = new Map(); const acks = []; let errors = 0, seq = 0;
  const t0 = performance.now(), end = t0 + secs * 1000;
  await Promise.all(Array.from({ length: c }, async (_, w) => {
    while (performance.now() < end) {
      const id = `LD${c}x${seq++}`; const s = performance.now();
      try { const r = await request(id); await r.arrayBuffer(); if (r.status >= 300) { errors++; continue; } }
      catch { errors++; continue; }
      const e = performance.now(); acks.push(e - s); sent.set(id, s);
    }
  }));
  const ackSecs = (performance.now() - t0) / 1000;
  // wait for the effects of this level (at most 180 s, or 20 s without progress)
  let last = -1, still = performance.now();
  const deadline = performance.now() + 300_000;
  while (performance.now() < deadline) {
    const got = [...sent.keys()].filter((k) => arrivals.has(k)).length;
    if (got === sent.size) break;
    if (got !== last) { last = got; still = performance.now(); }
    else if (performance.now() - still > 60_000) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const lat = [...sent].filter(([k]) => arrivals.has(k)).map(([k, s]) => arrivals.get(k) - s).sort((a, b) => a - b);
  const lastArrival = Math.max(...[...sent.keys()].map((k) => arrivals.get(k) ?? 0));
  acks.sort((a, b) => a - b);
  rows.push({
    c, acked: sent.size, errors, 'ack/s': +(sent.size / ackSecs).toFixed(1),
    'ack p50': +pct(acks, 50).toFixed(1), 'ack p99': +pct(acks, 99).toFixed(1),
    effects: lat.length, 'effects/s': +(lat.length / ((lastArrival - t0) / 1000)).toFixed(1),
    'e2e p50': +pct(lat, 50).toFixed(0), 'e2e p99': +pct(lat, 99).toFixed(0),
  });
  console.error(JSON.stringify(rows.at(-1)));
  await new Promise((r) => setTimeout(r, 2000));
}
console.table(rows);
console.log(JSON.stringify({ kind, sinkHits, rows }));
sink.close();
process.exit(0);
