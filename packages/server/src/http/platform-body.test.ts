import { describe, expect, it } from 'vitest';
import { webhookBodyLimit } from './platform-body.ts';

describe('webhookBodyLimit', () => {
  it('should give platform webhooks 5 MB, the general limit when larger, or what is configured', () => {
    expect(webhookBodyLimit('1mb', undefined)).toBe(5 * 1024 * 1024);
    expect(webhookBodyLimit(1024, undefined)).toBe(5 * 1024 * 1024);
    // An operator who raised the general limit keeps it for the webhooks too.
    expect(webhookBodyLimit('8mb', undefined)).toBe(8 * 1024 * 1024);
    expect(webhookBodyLimit('1mb', '2mb')).toBe('2mb');
  });
});
