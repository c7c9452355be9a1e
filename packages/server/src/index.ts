export { createProgram, runCli } from './cli/program.ts';
