import { describe, expect, it } from 'vitest';
import { hashPassword, PASSWORD_COST, verifyPassword } from './password.ts';

describe('password hashes', () => {
  it('should hash at the production cost unless told otherwise, and name it in the hash', async () => {
    expect(PASSWORD_COST).toEqual({ N: 32768, r: 8, p: 1 });
    const stored = await hashPassword('密码-correct-horse');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('密码-correct-horse', stored)).toBe(true);
    expect(await verifyPassword('密码-wrong-horse', stored)).toBe(false);
  });

  it('should check a hash at the cost it was stored with (a test cost too)', async () => {
    const stored = await hashPassword('密码-correct-horse', { N: 1024, r: 8, p: 1 });
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('密码-correct-horse', stored)).toBe(true);
    expect(await verifyPassword('密码-correct-horsf', stored)).toBe(false);
  });
});
