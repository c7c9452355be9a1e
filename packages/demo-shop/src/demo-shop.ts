import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type Request, type Response } from 'express';
import { IdempotencyStore, type StoredAnswer } from './idempotency-store.ts';
import { WebhookSender, type WebhookTarget } from './webhook-sender.ts';
import { ORDER_EVENTS, type DemoOrder, type ReceivedMessage } from './order.types.ts';

/** Makes the next `count` calls of an operation fail with `status` (tests of retries). */
export interface Fault {
  operation: string;
  count: number;
  status: number;
}

export interface DemoShopOptions {
  /** Where to send order webhooks; can be set later with {@link DemoShop.connect}. */
  webhook?: WebhookTarget;
}

/** Who owns the demo's orders unless another customer is named (the demo chat page signs them). */
export const DEMO_CUSTOMER_ID = 'demo-customer';

export type OrderInput = Partial<Pick<DemoOrder, 'orderId' | 'total' | 'currency' | 'address'>> & {
  customer?: Partial<DemoOrder['customer']>;
};

/**
 * The demo order system: holds orders, implements the order-system operations Xiaoer calls
 * (honouring Idempotency-Key), receives Xiaoer's messages and sends signed webhooks as orders
 * move. A real HTTP service, kept in memory.
 */
export class DemoShop {
  readonly app: Express;
  readonly orders = new Map<string, DemoOrder>();
  readonly messages: ReceivedMessage[] = [];
  readonly idempotency = new IdempotencyStore();
  readonly sender: WebhookSender;
  duplicateMessages = 0;
  /** Messages received and not answered yet (only while `messages` is delayed). */
  messagesPending = 0;
  /** Every request per operation, failed and replayed ones included. */
  readonly requests = new Map<string, number>();
  #faults = new Map<string, { count: number; status: number }>();
  #delays = new Map<string, number>();
  #webhook: WebhookTarget | undefined;
  #sequence = 1000;
  #server: Server | undefined;

