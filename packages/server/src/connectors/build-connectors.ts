import type { Logger } from 'pino';
import type { ChannelConfig, XiaoerConfig } from '../server/xiaoer-config.ts';
import type {
  CallOutcome,
  Connectors,
  MessageChannel,
  OrderSystemConnector,
} from './connector.types.ts';
import { HttpOrderSystem } from './http-order-system.ts';
import { LogChannel, LogPublisher } from './log-channel.ts';
import { SmsChannel } from './sms-channel.ts';
import { SmtpChannel } from './smtp-channel.ts';
import { WebhookChannel } from './webhook-channel.ts';

/** Used when no order system is configured: every call fails visibly, none is retried. */
class NoOrderSystem implements OrderSystemConnector {
  async call(operation: string): Promise<CallOutcome> {
    return {
      ok: false,
      retryable: false,
      error: {
        code: 'no-order-system',
        message: `No order system is configured; cannot call "${operation}"`,
      },
    };
  }
}

function channelOf(config: ChannelConfig, log: Logger): MessageChannel {
  switch (config.kind) {
    case 'log':
      return new LogChannel(log);
    case 'webhook':
      return new WebhookChannel(config);
    case 'sms':
      return new SmsChannel(config);
    case 'smtp':
      return new SmtpChannel(config);
  }
}

/** The connectors a configuration describes; unconfigured channels write to the log. */
export function buildConnectors(config: XiaoerConfig, log: Logger): Connectors {
  const { default: fallback, ...perChannel } = config.channels ?? {};
  const channels: Connectors['channels'] = {};
  for (const [name, channel] of Object.entries(perChannel))
    if (channel) channels[name as keyof Connectors['channels']] = channelOf(channel, log);
  return {
    orderSystem: config.orderSystem ? new HttpOrderSystem(config.orderSystem) : new NoOrderSystem(),
    channels,
    fallback: fallback ? channelOf(fallback, log) : new LogChannel(log),
    publisher: config.publisher ? new WebhookChannel(config.publisher) : new LogPublisher(log),
  };
}
