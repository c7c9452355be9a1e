import { describe, expect, it } from 'vitest';
import { LocalizedError, parseConfig } from '@xiaoer/server';

const source = { id: 'my-shop', kind: 'shopify', secret: 'shpss_0123456789abcdef' };

/** The problems `parseConfig` reports for `config`, as the operator reads them. */
function problemsOf(config: unknown): { zh: string; en: string } {
  try {
    parseConfig(config, 'config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(LocalizedError);
    return { zh: (error as LocalizedError).zh, en: (error as LocalizedError).en };
  }
  throw new Error('the configuration was accepted');
}

/**
 * What `xiaoer serve --config` says about a file it refuses. Found giving it a file with a
 * misspelt key: both the "Chinese" and the English lines read `/ must NOT have additional
 * properties`, naming neither the key nor, in Chinese, anything; a source without `kind` was
 * also told to add a `mapping` and a `taobao` block, with two "must match then schema" lines.
 */
describe('a configuration file with mistakes', () => {
  it('should name an unknown key, in Chinese and in English', () => {
    const { zh, en } = problemsOf({ sources: [source], chanels: {} });
    expect(zh).toContain('/chanels 未知属性 "chanels"');
    expect(en).toContain('/chanels unknown property "chanels"');
    const nested = problemsOf({ sources: [source], intake: { bodylimit: '1mb' } });
    expect(nested.en).toContain('/intake/bodylimit unknown property "bodylimit"');
  });

  it('should say in Chinese what is wrong with a value of the wrong type', () => {
    const { zh, en } = problemsOf({ sources: 'my-shop' });
    expect(en).toContain('/sources must be array');
    expect(zh).toContain('/sources 应当是数组');
    expect(zh).not.toContain('must');
  });

  it('should ask a source without a kind or a secret for those, and nothing else', () => {
    const { zh, en } = problemsOf({ sources: [{ id: 'my-shop' }] });
    expect(en.split('\n').slice(1)).toEqual([
      '  /sources/0/kind missing required property "kind"',
      '  /sources/0/secret missing required property "secret"',
    ]);
    expect(zh).toContain('/sources/0/secret 缺少必填属性 "secret"');
  });

  it('should refuse a mapping on a source that is not mapped, saying where', () => {
    const { zh, en } = problemsOf({
      sources: [{ ...source, mapping: { type: '/type', data: {} } }],
    });
    expect(en).toContain('/sources/0/mapping not allowed here');
    expect(zh).toContain('/sources/0/mapping 不允许出现在这里');
    expect(en).not.toContain('then');
  });
});