  constructor(options: DemoShopOptions = {}) {
    this.#webhook = options.webhook;
    this.sender = new WebhookSender(() => this.#webhook);
    this.app = this.#routes();
  }

  connect(webhook: WebhookTarget): void {
    this.#webhook = webhook;
  }

  injectFault(fault: Fault): void {
    this.#faults.set(fault.operation, { count: fault.count, status: fault.status });
  }

  /**
   * Makes every call of an operation take `ms` longer (a slow order system); `messages` slows
   * the message sink.
   */
  injectDelay(operation: string, ms: number): void {
    this.#delays.set(operation, ms);
  }

  /** Creates an order and reports `order.created`. */
  async createOrder(input: OrderInput = {}): Promise<DemoOrder> {
    const orderId = input.orderId ?? `D${++this.#sequence}`;
    const order: DemoOrder = {
      orderId,
      status: 'created',
      customer: {
        id: input.customer?.id ?? DEMO_CUSTOMER_ID,
        name: input.customer?.name ?? '王小明',
        phone: input.customer?.phone ?? `1380000${String(this.#sequence).padStart(4, '0')}`,
        language: input.customer?.language ?? 'zh',
        tier: input.customer?.tier ?? 'regular',
        ...(input.customer?.email ? { email: input.customer.email } : {}),
      },
      total: input.total ?? 199,
      currency: input.currency ?? 'CNY',
      address: input.address ?? '上海市浦东新区世纪大道 100 号',
      refunds: [],
      invoices: [],
      intercepted: false,
      createdAt: new Date().toISOString(),
    };
    this.orders.set(orderId, order);
    await this.sender.send({
      type: ORDER_EVENTS.created,
      data: {
        orderId,
        customer: order.customer,
        total: order.total,
        currency: order.currency,
      },
    });
    return order;
  }

  /** Moves an order on (paid, shipped, delivered) and reports it. */
  async advance(orderId: string, status: 'paid' | 'shipped' | 'delivered'): Promise<DemoOrder> {
    const order = this.orders.get(orderId);
    if (!order) throw new Error(`No order ${orderId}`);
    order.status = status;
    if (status === 'shipped') {
      order.trackingNumber = `SF${Date.now().toString().slice(-10)}`;
      order.carrier = 'SF Express / 顺丰速运';
      order.trackingUrl = `https://www.sf-express.com/chn/sc/waybill/waybill-detail/${order.trackingNumber}`;
    }
    await this.sender.send({
      type: ORDER_EVENTS[status],
      data: {
        orderId,
        ...(order.trackingNumber
          ? { trackingNumber: order.trackingNumber, carrier: 'SF Express' }
          : {}),
      },
    });
    return order;
  }

  /** How many times an operation really ran (idempotent replays excluded). */
  executions(operation: string): number {
    return this.idempotency.executions.get(operation) ?? 0;
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer(this.app);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.#server = server;
    return `http://${host}:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
  }

  #routes(): Express {
    const app = express();
    app.disable('x-powered-by');
    app.use(express.json({ limit: '256kb' }));
    const operation =
      (name: string, run: (order: DemoOrder, body: Record<string, unknown>) => StoredAnswer) =>
      async (request: Request, response: Response) => {
        this.requests.set(name, (this.requests.get(name) ?? 0) + 1);
        const answer = await this.idempotency.once(
          name,
          request.get('idempotency-key'),
          async () => {
            const delay = this.#delays.get(name);
            if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
            const fault = this.#faults.get(name);
            if (fault && fault.count > 0) {
              fault.count--;
              return { status: fault.status, body: { error: `injected fault (${fault.status})` } };
            }
            const order = this.orders.get(String(request.params['orderId']));
            if (!order) return { status: 404, body: { error: 'order not found' } };
            // Xiaoer says whose behalf it acts on; another customer's order is refused.
            const body = (request.body ?? {}) as Record<string, unknown>;
            const customerId = body['customerId'] ?? request.query['customerId'];
            if (customerId !== undefined && customerId !== null && customerId !== order.customer.id)
              return { status: 403, body: { error: "not this customer's order" } };
            return run(order, body);
          },
        );
        response.status(answer.status).json(answer.body);
      };

    app.get(
      '/orders/:orderId',
      operation('getOrder', (order) => ({ status: 200, body: order })),
    );
    app.post(
      '/orders/:orderId/address',
      operation('changeAddress', (order, body) => {
        if (order.status === 'delivered')
          return { status: 409, body: { error: 'already delivered' } };
        order.address = String(body['address'] ?? order.address);
        return { status: 200, body: { orderId: order.orderId, address: order.address } };
      }),
    );
    app.post(
      '/orders/:orderId/refunds',
      operation('refund', (order, body) => {
        const amount = body['amount'];
        const refunded = order.refunds.reduce((sum, r) => sum + r.amount, 0);
        if (typeof amount !== 'number' || !(amount > 0))
          return { status: 400, body: { error: 'amount must be a positive number' } };
        if (amount > order.total - refunded)
          return { status: 409, body: { error: 'amount exceeds what is left to refund' } };
        const refund = {
          refundId: String(body['refundId'] ?? `R${order.refunds.length + 1}`),
          amount,
        };
        order.refunds.push(refund);
        return { status: 200, body: { ...refund, refundedAt: new Date().toISOString() } };
      }),
    );
    app.post(
      '/orders/:orderId/invoices',
      operation('reissueInvoice', (order, body) => {
        const invoice = {
          title: String(body['title'] ?? ''),
          taxNumber: String(body['taxNumber'] ?? ''),
          invoiceNo: `INV-${order.orderId}-${order.invoices.length + 1}`,
        };
        order.invoices.push(invoice);
        return {
          status: 200,
          body: { ...invoice, url: `https://demo.invalid/${invoice.invoiceNo}.pdf` },
        };
      }),
    );
    app.post(
      '/orders/:orderId/intercept',
      operation('interceptShipment', (order) => {
        order.intercepted = true;
        return { status: 200, body: { orderId: order.orderId, intercepted: true } };
      }),
    );
    app.post(
      '/orders/:orderId/cancel',
      operation('cancelOrder', (order) => {
        order.status = 'cancelled';
        return { status: 200, body: { orderId: order.orderId, status: order.status } };
      }),
    );
    // The message sink: Xiaoer's generic webhook channel posts customer messages here.
    app.post('/messages', async (request, response) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const delay = this.#delays.get('messages');
      if (delay) {
        this.messagesPending++;
        await new Promise((resolve) => setTimeout(resolve, delay));
        this.messagesPending--;
      }
      const key = request.get('idempotency-key') ?? String(body['idempotencyKey'] ?? '');
      if (this.messages.some((m) => m.idempotencyKey === key)) {
        this.duplicateMessages++;
        response.json({ duplicate: true });
        return;
      }
      this.messages.push({
        idempotencyKey: key,
        channel: String(body['channel'] ?? ''),
        to: String(body['to'] ?? ''),
        text: String(body['text'] ?? ''),
        receivedAt: new Date().toISOString(),
      });
      response.json({ received: true });
    });
    // Driving the demo: create orders and move them on (`xiaoer demo` uses these).
    app.post('/demo/orders', async (request, response) => {
      const order = await this.createOrder((request.body ?? {}) as OrderInput);
      response.status(201).json(order);
    });
    app.post('/demo/orders/:orderId/:status', async (request, response) => {
      const status = String(request.params['status']);
      const orderId = String(request.params['orderId']);
      if (status !== 'paid' && status !== 'shipped' && status !== 'delivered') {
        response.status(400).json({ error: 'status must be paid, shipped or delivered' });
        return;
      }
      if (!this.orders.has(orderId)) {
        response.status(404).json({ error: 'order not found' });
        return;
      }
      response.json(await this.advance(orderId, status));
    });
    app.get('/stats', (_request, response) => {
      response.json({
        orders: this.orders.size,
        executions: Object.fromEntries(this.idempotency.executions),
        idempotentReplays: this.idempotency.replays,
        messages: this.messages.length,
        duplicateMessages: this.duplicateMessages,
        webhooksDelivered: this.sender.delivered,
      });
    });
    return app;
  }
}
