import { eventMappingSchema } from '../intake/platforms/mapped.adapter.ts';
import { eventTypeScopeSchema } from '../intake/event-type-scope.ts';
import { CHAT_LIMIT_DEFAULTS } from '../http/chat-limits.ts';
import { CONSOLE_BUDGET_DEFAULTS } from '../http/console-budgets.ts';
import { LOGIN_LOCKOUT_DEFAULTS } from '../auth/login-lockout.ts';
import { LocalizedError } from '../localized-error.ts';
import { localizedSchemaError, schemaErrorPointer, type LocalizedText } from '@xiaoer/engine';
import type { ErrorObject } from 'ajv';
import { compileSchema } from '../json-schema-check.ts';
import type { XiaoerConfig } from './xiaoer-config.ts';
import { intentRecognitionConfigSchema } from '../intents/intent-recognizer.ts';
import { isTimeZone } from '../analytics/local-time.ts';
import { trustedProxyProblem } from '../http/trusted-proxies.ts';

const headers = { type: 'object', additionalProperties: { type: 'string' } };
const url = { type: 'string', pattern: '^https?://' };
const ms = { type: 'integer', minimum: 1 };
const unit = { type: 'number', minimum: 0, maximum: 1 };
/** One score for both languages, or one per language. */
const languageScores = {
  oneOf: [
    unit,
    {
      type: 'object',
      required: ['zh', 'en'],
      additionalProperties: false,
      properties: { zh: unit, en: unit },
    },
  ],
};

const webhook = {
  type: 'object',
  required: ['preset', 'url'],
  properties: {
    preset: { enum: ['generic', 'dingtalk', 'feishu', 'wecom', 'slack'] },
    url,
    secret: { type: 'string' },
    headers,
    timeoutMs: ms,
  },
};

const channel = {
  oneOf: [
    {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: { kind: { const: 'log' } },
    },
    {
      type: 'object',
      required: ['kind', 'preset', 'url'],
      properties: { kind: { const: 'webhook' }, ...webhook.properties },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['kind', 'url', 'body'],
      additionalProperties: false,
      properties: {
        kind: { const: 'sms' },
        url,
        method: { enum: ['POST', 'PUT'] },
        headers,
        body: {},
        timeoutMs: ms,
      },
    },
    {
      type: 'object',
      required: ['kind', 'host', 'port', 'from'],
      additionalProperties: false,
      properties: {
        kind: { const: 'smtp' },
        host: { type: 'string' },
        port: { type: 'integer', minimum: 1, maximum: 65535 },
        secure: { type: 'boolean' },
        auth: {
          type: 'object',
          required: ['user', 'pass'],
          properties: { user: { type: 'string' }, pass: { type: 'string' } },
        },
        from: { type: 'string' },
        subject: {
          type: 'object',
          required: ['zh', 'en'],
          properties: { zh: { type: 'string' }, en: { type: 'string' } },
        },
        allowSelfSigned: { type: 'boolean' },
        timeoutMs: ms,
      },
    },
  ],
};

