import { readdir, readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every text the server and the engine write for people as `{ zh, en }` (error messages,
 * problems, warnings) says it in each language on its own: the Chinese has Chinese in it, the
 * English none, and they are not one mixed "English / 中文" string given twice. A Chinese
 * console showed English problem lists because such texts were English-only or mixed.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = ['packages/server/src', 'packages/engine/src'];
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(`${root}/${folder}`, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .filter((entry) => !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, `${entry.parentPath}/${entry.name}`));
}

/** A literal's text with each `${…}` as `…`; undefined for anything but a (template) literal. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `…${span.literal.text}`).join('');
  return undefined;
}

/** The `{ zh, en }` literals of a file whose texts are written out, with their line. */
function localizedTexts(file: string, code: string) {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const found: { where: string; zh: string; en: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const values = new Map<string, string | undefined>();
      for (const property of node.properties)
        if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name))
          values.set(property.name.text, literalText(property.initializer));
        else if (ts.isShorthandPropertyAssignment(property))
          values.set(property.name.text, undefined);
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const zh = values.get('zh');
      const en = values.get('en');
      if (zh !== undefined && en !== undefined) found.push({ where: `${file}:${line}`, zh, en });
      // A problem ({ pointer, message }) has its English in `message`, both in `text`.
      const message = values.get('message');
      if (values.has('pointer') && message !== undefined)
        found.push({ where: `${file}:${line}`, zh: '（problem）', en: message });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('texts in zh and en', () => {
  it('should say each text in Chinese and in English, not one language twice or mixed', async () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const folder of SOURCES)
      for (const file of await sourceFiles(folder))
        for (const { where, zh, en } of localizedTexts(
          file,
          await readFile(`${root}/${file}`, 'utf8'),
        )) {
          seen++;
          // A name, a code (an environment variable) or a JSON pointer reads the same in both.
          const words = /[a-z]{2,}/.test(zh.replace(/…/g, '').replace(/\/\S*/g, ''));
          if (words && !CJK.test(zh)) wrong.push(`${where} zh without Chinese: ${zh}`);
          if (CJK.test(en)) wrong.push(`${where} en with Chinese: ${en}`);
          if (words && zh === en) wrong.push(`${where} zh and en the same: ${zh}`);
        }
    expect(seen).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
  });
});
