#!/usr/bin/env node
// Entry point of the `xiaoer` command. The packages ship TypeScript sources; tsx loads them.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/program.ts');
await runCli(process.argv);
