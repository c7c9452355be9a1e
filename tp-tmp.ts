import { benchIntakeThroughput } from './bench/runtime/intake-throughput.ts';
const rows = await benchIntakeThroughput({ clients: [Number(process.argv[2] ?? 16)], events: Number(process.argv[3] ?? 300), log: (l) => console.error(l) });
console.log(rows);
