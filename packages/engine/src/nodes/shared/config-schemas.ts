import { CHANNELS } from '../../runtime/effect.types.ts';
import { DATA_PATH_PATTERN, VARIABLE_NAME_PATTERN } from '../../expressions/data-keys.ts';
import type { JsonSchema } from '../node-type.ts';

/** Schema fragments node types share, so the editor renders the same widget everywhere. */
export const durationSchema = (title: string): JsonSchema => ({
  type: 'string',
  minLength: 1,
  maxLength: 40,
  title,
  examples: ['30m', '2h', '3d', 'PT48H'],
  'x-ui': { widget: 'duration' },
});

export const templateSchema = (title: string, maxLength = 2000): JsonSchema => ({
  type: 'string',
  maxLength,
  title,
  'x-ui': { widget: 'template' },
});

export const messageTextSchema = (title: string): JsonSchema => ({
  type: 'object',
  title,
  required: ['zh'],
  additionalProperties: false,
  properties: {
    zh: { ...templateSchema('中文 / Chinese'), minLength: 1 },
    en: templateSchema('English'),
  },
});

export const channelSchema: JsonSchema = {
  type: 'string',
  enum: [...CHANNELS],
  title: 'Channel / 渠道',
  default: 'sms',
  'x-ui': { widget: 'channel' },
};

export const variableNameSchema = (title: string): JsonSchema => ({
  type: 'string',
  pattern: VARIABLE_NAME_PATTERN,
  maxLength: 64,
  title,
  description:
    'Letters, digits or _, not starting with a digit (e.g. refundAmount) / 字母、数字或 _，不以数字开头（如 refundAmount）',
  'x-ui': { widget: 'variable' },
});

export const localeSchema: JsonSchema = {
  type: 'string',
  maxLength: 100,
  title: 'Language / 语言',
  description: 'zh, en, or a template such as {{customer.language}}',
  default: 'zh',
};

export const conditionSchema = (title: string): JsonSchema => ({
  title,
  type: ['object', 'boolean'],
  'x-ui': { widget: 'condition' },
});

export const localizedTitleSchema: JsonSchema = {
  type: 'object',
  required: ['zh', 'en'],
  additionalProperties: false,
  properties: { zh: { type: 'string', maxLength: 100 }, en: { type: 'string', maxLength: 100 } },
};

export const outcomeIdSchema: JsonSchema = {
  type: 'string',
  pattern: '^[A-Za-z][A-Za-z0-9_-]{0,39}$',
  description:
    'A letter, then up to 39 letters, digits, _ or - / 以字母开头，其后最多 39 个字母、数字、_ 或 -',
};

/** A domain event type such as `order.shipped`. */
export const eventTypeSchema: JsonSchema = {
  type: 'string',
  pattern: '^[a-z][a-zA-Z0-9_.-]{0,99}$',
  title: 'Event type / 事件类型',
  description:
    'A lowercase letter, then letters, digits, ., _ or -, e.g. order.shipped / 小写字母开头，可含字母、数字、.、_ 或 -，如 order.shipped',
  'x-ui': { widget: 'eventType' },
};

export const dataPathSchema = (title: string): JsonSchema => ({
  type: 'string',
  pattern: DATA_PATH_PATTERN,
  title,
  description: DATA_PATH_DESCRIPTION,
});

/** What a data path may be, for forms that show it instead of the pattern. */
export const DATA_PATH_DESCRIPTION =
  'Names joined by dots, e.g. customer.phone / 用点连接的名称，如 customer.phone';
