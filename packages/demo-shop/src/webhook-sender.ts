import { createHmac, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

export interface WebhookTarget {
  /** Xiaoer's event intake, e.g. `http://127.0.0.1:3000/api/events`. */
  url: string;
  source: string;
  secret: string;
}

/** One event the shop reports. */
export interface ShopEvent {
  type: string;
  data: Record<string, unknown>;
}

/**
 * Sends signed CloudEvents to Xiaoer, one at a time and in order, retrying failed deliveries
 * with backoff (as real platforms do) so a restarting Xiaoer loses nothing.
 */
export class WebhookSender {
  readonly #target: () => WebhookTarget | undefined;
  #queue: Promise<void> = Promise.resolve();
  delivered = 0;
  failedAttempts = 0;

  constructor(target: () => WebhookTarget | undefined) {
    this.#target = target;
  }

  send(event: ShopEvent): Promise<void> {
    const id = randomUUID();
    const delivery = this.#queue.then(() => this.#deliver(id, event));
    this.#queue = delivery.catch(() => undefined);
    return delivery;
  }

  /** Resolves when every queued event was delivered (or given up on). */
  idle(): Promise<void> {
    return this.#queue;
  }

  async #deliver(id: string, event: ShopEvent): Promise<void> {
    const body = JSON.stringify({
      specversion: '1.0',
      id,
      type: event.type,
      source: '/demo-shop',
      time: new Date().toISOString(),
      data: event.data,
    });
    for (let attempt = 1; attempt <= 30; attempt++) {
      const target = this.#target();
      if (!target) return;
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = createHmac('sha256', target.secret)
        .update(`${timestamp}.${body}`)
        .digest('hex');
      try {
        const response = await fetch(target.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-xiaoer-source': target.source,
            'x-xiaoer-timestamp': String(timestamp),
            'x-xiaoer-signature': `sha256=${signature}`,
          },
          body,
          signal: AbortSignal.timeout(5000),
        });
        if (response.ok) {
          this.delivered++;
          return;
        }
        if (response.status < 500) return; // rejected for good: retrying will not help
      } catch {
        // Xiaoer is down or restarting: try again
      }
      this.failedAttempts++;
      await sleep(Math.min(200 * 2 ** attempt, 3000));
    }
  }
}
