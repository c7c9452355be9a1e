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

  it('should take a commit window with both its bounds, within them', () => {
    const commitWindow = { ms: 0, fill: 16 };
    expect(parseConfig({ sources: [source], intake: { commitWindow } }, 'c.json').intake).toEqual({
      commitWindow,
    });
    const half = problemsOf({ sources: [source], intake: { commitWindow: { ms: 40 } } });
    expect(half.en).toContain('/intake/commitWindow/fill missing required property "fill"');
    const long = problemsOf({
      sources: [source],
      intake: { commitWindow: { ms: 5000, fill: 16 } },
    });
    expect(long.en).toContain('/intake/commitWindow/ms');
    expect(long.zh).toContain('/intake/commitWindow/ms');
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

  it('should take a previous secret only with its end, a real time, and never on a Taobao source', () => {
    const previous = {
      previousSecret: 'shpss_old-0123456789',
      previousSecretUntil: '2026-12-08T12:00:00+08:00',
    };
    expect(
      parseConfig({ sources: [{ ...source, ...previous }] }, 'config.json').sources[0],
    ).toEqual({
      ...source,
      ...previous,
    });
    const alone = problemsOf({ sources: [{ ...source, previousSecret: previous.previousSecret }] });
    expect(alone.en).toContain(
      '/sources/0/previousSecretUntil missing required property "previousSecretUntil"',
    );
    const untilAlone = problemsOf({
      sources: [{ ...source, previousSecretUntil: previous.previousSecretUntil }],
    });
    expect(untilAlone.en).toContain(
      '/sources/0/previousSecret missing required property "previousSecret"',
    );
    const notATime = problemsOf({
      sources: [{ ...source, ...previous, previousSecretUntil: 'tomorrow' }],
    });
    expect(notATime.en).toContain('/sources/0/previousSecretUntil must match format "date-time"');
    const taobao = problemsOf({
      sources: [
        {
          ...source,
          ...previous,
          kind: 'taobao',
          taobao: { appKey: '12499723', session: 'shop-session' },
        },
      ],
    });
    expect(taobao.en).toContain('/sources/0/previousSecret not allowed here');
    expect(taobao.zh).toContain('/sources/0/previousSecret 不允许出现在这里');
  });

  it('should take the event types a source may send, and say where a pattern is wrong', () => {
    const scoped = { ...source, eventTypes: ['order.*', 'shipment.delivered'] };
    expect(parseConfig({ sources: [scoped] }, 'config.json').sources[0]).toEqual(scoped);
    const bad = problemsOf({ sources: [{ ...source, eventTypes: ['order.*', 'refund*'] }] });
    expect(bad.en).toContain('/sources/0/eventTypes/1 must match pattern');
    expect(bad.zh).toContain('/sources/0/eventTypes/1');
    expect(problemsOf({ sources: [{ ...source, eventTypes: [] }] }).en).toContain(
      '/sources/0/eventTypes',
    );
    // Nobody sends as a Taobao source (its messages are pulled): a scope would guard nothing.
    const taobao = problemsOf({
      sources: [
        {
          ...source,
          kind: 'taobao',
          taobao: { appKey: '12499723', session: 'shop-session' },
          eventTypes: ['order.*'],
        },
      ],
    });
    expect(taobao.en).toContain('/sources/0/eventTypes not allowed here');
  });
});
