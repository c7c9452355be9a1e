import { Command } from 'commander';
import serverPackage from '../../package.json' with { type: 'json' };
import { commands } from './commands/index.ts';
import { speakBothLanguages } from './commander-messages.ts';

/** Builds the `xiaoer` command with every sub-command registered. */
export function createProgram(): Command {
  const program = new Command('xiaoer')
    .description('店小二：电商客服旅程自动化 / Xiaoer: e-commerce customer service journeys')
    .version(serverPackage.version)
    .showHelpAfterError();
  for (const command of commands()) program.addCommand(command);
  speakBothLanguages(program);
  return program;
}

/** Runs the CLI with the given argv; errors end the process with exit code 1. */
export async function runCli(argv: string[]): Promise<void> {
  await createProgram().parseAsync(argv);
}
