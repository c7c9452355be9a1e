import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SHIPPED_INTENTS } from '../intent-files.ts';
import type { IntentGrammar, SharedSlots } from './utterance-grammar.ts';

/** The grammars of the shipped intents (`workflows/intents/grammar`). */
export const SHIPPED_GRAMMARS = path.join(SHIPPED_INTENTS, 'grammar');

/** The shared slots and every intent grammar of a folder, in name order. */
export async function loadGrammars(
  directory: string = SHIPPED_GRAMMARS,
): Promise<{ shared: SharedSlots; grammars: IntentGrammar[] }> {
  const read = async <T>(name: string) =>
    JSON.parse(await readFile(path.join(directory, name), 'utf8')) as T;
  const names = (await readdir(directory))
    .filter((name) => name.endsWith('.json') && name !== 'shared.json')
    .sort();
  return {
    shared: await read<SharedSlots>('shared.json'),
    grammars: await Promise.all(names.map((name) => read<IntentGrammar>(name))),
  };
}
