// Writes docs/journey-format.md from the node registry: `npm run docs:journey-format`.
import { writeFileSync } from 'node:fs';
import { journeyFormatMarkdown } from '../src/docs/journey-format.ts';

const target = new URL('../../../docs/journey-format.md', import.meta.url);
writeFileSync(target, journeyFormatMarkdown());
process.stdout.write(`wrote ${target.pathname}\n`);
