import type { Command } from 'commander';

/**
 * Commander's own errors (a mistyped option, a missing argument...) are English only; each is
 * given its Chinese line first, so the command line speaks both languages, as its help does.
 * The English line (with commander's "Did you mean" suggestion) follows unchanged.
 */
const CHINESE: [RegExp, (...parts: string[]) => string][] = [
  [/^error: unknown option '([^']*)'/, (flag) => `错误：未知选项 ${flag}`],
  [/^error: unknown command '([^']*)'/, (name) => `错误：未知命令 ${name}`],
  [/^error: missing required argument '([^']*)'/, (name) => `错误：缺少参数 ${name}`],
  [/^error: option '([^']*)' argument missing/, (flag) => `错误：选项 ${flag} 缺少取值`],
  [/^error: required option '([^']*)' not specified/, (flag) => `错误：必须给出选项 ${flag}`],
  [/^error: too many arguments/, () => '错误：参数太多'],
  [
    /^error: option '([^']*)' value '([^']*)' from env '([^']*)' is invalid\./,
    (flag, value, env) => `错误：环境变量 ${env} 的值 "${value}" 不能用于选项 ${flag}`,
  ],
  [
    /^error: option '([^']*)' argument '([^']*)' is invalid\./,
    (flag, value) => `错误：选项 ${flag} 的取值 "${value}" 无效`,
  ],
  [
    /^error: (.*) cannot be used with (.*)$/m,
    (one, other) => `错误：${one} 不能与 ${other} 同时使用`,
  ],
];

/** Commander's error `message` with its Chinese line before it (as is when it is not known). */
export function bilingualCommanderError(message: string): string {
  for (const [pattern, chinese] of CHINESE) {
    const match = pattern.exec(message);
    if (match) return `${chinese(...match.slice(1))}\n${message}`;
  }
  return message;
}

/** Makes `command` and every sub-command write commander's errors in both languages. */
export function speakBothLanguages(command: Command): void {
  command.configureOutput({
    outputError: (text, write) => write(bilingualCommanderError(text)),
  });
  for (const sub of command.commands) speakBothLanguages(sub);
}