/** JSON Schema of the configuration file (`xiaoer serve --config file.json`). */
export const xiaoerConfigSchema = {
  type: 'object',
  required: ['sources'],
  additionalProperties: false,
  properties: {
    sources: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'kind', 'secret'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
          kind: { enum: ['xiaoer', 'shopify', 'woocommerce', 'youzan', 'taobao', 'mapped'] },
          secret: { type: 'string', minLength: 16 },
          // The secret before a rotation, still taken until the time given (the grace).
          previousSecret: { type: 'string', minLength: 16 },
          previousSecretUntil: { type: 'string', format: 'date-time' },
          mapping: eventMappingSchema,
          // The event types it may send (`order.*`, `shipment.delivered`); absent: every type.
          eventTypes: eventTypeScopeSchema,
          taobao: {
            type: 'object',
            required: ['appKey', 'session'],
            additionalProperties: false,
            properties: {
              appKey: { type: 'string', minLength: 1 },
              session: { type: 'string', minLength: 1 },
              gateway: { type: 'string', format: 'uri' },
              groupName: { type: 'string', minLength: 1 },
              pollMs: { type: 'integer', minimum: 100, maximum: 600_000 },
            },
          },
        },
        allOf: [
          // A previous secret is taken until its end: both or neither.
          { if: { required: ['previousSecret'] }, then: { required: ['previousSecretUntil'] } },
          { if: { required: ['previousSecretUntil'] }, then: { required: ['previousSecret'] } },
          // A mapped source says how its JSON becomes events; no other source has a mapping.
          // (`required: ['kind']` in each `if`: without a kind, which is reported, the `if`
          // held and asked a mapping and a Taobao shop of the source as well.)
          {
            if: { required: ['kind'], properties: { kind: { const: 'mapped' } } },
            then: { required: ['mapping'] },
            else: { properties: { mapping: false } },
          },
          // A Taobao source names the app and shop whose TMC messages are pulled. Nobody sends
          // as it (its secret signs our own calls to Taobao): a scope would guard nothing.
          {
            if: { required: ['kind'], properties: { kind: { const: 'taobao' } } },
            then: {
              required: ['taobao'],
              properties: { previousSecret: false, eventTypes: false },
            },
            else: { properties: { taobao: false } },
          },
        ],
      },
    },
    orderSystem: {
      type: 'object',
      required: ['baseUrl', 'operations'],
      additionalProperties: false,
      properties: {
        baseUrl: url,
        headers,
        timeoutMs: ms,
        operations: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            required: ['method', 'path'],
            additionalProperties: false,
            properties: {
              method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
              path: { type: 'string', pattern: '^/' },
              body: {},
            },
          },
        },
      },
    },
    channels: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        ['sms', 'email', 'wechat', 'chat', 'app', 'staff', 'default'].map((name) => [
          name,
          channel,
        ]),
      ),
    },
    publisher: { ...webhook, additionalProperties: false },
    http: {
      type: 'object',
      additionalProperties: false,
      properties: {
        trustProxy: {
          oneOf: [
            { type: 'integer', minimum: 1, maximum: 10 },
            {
              type: 'array',
              minItems: 1,
              maxItems: 100,
              items: { type: 'string', minLength: 1, maxLength: 64 },
            },
          ],
        },
        consoleBudgets: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(
            Object.keys(CONSOLE_BUDGET_DEFAULTS).map((name) => [
              name,
              { type: 'integer', minimum: 1, maximum: 100_000 },
            ]),
          ),
        },
        loginLockout: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(
            Object.keys(LOGIN_LOCKOUT_DEFAULTS).map((name) => [
              name,
              // A day at most: a longer lock only helps whoever locks accounts on purpose.
              { type: 'integer', minimum: 1, maximum: name === 'failuresPerAccount' ? 1000 : 1440 },
            ]),
          ),
        },
      },
    },
    intake: {
      type: 'object',
      additionalProperties: false,
      properties: {
        bodyLimit: { type: 'string', pattern: '^\\d+(b|kb|mb)$' },
        webhookBodyLimit: { type: 'string', pattern: '^\\d+(b|kb|mb)$' },
        replayWindowSeconds: { type: 'integer', minimum: 1, maximum: 86400 },
        maxBacklog: { type: 'integer', minimum: 1, maximum: 1000000 },
        commitWindow: {
          type: 'object',
          additionalProperties: false,
          required: ['ms', 'fill'],
          properties: {
            ms: { type: 'integer', minimum: 0, maximum: 1000 },
            fill: { type: 'integer', minimum: 1, maximum: 500 },
          },
        },
      },
    },
    scheduler: {
      type: 'object',
      additionalProperties: false,
      properties: {
        pollMs: ms,
        timerLockMs: ms,
        effectLockMs: ms,
        processName: { type: 'string' },
      },
    },
    delivery: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxAttempts: { type: 'integer', minimum: 1, maximum: 20 },
        retryDelayMs: ms,
        maxRetryDelayMs: ms,
      },
    },
    history: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxStepsPerInstance: { type: 'integer', minimum: 10 },
        retentionDays: { type: 'number', exclusiveMinimum: 0 },
        pruneEveryMs: ms,
      },
    },
    intents: intentRecognitionConfigSchema,
    recovery: {
      type: 'object',
      additionalProperties: false,
      properties: { sweepEveryMs: ms, staleAfterMs: ms, beatEveryMs: ms, goneAfterMs: ms },
    },
    routing: {
      type: 'object',
      additionalProperties: false,
      properties: {
        awayAfterSeconds: { type: 'number', minimum: 0 },
        returnAfterSeconds: { type: 'number', minimum: 0 },
      },
    },
    chat: {
      type: 'object',
      additionalProperties: false,
      properties: {
        customerSecret: { type: 'string', minLength: 16 },
        requireSignature: { type: 'boolean' },
        signatureMaxLifetimeSeconds: { type: 'integer', minimum: 60 },
        idleCloseMinutes: { type: 'number', minimum: 0 },
        allowedOrigins: {
          type: 'array',
          items: { type: 'string', pattern: '^https?://[^/\\s*]+$' },
          maxItems: 100,
        },
        limits: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(
            Object.keys(CHAT_LIMIT_DEFAULTS).map((name) => [name, { type: 'integer', minimum: 1 }]),
          ),
        },
      },
    },
    metrics: {
      type: 'object',
      additionalProperties: false,
      properties: {
        // Sent in an HTTP header: visible ASCII only.
        token: { type: 'string', minLength: 16, pattern: '^[\\x21-\\x7e]+$' },
        cacheMs: { type: 'integer', minimum: 0 },
      },
    },
    knowledge: {
      type: 'object',
      additionalProperties: false,
      properties: {
        threshold: languageScores,
        suggestFloor: languageScores,
        confidentScore: { type: 'number', minimum: 0, maximum: 1 },
        refreshEveryMs: { type: 'integer', minimum: 0 },
      },
    },
    analytics: {
      type: 'object',
      additionalProperties: false,
      properties: {
        timeZone: { type: 'string', minLength: 1, maxLength: 64 },
        rollupEveryMs: { type: 'integer', minimum: 1000 },
      },
    },
  },
} as const;

