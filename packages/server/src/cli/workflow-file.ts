import { readFile } from 'node:fs/promises';

/** Reads a JSON file the CLI was given, with errors that name the file and say what to do. */
export async function readTextFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`找不到文件 / file not found: ${file}`);
    if (code === 'EISDIR')
      throw new Error(`这是一个目录，不是文件 / this is a directory, not a file: ${file}`);
    throw new Error(`无法读取 / cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Parses JSON text, naming the file and the parser's reason on failure. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`不是合法的 JSON / not valid JSON: ${file}: ${(error as Error).message}`);
  }
}
