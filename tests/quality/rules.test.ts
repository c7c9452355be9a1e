import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  RULE_CHECKS,
  chineseValence,
  inspectConversation,
  messageValence,
  type QualityRule,
  type RuleId,
} from '@xiaoer/server/internal';
import { transcript } from './transcript.ts';

/** The rule's check with its default parameters. */
const check = <K extends RuleId>(id: K, input: ReturnType<typeof transcript>) =>
  RULE_CHECKS[id](input, DEFAULT_RULES[id].params);

describe('forbidden words', () => {
  it('should find a forbidden word in a Chinese agent message, and only there', () => {
    const found = check(
      'forbiddenWords',
      transcript([
        ['customer', 0, '我不知道怎么退款'],
        ['agent', 5, '您好，这个不归我管，您自己看说明吧'],
        ['agent', 8, '您好，请问还有什么可以帮您？'],
        ['agent', 9, '这个我也不知道'],
        ['agent', 10, "Honestly, I don't care."],
      ]),
    );
    expect(found.map((f) => f.seq)).toEqual([2, 4, 5]);
    expect(found[0]?.text.zh).toContain('不归我管');
  });

  it('should find an English one as a whole phrase, case-insensitively', () => {
    const found = check(
      'forbiddenWords',
      transcript([
        ['customer', 0, 'My parcel is late'],
        ['agent', 5, 'Hello! That is NOT MY PROBLEM, sorry.'],
      ]),
    );
    expect(found).toEqual([expect.objectContaining({ seq: 2 })]);
    expect(found[0]?.text.en).toContain('"not my problem"');
  });

  it('should not fire on polite chats or on a word inside another word', () => {
    const input = transcript([
      ['customer', 0, 'whatever works for you'],
      ['agent', 3, 'Hello, I understand the problem and will fix it.'],
      ['agent', 4, '您好，已经为您处理好了。'],
      // Polite forms that hold a forbidden word of a cruder list.
      ['agent', 5, '不知道您还有其他问题吗？如果您不知道订单号，可以在“我的订单”里查看。'],
      ['agent', 6, "Whatever you need, I'm happy to help."],
    ]);
    expect(check('forbiddenWords', input)).toEqual([]);
    const stupidity = RULE_CHECKS.forbiddenWords(
      transcript([['agent', 1, 'Hello, no stupidity here']]),
      { words: { zh: [], en: ['stupid'] } },
    );
    expect(stupidity).toEqual([]);
  });
});

describe('no greeting', () => {
  it('should fire when the agent’s first message does not greet (zh)', () => {
    const found = check(
      'noGreeting',
      transcript([
        ['customer', 0, '我要退款'],
        ['agent', 5, '订单号发一下'],
        ['agent', 9, '您好'],
      ]),
    );
    expect(found).toEqual([expect.objectContaining({ rule: 'noGreeting', seq: 2 })]);
  });

  it('should fire when the agent’s first message does not greet (en), and when none came', () => {
    expect(
      check(
        'noGreeting',
        transcript([
          ['customer', 0, 'refund please'],
          ['agent', 5, 'Order number?'],
        ]),
      ),
    ).toEqual([expect.objectContaining({ seq: 2 })]);
    const silent = check('noGreeting', transcript([['customer', 0, 'anyone?']]));
    expect(silent).toHaveLength(1);
    expect(silent[0]?.seq).toBeUndefined();
  });

  it('should not fire on a greeting in either language', () => {
    expect(
      check('noGreeting', transcript([['agent', 2, '您好，我是小李，请问有什么可以帮您？']])),
    ).toEqual([]);
    expect(check('noGreeting', transcript([['agent', 2, 'Hi there, how can I help?']]))).toEqual(
      [],
    );
    // Greetings by the time of day, and the polite openings of a chat taken from the queue.
    for (const greeting of [
      '早上好，请问有什么可以帮您？',
      '晚上好～订单号发我一下',
      '亲爱的顾客，让您久等了',
      'Good day! Let me check that order.',
      'Dear customer, thanks for your patience.',
      'Hey! How can I help?',
    ])
      expect(check('noGreeting', transcript([['agent', 2, greeting]])), greeting).toEqual([]);
    // "this" holds "hi" but is no greeting.
    expect(check('noGreeting', transcript([['agent', 2, 'Is this your order?']]))).toHaveLength(1);
  });
});

describe('slow first response', () => {
  it('should fire when the first answer comes after the SLA, counted from the assignment', () => {
    const found = check(
      'slowFirstResponse',
      transcript(
        [
          ['customer', 0, 'Where is my parcel?'],
          ['agent', 100, 'Hello, let me check.'],
        ],
        { assignedAt: 20 },
      ),
    );
    expect(found).toEqual([expect.objectContaining({ rule: 'slowFirstResponse', seq: 2 })]);
    expect(found[0]?.text.en).toContain('1 min 20 s');
    expect(found[0]?.text.zh).toContain('1 分 20 秒');
  });

  it('should fire when the agent never answers (zh)', () => {
    const found = check(
      'slowFirstResponse',
      transcript([['customer', 0, '有人吗？']], { resolvedAt: 600 }),
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.text.zh).toContain('一直没有回复');
  });

  it('should not fire within the SLA, however long the queue was', () => {
    const input = transcript(
      [
        ['customer', 0, '我的快递到哪了'],
        ['agent', 325, '您好，我帮您查一下'],
      ],
      { assignedAt: 300 },
    );
    expect(check('slowFirstResponse', input)).toEqual([]);
  });
});

