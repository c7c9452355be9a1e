import type { JsonObject, JsonValue } from '@xiaoer/engine';
import type { Language } from '../i18n/messages.ts';

const UNITS: Record<string, { zh: string; en: string }> = {
  s: { zh: '秒', en: 's' },
  m: { zh: '分钟', en: 'min' },
  h: { zh: '小时', en: 'h' },
  d: { zh: '天', en: 'd' },
  w: { zh: '周', en: 'wk' },
};

/** `2h` → `2 h` / `2 小时`; an ISO duration (`PT48H`) or a template as it is. */
export function durationText(value: string, language: Language): string {
  const match = /^(\d+(?:\.\d+)?)\s*([smhdw])$/.exec(value.trim());
  const unit = match && UNITS[match[2] as string];
  if (!match || !unit) return value;
  return language === 'zh' ? `${match[1]} ${unit.zh}` : `${match[1]} ${unit.en}`;
}

const clip = (text: string, max = 24) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const str = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');
const obj = (value: JsonValue | undefined): JsonObject =>
  value && typeof value === 'object' && !Array.isArray(value) ? value : {};
const list = (value: JsonValue | undefined): JsonValue[] => (Array.isArray(value) ? value : []);
/** A `{zh, en}` text in the language shown, falling back to Chinese as the engine does. */
const localized = (value: JsonValue | undefined, language: Language): string => {
  const text = obj(value);
  return str(language === 'en' && text['en'] ? text['en'] : text['zh']);
};

const CHANNELS: Record<string, { zh: string; en: string }> = {
  sms: { zh: '短信', en: 'SMS' },
  wechat: { zh: '微信', en: 'WeChat' },
  email: { zh: '邮件', en: 'Email' },
  chat: { zh: '在线聊天', en: 'Chat' },
  app: { zh: 'App 推送', en: 'App push' },
  staff: { zh: '员工', en: 'Staff' },
};
export const channelName = (channel: string, language: Language): string =>
  CHANNELS[channel]?.[language] ?? channel;

/**
 * One line that says what a node does with its settings, for its face on the canvas:
 * "Wait 2 h", "SMS: 您的订单…", "Ask: 3 options". Empty when there is nothing to say.
 */
export function nodeSummary(type: string, config: JsonObject, language: Language): string {
  const zh = language === 'zh';
  switch (type) {
    case 'trigger':
      return str(config['event']) && `${zh ? '当' : 'On'} ${str(config['event'])}`;
    case 'wait': {
      const hours = obj(config['allowedHours']);
      const window = str(hours['from']) ? ` · ${str(hours['from'])}–${str(hours['to'])}` : '';
      const what = str(config['duration'])
        ? durationText(str(config['duration']), language)
        : `${zh ? '直到' : 'until'} ${clip(str(config['until']))}`;
      return `${zh ? '等待' : 'Wait'} ${what}${window}`;
    }
    case 'sendMessage':
      return `${channelName(str(config['channel']), language)}: ${clip(localized(config['message'], language))}`;
    case 'askCustomer': {
      const options = list(config['options']).length;
      return options
        ? zh
          ? `提问：${options} 个选项`
          : `Ask: ${options} option${options === 1 ? '' : 's'}`
        : `${zh ? '提问' : 'Ask'}: ${clip(localized(config['question'], language))}`;
    }
    case 'waitForEvent': {
      const timeout = str(config['timeout']);
      return `${zh ? '等' : 'Until'} ${str(config['event'])}${timeout ? ` · ≤ ${durationText(timeout, language)}` : ''}`;
    }
    case 'callOrderSystem':
      return str(config['operation']) && `${str(config['operation'])}()`;
    case 'condition': {
      const branches = list(config['branches']).length;
      return zh
        ? `${branches} 个分支 + 其他`
        : `${branches} branch${branches === 1 ? '' : 'es'} + else`;
    }
    case 'setData': {
      const names = list(config['assignments']).map((a) => str(obj(a)['variable']));
      return clip(names.join(', '), 32);
    }
    case 'emitEvent':
      return `→ ${str(config['event'])}`;
    case 'classifyIntent':
      return clip(list(config['intents']).map(str).join(' / '), 32);
    case 'handoffToAgent':
      return `${zh ? '转人工' : 'To agents'}: ${str(config['group'])}`;
    case 'end':
      return str(config['status']) === 'failed' ? (zh ? '失败结束' : 'Ends failed') : '';
    default:
      return '';
  }
}
