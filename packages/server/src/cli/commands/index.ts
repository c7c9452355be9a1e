import type { Command } from 'commander';
import { serveCommand } from './serve.command.ts';
import { demoCommand } from './demo.command.ts';
import { simulateCommand } from './simulate.command.ts';
import { validateCommand } from './validate.command.ts';
import { usersCommand } from './users.command.ts';

/** Every sub-command of `xiaoer`, in the order `--help` lists them. */
export function commands(): Command[] {
  return [serveCommand(), demoCommand(), validateCommand(), simulateCommand(), usersCommand()];
}