describe('closed without replying', () => {
  it('should fire, not as a slow answer, when the agent ends the chat without a word (zh, en)', () => {
    const closed = transcript([['customer', 0, '有人吗？']], {
      resolvedAt: 95,
      endedByAgent: true,
    });
    const found = check('closedWithoutReply', closed);
    expect(found).toEqual([expect.objectContaining({ rule: 'closedWithoutReply' })]);
    expect(found[0]?.seq).toBeUndefined();
    expect(found[0]?.text.zh).toBe(
      '客服未回复即关闭了会话（接入 1 分 35 秒 后，一条消息也没有发）。',
    );
    expect(found[0]?.text.en).toBe(
      'The agent closed the chat without replying (after 1 min 35 s with the customer, not one message).',
    );
  });

  it('should not fire when the agent wrote, or when the customer left first', () => {
    const answered = transcript(
      [
        ['customer', 0, '有人吗？'],
        ['agent', 5, '您好'],
      ],
      { endedByAgent: true },
    );
    expect(check('closedWithoutReply', answered)).toEqual([]);
    const left = transcript([['customer', 0, '有人吗？']], { resolvedAt: 95 });
    expect(check('closedWithoutReply', left)).toEqual([]);
  });
});

describe('long silence', () => {
  it('should fire for a customer message left unanswered too long (en)', () => {
    const found = check(
      'longSilence',
      transcript([
        ['customer', 0, 'Hi'],
        ['agent', 10, 'Hello, how can I help?'],
        ['customer', 20, 'My parcel is broken'],
        ['customer', 60, 'Hello??'],
        ['agent', 400, 'Sorry, I am here.'],
      ]),
    );
    expect(found).toEqual([expect.objectContaining({ rule: 'longSilence', seq: 3 })]);
    expect(found[0]?.text.en).toContain('6 min 20 s');
  });

  it('should count the wait until the end when the agent never answered again (zh)', () => {
    const found = check(
      'longSilence',
      transcript(
        [
          ['agent', 5, '您好'],
          ['customer', 10, '我要退货'],
        ],
        { resolvedAt: 500 },
      ),
    );
    expect(found).toEqual([expect.objectContaining({ seq: 2 })]);
  });

  it('should not fire on a brisk chat, nor before the first answer', () => {
    const input = transcript([
      ['customer', 0, '在吗'],
      ['agent', 25, '您好，在的'],
      ['customer', 30, '我要改地址'],
      ['agent', 90, '好的，已经帮您改好了'],
    ]);
    expect(check('longSilence', input)).toEqual([]);
  });
});

describe('negative ending', () => {
  it('should score Chinese with the lexicon, polite forms neutral and negation turned', () => {
    expect(chineseValence('太差了，我要投诉')).toBeLessThan(-2);
    expect(chineseValence('不好意思，麻烦您了')).toBe(0);
    expect(chineseValence('不太满意')).toBeLessThan(0);
    expect(chineseValence('谢谢，问题解决了')).toBeGreaterThan(0);
    expect(messageValence('I am very disappointed, this is useless')).toBeLessThan(-2);
  });

  it('should fire when a Chinese customer ends angry', () => {
    const found = check(
      'negativeEnding',
      transcript([
        ['customer', 0, '我要退款'],
        ['agent', 10, '您好，退款需要三到五天'],
        ['customer', 20, '太慢了，你们服务太差了'],
        ['customer', 25, '我要投诉'],
      ]),
    );
    expect(found).toEqual([expect.objectContaining({ rule: 'negativeEnding', seq: 4 })]);
  });

  it('should fire when an English customer ends angry', () => {
    const found = check(
      'negativeEnding',
      transcript([
        ['agent', 10, 'Hello, the refund takes a week.'],
        ['customer', 20, 'This is terrible. I am angry and disappointed.'],
      ]),
    );
    expect(found).toHaveLength(1);
  });

  it('should not read English courtesies made of negative words as an angry ending', () => {
    expect(messageValence('No problem, thanks!')).toBeGreaterThan(0);
    expect(messageValence('no worries')).toBe(0);
    expect(messageValence('I have no complaints, not an issue at all')).toBe(0);
    // The rest of the message still counts.
    expect(messageValence('No problem? This is terrible.')).toBeLessThan(-2);
  });

  it('should not fire when the customer ends satisfied, in either language', () => {
    for (const last of [
      '好的，谢谢，问题解决了',
      'Great, thanks a lot for your help!',
      'No problem, no worries, thanks',
    ])
      expect(
        check(
          'negativeEnding',
          transcript([
            ['customer', 0, '我很生气 / I am upset'],
            ['agent', 10, '您好 / Hello'],
            ['customer', 20, 'ok'],
            ['customer', 30, last],
          ]),
        ),
      ).toEqual([]);
  });
});

