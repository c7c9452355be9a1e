import { randomBytes } from 'node:crypto';
import { DemoShop } from '@xiaoer/demo-shop';
import { DEFAULT_OPERATIONS } from '../connectors/http-order-system.ts';
import type { XiaoerConfig } from './xiaoer-config.ts';

/** The demo order system running beside the server, and the configuration that uses it. */
export interface Demo {
  shop: DemoShop;
  shopUrl: string;
  config: XiaoerConfig;
  /** Points the shop's webhooks at the server once it listens. */
  connect(serverUrl: string): void;
  close(): Promise<void>;
}

export const DEMO_SOURCE = 'demo-shop';

/**
 * Starts the demo shop and a configuration around it: the shop is the order system and its
 * message sink receives customer messages; staff events go to the log.
 */
export async function startDemo(host: string): Promise<Demo> {
  const shop = new DemoShop();
  const shopUrl = await shop.listen(0, host);
  const secret = randomBytes(24).toString('hex');
  return {
    shop,
    shopUrl,
    config: {
      sources: [{ id: DEMO_SOURCE, kind: 'xiaoer', secret }],
      orderSystem: { baseUrl: shopUrl, operations: DEFAULT_OPERATIONS, timeoutMs: 5000 },
      channels: { default: { kind: 'webhook', preset: 'generic', url: `${shopUrl}/messages` } },
      // The demo page is the shop's page: it signs its demo customer (http/demo-chat.route.ts).
      chat: { customerSecret: randomBytes(24).toString('hex') },
    },
    connect: (serverUrl) =>
      shop.connect({ url: `${serverUrl}/api/events`, source: DEMO_SOURCE, secret }),
    close: () => shop.close(),
  };
}
