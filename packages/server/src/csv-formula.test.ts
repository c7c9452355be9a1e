import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormulaText } from './csv-formula.ts';

describe('CSV formula cells', () => {
  it.each([
    ['=HYPERLINK("http://x","点我")', `'=HYPERLINK("http://x","点我")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ["'=1", "''=1"],
    ['我的快递到哪了', '我的快递到哪了'],
    ["it's fine", "it's fine"],
  ])('should write %j as %j and read it back', (text, written) => {
    expect(neutraliseFormula(text)).toBe(written);
    expect(restoreFormulaText(written)).toBe(text);
  });
});
