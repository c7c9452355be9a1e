import { Command } from 'commander';
import type { Problem } from '@xiaoer/engine';
import { validateOnThisServer } from '../../workflows/host-problems.ts';
import { readTextFile } from '../workflow-file.ts';
import { formatProblem } from '../problem.format.ts';

interface FileReport {
  file: string;
  valid: boolean;
  problems: Problem[];
  error?: string;
}

async function check(file: string): Promise<FileReport> {
  try {
    const { valid, problems } = validateOnThisServer(await readTextFile(file));
    return { file, valid, problems };
  } catch (error) {
    return { file, valid: false, problems: [], error: (error as Error).message };
  }
}

/**
 * `xiaoer validate <files...>`: checks workflow files as this server checks a journey before it
 * publishes it (the engine's rules and the server's own: workflows/host-problems.ts) and prints
 * every problem with its JSON pointer; exits 1 when any file has a problem.
 */
export function validateCommand(): Command {
  return new Command('validate')
    .description('校验旅程文件 / Validate journey files')
    .argument('<files...>', '工作流 JSON 文件 / workflow JSON files')
    .option('--json', '以 JSON 输出 / print a JSON report')
    .action(async (files: string[], flags: { json?: boolean }) => {
      const reports = await Promise.all(files.map(check));
      if (flags.json) {
        console.log(JSON.stringify(reports, null, 2));
      } else {
        for (const report of reports) {
          if (report.error) console.log(`✗ ${report.file}\n  ${report.error}`);
          else if (report.valid) console.log(`✓ ${report.file}`);
          else {
            console.log(`✗ ${report.file}: ${report.problems.length} 个问题 / problem(s)`);
            for (const problem of report.problems) console.log(formatProblem(problem));
          }
        }
        const bad = reports.filter((r) => !r.valid).length;
        console.log(
          bad === 0
            ? `全部通过 / all ${reports.length} valid`
            : `${bad}/${reports.length} 个文件有问题 / file(s) have problems`,
        );
      }
      if (reports.some((r) => !r.valid)) process.exitCode = 1;
    });
}
