import { defineNodeType, type NodeRuntimeArgs } from '../node-type.ts';
import type { JsonObject, JsonValue } from '../../workflow/workflow.types.ts';
import { effectId } from '../../runtime/effect.types.ts';
import { ENGINE_EVENTS } from '../../runtime/journey-context.ts';
import { renderValue } from '../../expressions/template.ts';
import { durationMs } from '../../time/duration.ts';
import { durationSchema, variableNameSchema } from '../shared/config-schemas.ts';
import { checkDuration } from '../shared/config-checks.ts';
import { templateObjectReads } from '../shared/variable-reads.ts';
import { afterDelay, scheduleTimer } from '../shared/timers.ts';

/** Operations every order-system connector implements. */
export const ORDER_OPERATIONS = [
  'getOrder',
  'changeAddress',
  'refund',
  'reissueInvoice',
  'interceptShipment',
  'cancelOrder',
] as const;

export interface RetryPolicy {
  /** Total attempts including the first; 1 means no retry. */
  maxAttempts: number;
  /** Delay before the second attempt. */
  delay: string;
  /** Each further delay is multiplied by this. */
  factor: number;
  maxDelay?: string;
}

export interface CallOrderSystemConfig {
  operation: string;
  /** Arguments; string values are templates (`{{orderId}}` keeps the value's type). */
  args?: Record<string, JsonValue>;
  saveAs?: string;
  /** Store the last error ({code, message}) under this variable when the call fails. */
  errorAs?: string;
  retry?: RetryPolicy;
  timeout?: string;
}

type Args = NodeRuntimeArgs<CallOrderSystemConfig>;

const callName = (attempt: number) => `call.${attempt}`;
const retryName = (attempt: number) => `retry.${attempt}`;
const isCurrentCall = ({ context, event }: Args) =>
  event.effectId === effectId(context.visit, callName(context.visit.attempt));

/** Calls the order system; retries with exponential backoff, then takes `failed`. */
export const callOrderSystemNode = defineNodeType<CallOrderSystemConfig>({
  type: 'callOrderSystem',
  title: { zh: '调用订单系统', en: 'Call order system' },
  description: {
    zh: '调用订单系统（查询订单、改地址、退款、重开发票…），失败可按策略重试',
    en: 'Calls the order system (get order, change address, refund, reissue invoice...) with retries',
  },
  category: 'orders',
  configSchema: {
    type: 'object',
    required: ['operation'],
    additionalProperties: false,
    properties: {
      operation: {
        type: 'string',
        title: 'Operation / 操作',
        pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,59}$',
        description:
          'A letter, then letters, digits or _, e.g. getOrder / 字母开头，可含字母、数字或 _，如 getOrder',
        examples: [...ORDER_OPERATIONS],
      },
      args: { type: 'object', title: 'Arguments / 参数', 'x-ui': { widget: 'templates' } },
      saveAs: variableNameSchema('Save result as / 结果保存到'),
      errorAs: variableNameSchema('Save error as / 错误保存到'),
      retry: {
        type: 'object',
        title: 'Retry / 重试',
        required: ['maxAttempts'],
        additionalProperties: false,
        properties: {
          maxAttempts: { type: 'integer', minimum: 1, maximum: 10, default: 3 },
          delay: { ...durationSchema('First delay / 首次间隔'), default: '30s' },
          factor: { type: 'number', minimum: 1, maximum: 10, default: 2 },
          maxDelay: durationSchema('Max delay / 最长间隔'),
        },
      },
      timeout: durationSchema('Timeout per attempt / 单次超时'),
    },
  },
  defaultConfig: { operation: 'getOrder', args: { orderId: '{{orderId}}' }, saveAs: 'order' },
  outcomes: () => [
    { id: 'succeeded', title: { zh: '成功', en: 'Succeeded' } },
    { id: 'failed', title: { zh: '失败', en: 'Failed' } },
  ],
  waits: false,
  awaits: (config) => [
    ENGINE_EVENTS.callSucceeded,
    ENGINE_EVENTS.callFailed,
    ...(config.retry && config.retry.maxAttempts > 1 ? [ENGINE_EVENTS.timerFired] : []),
  ],
  reads: (config) => templateObjectReads(config.args, '/args'),
  writes: (config) => [config.saveAs, config.errorAs].filter((v): v is string => Boolean(v)),
  check: (config) => [
    ...checkDuration(config.retry?.delay, '/retry/delay'),
    ...checkDuration(config.retry?.maxDelay, '/retry/maxDelay'),
    ...checkDuration(config.timeout, '/timeout'),
  ],
  compile: (_node, c) => ({
    entry: [c.enter(), c.effect('call')],
    on: {
      [ENGINE_EVENTS.callSucceeded]: [
        { guard: c.check('current'), ...c.go('succeeded', [c.update('saveResult')]) },
      ],
      [ENGINE_EVENTS.callFailed]: [
        {
          guard: c.check('retryable'),
          actions: [c.update('nextAttempt'), c.effect('scheduleRetry')],
        },
        { guard: c.check('current'), ...c.go('failed', [c.update('saveError')]) },
      ],
      [ENGINE_EVENTS.timerFired]: [{ guard: c.check('retryDue'), actions: [c.effect('call')] }],
    },
  }),
  guards: {
    current: isCurrentCall,
    retryable: (args) =>
      isCurrentCall(args) &&
      args.event.retryable !== false &&
      args.context.visit.attempt < (args.node.config.retry?.maxAttempts ?? 1),
    retryDue: ({ context, event }) =>
      event.timerId === effectId(context.visit, retryName(context.visit.attempt)),
  },
  updates: {
    nextAttempt: ({ context }) => ({
      visit: { ...context.visit, attempt: context.visit.attempt + 1 },
    }),
    saveResult: ({ node, context, event }) =>
      node.config.saveAs
        ? { data: { ...context.data, [node.config.saveAs]: event.data ?? {} } }
        : {},
    saveError: ({ node, context, event }) =>
      node.config.errorAs
        ? {
            data: {
              ...context.data,
              [node.config.errorAs]: event.error ?? { code: 'unknown', message: '' },
            },
          }
        : {},
  },
  effects: {
    call: ({ node, context }) => {
      const args: JsonObject = {};
      for (const [key, value] of Object.entries(node.config.args ?? {}))
        args[key] = renderValue(value, context.data);
      return {
        kind: 'call',
        id: effectId(context.visit, callName(context.visit.attempt)),
        nodeId: node.id,
        operation: node.config.operation,
        args,
        idempotencyKey: effectId(context.visit, 'call'),
        attempt: context.visit.attempt,
        ...(node.config.timeout ? { timeoutMs: durationMs(node.config.timeout) } : {}),
      };
    },
    scheduleRetry: ({ node, context, at }) => {
      const retry = node.config.retry;
      if (!retry) return null;
      const delay = backoffDelay(retry, context.visit.attempt);
      return scheduleTimer(
        context,
        retryName(context.visit.attempt),
        afterDelay(at, delay),
        'retry',
      );
    },
  },
});

/**
 * Delay before `attempt` (2 = first retry): delay * factor^(attempt-2), capped at maxDelay.
 * No jitter here: the engine is deterministic; hosts may spread timers themselves.
 */
export function backoffDelay(retry: RetryPolicy, attempt: number): number {
  const base =
    durationMs(retry.delay ?? '30s') * Math.pow(retry.factor ?? 2, Math.max(0, attempt - 2));
  return retry.maxDelay ? Math.min(base, durationMs(retry.maxDelay)) : base;
}
