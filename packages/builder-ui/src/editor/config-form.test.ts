import { describe, expect, it } from 'vitest';
import type { RJSFSchema } from '@rjsf/utils';
import { configValidators } from './config-form.ts';

const schema: RJSFSchema = {
  type: 'object',
  properties: {
    code: {
      type: 'string',
      pattern: '^[A-Z]{3}$',
      description: 'Three capital letters / 三个大写字母',
    },
    hour: { type: 'string', pattern: '^[0-2][0-9]$' },
  },
};
const messagesIn = (language: 'zh' | 'en') =>
  configValidators[language]
    .validateFormData({ code: 'ab', hour: 'x' }, schema)
    .errors.map((error) => error.message);

describe("the form checker's messages", () => {
  it("should tell a value off its pattern with the field's description in the language shown", () => {
    expect(messagesIn('zh')).toEqual(['三个大写字母', '应当匹配模式 "^[0-2][0-9]$"']);
    expect(messagesIn('en')).toEqual([
      'Three capital letters',
      'must match pattern "^[0-2][0-9]$"',
    ]);
  });
});
