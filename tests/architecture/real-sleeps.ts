import ts from 'typescript';

/** A place where a test waits a fixed real time instead of moving the clock or polling. */
export interface RealSleep {
  line: number;
  kind: 'promise-timeout' | 'timers-promises' | 'promisified-timeout' | 'wait-for-timeout';
  text: string;
}

const TIMER_MODULES = new Set(['timers/promises', 'node:timers/promises']);

const isSetTimeout = (node: ts.Expression): boolean =>
  (ts.isIdentifier(node) && node.text === 'setTimeout') ||
  (ts.isPropertyAccessExpression(node) &&
    node.name.text === 'setTimeout' &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'globalThis');

/** Whether `node` (a timer's callback) is `name` or a function that mentions `name`. */
function settles(node: ts.Node | undefined, name: string): boolean {
  if (!node) return false;
  if (ts.isIdentifier(node)) return node.text === name;
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(child) && child.text === name) found = true;
    else ts.forEachChild(child, visit);
  };
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) ts.forEachChild(node, visit);
  return found;
}

/**
 * `new Promise((resolve) => setTimeout(resolve, ms))` in any spelling: a promise that a timer
 * resolves. A timer that rejects (a time limit raced against real work) is not a sleep.
 */
function isTimedPromise(node: ts.NewExpression): boolean {
  if (!ts.isIdentifier(node.expression) || node.expression.text !== 'Promise') return false;
  const executor = node.arguments?.[0];
  if (!executor || !(ts.isArrowFunction(executor) || ts.isFunctionExpression(executor)))
    return false;
  const resolve = executor.parameters[0]?.name;
  if (!resolve || !ts.isIdentifier(resolve)) return false;
  let timed = false;
  const visit = (child: ts.Node): void => {
    if (timed) return;
    if (
      ts.isCallExpression(child) &&
      isSetTimeout(child.expression) &&
      settles(child.arguments[0], resolve.text)
    )
      timed = true;
    else ts.forEachChild(child, visit);
  };
  ts.forEachChild(executor, visit);
  return timed;
}

/**
 * The real sleeps in a TypeScript source: promises resolved by `setTimeout`, anything from
 * `node:timers/promises`, `promisify(setTimeout)` and Playwright's `waitForTimeout`. Read from
 * the syntax tree, so comments and strings (`'sleep(1)'` in a payload) never count.
 */
export function realSleeps(source: string, fileName = 'source.ts'): RealSleep[] {
  // Every kind names one of these; most files name none and need no parsing.
  if (!/setTimeout|timers\/promises|waitForTimeout/.test(source)) return [];
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: RealSleep[] = [];
  const add = (node: ts.Node, kind: RealSleep['kind']): void => {
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    found.push({ line, kind, text: node.getText(file).split('\n')[0] ?? '' });
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      TIMER_MODULES.has(node.moduleSpecifier.text)
    )
      add(node, 'timers-promises');
    else if (ts.isNewExpression(node) && isTimedPromise(node)) add(node, 'promise-timeout');
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (
        ts.isIdentifier(callee) &&
        callee.text === 'promisify' &&
        node.arguments[0] &&
        isSetTimeout(node.arguments[0])
      )
        add(node, 'promisified-timeout');
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'waitForTimeout')
        add(node, 'wait-for-timeout');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
