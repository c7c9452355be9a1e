import { describe, expect, it } from 'vitest';
import { errorForLog } from './error-for-log.ts';

/** The shapes MongoDB itself gives (FerretDB, under the tests, quotes no values). */
describe('errorForLog', () => {
  it("should leave out MongoDB's quoted duplicate key and its keyValue, keeping the index's fields", () => {
    const error = Object.assign(
      new Error(
        'E11000 duplicate key error collection: xiaoer.customers index: phone_1 dup key: { phone: "13800138000" }',
      ),
      { code: 11000, keyPattern: { phone: 1 }, keyValue: { phone: '13800138000' } },
    );
    const logged = JSON.stringify(errorForLog(error));
    expect(logged).not.toContain('13800138000');
    expect(errorForLog(error)).toMatchObject({
      code: 11000,
      keyFields: ['phone'],
      message:
        'E11000 duplicate key error collection: xiaoer.customers index: phone_1 dup key: { … }',
    });
  });

  it("should leave out the value of Mongoose's failed cast, and follow causes", () => {
    const cast = new Error(
      'Cast to ObjectId failed for value "13800138000" (type string) at path "_id" for model "Order"',
    );
    const logged = errorForLog(new Error('reading the order failed', { cause: cast }));
    expect(JSON.stringify(logged)).not.toContain('13800138000');
    expect(logged).toMatchObject({
      message: 'reading the order failed',
      cause: { message: expect.stringContaining('for value … (type string)') as string },
    });
  });
});