const check = compileSchema(xiaoerConfigSchema);

/** The configuration is not valid; lists every problem with its JSON pointer, in zh and in en. */
export class ConfigError extends LocalizedError {
  constructor(file: string, problems: LocalizedText[]) {
    super({
      zh: `配置文件 ${file} 有误：\n  ${problems.map((problem) => problem.zh).join('\n  ')}`,
      en: `The configuration file ${file} is invalid:\n  ${problems.map((problem) => problem.en).join('\n  ')}`,
    });
  }
}

/**
 * ajv's errors as lines `pointer message` in both languages: an unknown or missing property's
 * pointer names it, and an `if`'s own error ("must match then schema") is left out, the
 * `then` or `else` branch's says what is wrong.
 */
function schemaLines(errors: ErrorObject[] | null | undefined): LocalizedText[] {
  return (errors ?? [])
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      const pointer = schemaErrorPointer(error) || '/';
      const text = localizedSchemaError(error);
      return { zh: `${pointer} ${text.zh}`, en: `${pointer} ${text.en}` };
    });
}

/** Checks a parsed configuration file and returns it typed. */
export function parseConfig(value: unknown, file: string): XiaoerConfig {
  if (check(value)) {
    const config = value as unknown as XiaoerConfig;
    const timeZone = config.analytics?.timeZone;
    if (timeZone !== undefined && !isTimeZone(timeZone))
      throw new ConfigError(file, [
        {
          zh: `/analytics/timeZone "${timeZone}" 不是 IANA 时区名（如 Asia/Shanghai）`,
          en: `/analytics/timeZone "${timeZone}" is not an IANA time zone (Asia/Shanghai)`,
        },
      ]);
    const trusted = config.http?.trustProxy;
    const proxyProblems = Array.isArray(trusted)
      ? trusted.flatMap((entry, index) => {
          const problem = trustedProxyProblem(entry);
          return problem
            ? [
                {
                  zh: `/http/trustProxy/${index} ${problem.zh}`,
                  en: `/http/trustProxy/${index} ${problem.en}`,
                },
              ]
            : [];
        })
      : [];
    if (proxyProblems.length > 0) throw new ConfigError(file, proxyProblems);
    return config;
  }
  throw new ConfigError(file, schemaLines(check.errors));
}
