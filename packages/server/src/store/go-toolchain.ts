import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { StoreError } from './store-error.ts';

const run = promisify(execFile);

/** A Go toolchain found on this machine. */
export interface GoToolchain {
  command: string;
  version: string;
}

/** Reads `1.26.8` out of `go version go1.26.8 linux/amd64`; undefined if it is not there. */
export function parseGoVersion(output: string): string | undefined {
  return /\bgo(\d+\.\d+(?:\.\d+)?)/.exec(output)?.[1];
}

/** True when dotted version `version` is at least `minimum` (`1.24.3` >= `1.24`). */
export function isAtLeast(version: string, minimum: string): boolean {
  const have = version.split('.').map(Number);
  const need = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(have.length, need.length); i++) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/** `go` on the PATH, else Go's default install location. */
function candidates(): string[] {
  const list = ['go'];
  if (process.env['GOROOT']) list.push(`${process.env['GOROOT']}/bin/go`);
  list.push('/usr/local/go/bin/go');
  return list.filter((command) => command === 'go' || existsSync(command));
}

/**
 * Finds a Go toolchain of at least `minimum`, or explains what to install.
 * `searchPath` replaces the candidates (tests point it at fakes).
 */
export async function findGo(minimum: string, searchPath = candidates()): Promise<GoToolchain> {
  let tooOld: GoToolchain | undefined;
  for (const command of searchPath) {
    let output: string;
    try {
      output = (await run(command, ['version'])).stdout;
    } catch {
      continue;
    }
    const version = parseGoVersion(output);
    if (!version) continue;
    if (isAtLeast(version, minimum)) return { command, version };
    tooOld ??= { command, version };
  }
  const advice = {
    zh: `请安装 Go ${minimum} 或更高版本（https://go.dev/dl/），或设置 MONGODB_URI 使用已有的 MongoDB/FerretDB。`,
    en: `Install Go ${minimum} or newer (https://go.dev/dl/), or set MONGODB_URI to use an existing MongoDB/FerretDB.`,
  };
  if (tooOld) {
    throw new StoreError('go-too-old', {
      zh: `内置数据库 FerretDB 需要 Go ${minimum}+ 来构建，但找到的是 Go ${tooOld.version}（${tooOld.command}）。${advice.zh}`,
      en: `Building the embedded FerretDB needs Go ${minimum}+, found Go ${tooOld.version} (${tooOld.command}). ${advice.en}`,
    });
  }
  throw new StoreError('go-missing', {
    zh: `找不到 Go，无法构建内置数据库 FerretDB。${advice.zh}`,
    en: `Go was not found, so the embedded FerretDB cannot be built. ${advice.en}`,
  });
}
