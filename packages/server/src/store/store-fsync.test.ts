import { describe, expect, it } from 'vitest';
import { storeFsync } from './store-launcher.ts';
import { StoreError } from './store-error.ts';

describe('XIAOER_STORE_FSYNC', () => {
  it('should flush at checkpoints unless every commit is asked for', () => {
    expect(storeFsync({})).toBe('checkpoint');
    expect(storeFsync({ XIAOER_STORE_FSYNC: 'commit' })).toBe('commit');
    expect(storeFsync({ XIAOER_STORE_FSYNC: 'Checkpoint' })).toBe('checkpoint');
  });

  it('should refuse another value in both languages', () => {
    let caught: unknown;
    try {
      storeFsync({ XIAOER_STORE_FSYNC: 'sometimes' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).code).toBe('store-misconfigured');
    expect((caught as StoreError).message).toContain('checkpoint');
    expect((caught as StoreError).message).toContain('只能是');
  });
});
