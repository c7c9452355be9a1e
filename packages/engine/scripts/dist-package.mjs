// After `tsc -p tsconfig.build.json`: writes dist/package.json (exports pointing at the built
// JavaScript and declarations) and the README, so `npm pack packages/engine/dist` makes a
// package plain Node can import, outside this repository.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';

const source = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const entry = (name) => ({ types: `./${name}.d.ts`, import: `./${name}.js` });
const built = {
  name: source.name,
  version: source.version,
  description: source.description,
  license: source.license,
  type: 'module',
  sideEffects: false,
  exports: { '.': entry('index'), './testing': entry('testing/index') },
  dependencies: source.dependencies,
};
writeFileSync(
  new URL('../dist/package.json', import.meta.url),
  `${JSON.stringify(built, null, 2)}\n`,
);
copyFileSync(
  new URL('../README.md', import.meta.url),
  new URL('../dist/README.md', import.meta.url),
);
process.stdout.write('dist/package.json written\n');