describe('promised follow-up without a task', () => {
  const promise = (text: string, followUpTasks = 0) =>
    check(
      'followUpWithoutTask',
      transcript(
        [
          ['customer', 0, '发票什么时候开？'],
          ['agent', 10, text],
        ],
        { followUpTasks },
      ),
    );

  it('should fire on a promise in Chinese or English without a task', () => {
    expect(promise('您好，我核实一下，稍后回复您')).toEqual([
      expect.objectContaining({ rule: 'followUpWithoutTask', seq: 2 }),
    ]);
    expect(promise('Hello, I’ll get back to you tomorrow.')).toHaveLength(1);
    expect(promise('We will follow up by email.')).toHaveLength(1);
  });

  it('should not fire with a follow-up task, or without a promise', () => {
    expect(promise('您好，我会跟进这个问题', 1)).toEqual([]);
    expect(promise('Hello, your invoice is attached.')).toEqual([]);
    expect(promise('您好，发票已经开好了')).toEqual([]);
    // Asking the customer to reply later is no promise of the agent's.
    expect(promise('您好，验证码已发送，请您稍后回复验证码')).toEqual([]);
  });

  it('should fire on the agent promising a later answer in other words', () => {
    expect(promise('您好，这个我稍后回复')).toHaveLength(1);
    expect(promise('您好，核实好了稍后给您回复')).toHaveLength(1);
  });
});

describe('the score', () => {
  const rules = (change: Partial<Record<RuleId, Partial<QualityRule>>> = {}): QualityRule[] =>
    Object.values(DEFAULT_RULES).map((rule) => ({
      ...rule,
      version: 1,
      updatedAt: new Date(0),
      updatedBy: 'test',
      ...change[rule.id],
    }));

  it('should be 100 for a good chat and deduct each fired rule’s weight once', () => {
    const good = transcript([
      ['customer', 0, '我要改地址'],
      ['agent', 10, '您好，请把新地址发给我'],
      ['customer', 20, '北京市朝阳区'],
      ['agent', 30, '已经改好了'],
      ['customer', 40, '谢谢'],
    ]);
    expect(inspectConversation(good, rules())).toEqual({ score: 100, findings: [] });

    const bad = transcript([
      ['customer', 0, 'where is my parcel'],
      ['agent', 60, 'whatever, not my problem'],
      ['customer', 70, 'hello?'],
      ['customer', 500, 'This is awful, I am angry'],
    ]);
    const result = inspectConversation(bad, rules());
    // forbidden 30, greeting 10, slow 15, silence 15, negative 15.
    expect(result.score).toBe(15);
    expect(new Set(result.findings.map((f) => f.rule))).toEqual(
      new Set([
        'forbiddenWords',
        'noGreeting',
        'slowFirstResponse',
        'longSilence',
        'negativeEnding',
      ]),
    );
    expect(result.findings.map((f) => f.seq)).toEqual(
      [...result.findings.map((f) => f.seq)].sort(),
    );
  });

  it('should score a chat closed without a word as that, not also as never answered', () => {
    const closed = transcript([['customer', 0, '有人吗']], { resolvedAt: 900, endedByAgent: true });
    const result = inspectConversation(closed, rules());
    // greeting 10, closed without replying 30: the slow first answer's 15 is not added.
    expect(result.score).toBe(60);
    expect(result.findings.map((f) => f.rule)).toEqual(['noGreeting', 'closedWithoutReply']);
    // With the rule off, the first response's rule finds it as before.
    const off = inspectConversation(closed, rules({ closedWithoutReply: { enabled: false } }));
    expect(off.score).toBe(75);
    expect(off.findings.map((f) => f.rule)).toEqual(['noGreeting', 'slowFirstResponse']);
  });

  it('should not change the score of a chat the agent wrote in and then closed', () => {
    const bad = transcript(
      [
        ['customer', 0, 'where is my parcel'],
        ['agent', 60, 'whatever, not my problem'],
        ['customer', 70, 'hello?'],
        ['customer', 500, 'This is awful, I am angry'],
      ],
      { endedByAgent: true },
    );
    const without = rules({ closedWithoutReply: { enabled: false } });
    expect(inspectConversation(bad, rules())).toEqual(inspectConversation(bad, without));
    expect(inspectConversation(bad, rules()).score).toBe(15);
  });

  it('should skip disabled rules and never go below 0', () => {
    const silent = transcript([['customer', 0, '有人吗']], { resolvedAt: 900 });
    expect(
      inspectConversation(silent, rules({ noGreeting: { enabled: false } })).findings.map(
        (f) => f.rule,
      ),
    ).toEqual(['slowFirstResponse']);
    expect(inspectConversation(silent, rules({ slowFirstResponse: { weight: 100 } })).score).toBe(
      0,
    );
  });
});
