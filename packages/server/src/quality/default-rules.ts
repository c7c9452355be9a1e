import type { QualityRule, RuleId } from './quality-rule.ts';

/** A rule as seeded: what an operator would otherwise set. */
export type RuleSetting<K extends RuleId = RuleId> = Pick<
  QualityRule<K>,
  'id' | 'enabled' | 'weight' | 'params'
>;

/**
 * The rules a shop starts with, seeded on first read. The weights of the rules that can fire
 * together add up to 100: a chat that breaks every rule scores 0 (`closedWithoutReply` fires
 * only where no agent message is, so never with the rules about what the agent wrote, and it
 * stands in for `slowFirstResponse`). Times follow common Chinese e-commerce service standards
 * (first answer within 30 s of taking the chat, no customer left waiting over 3 minutes).
 */
export const DEFAULT_RULES: { [K in RuleId]: RuleSetting<K> } = {
  forbiddenWords: {
    id: 'forbiddenWords',
    enabled: true,
    weight: 30,
    params: {
      words: {
        // “我不知道”, not “不知道”: “不知道您还有其他问题吗？” is how a polite agent asks.
        zh: ['我不知道', '我也不知道', '不归我管', '你自己看', '爱买不买', '没办法', '傻'],
        // “I don't care”, not “whatever”: “Whatever you need, just ask” is polite.
        en: ['not my problem', 'not my job', "I don't care", 'stupid', 'shut up', 'figure it out'],
      },
    },
  },
  noGreeting: {
    id: 'noGreeting',
    enabled: true,
    weight: 10,
    params: {
      phrases: {
        zh: [
          '您好',
          '你好',
          '亲',
          '欢迎',
          '很高兴为您服务',
          '早上好',
          '上午好',
          '中午好',
          '下午好',
          '晚上好',
          '久等了',
          '哈喽',
        ],
        en: [
          'hello',
          'hi',
          'hey',
          'dear',
          'good morning',
          'good afternoon',
          'good evening',
          'good day',
          'welcome',
          'thanks for contacting',
          'thanks for your patience',
          'thank you for your patience',
          'thanks for waiting',
          'thank you for waiting',
        ],
      },
      withinMessages: 1,
    },
  },
  slowFirstResponse: {
    id: 'slowFirstResponse',
    enabled: true,
    weight: 15,
    params: { seconds: 30 },
  },
  // Dropping a customer without a word is graver than answering late (15): it weighs as much as
  // a forbidden word, so with the missing greeting such a chat scores 60, below any pass mark.
  closedWithoutReply: { id: 'closedWithoutReply', enabled: true, weight: 30, params: {} },
  longSilence: { id: 'longSilence', enabled: true, weight: 15, params: { seconds: 180 } },
  negativeEnding: {
    id: 'negativeEnding',
    enabled: true,
    weight: 15,
    params: { lastMessages: 2, threshold: -2 },
  },
  followUpWithoutTask: {
    id: 'followUpWithoutTask',
    enabled: true,
    weight: 15,
    params: {
      phrases: {
        zh: [
          '稍后回复您',
          // Not a bare 稍后回复: 「请您稍后回复验证码」 asks the customer, it promises nothing.
          '我稍后回复',
          '稍后给您回复',
          '我会跟进',
          '回头联系您',
          '稍后联系您',
          '晚点给您答复',
          '核实后回复',
        ],
        en: [
          "I'll get back to you",
          'I will get back to you',
          'will follow up',
          "I'll follow up",
          'get back to you',
          "I'll check and let you know",
        ],
      },
    },
  },
};
