/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return as a formula. Exported text comes from customers (an unanswered question
 * promoted to an article, an intent's name), so such a cell is written with a leading `'`,
 * which spreadsheets show as text. Cells already starting with `'` and then one of those get
 * one more, so {@link restoreFormulaText} gives back exactly what was exported.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** `text`, prefixed with `'` when a spreadsheet would take it as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text a {@link neutraliseFormula}d cell stood for (an import of an export). */
export function restoreFormulaText(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** csv-stringify's `cast` for strings: every exported string cell neutralised. */
export const SAFE_CSV_CAST = { string: neutraliseFormula } as const;
