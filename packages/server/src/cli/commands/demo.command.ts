import { setTimeout as sleep } from 'node:timers/promises';
import { Command, InvalidArgumentError, Option } from 'commander';

interface DemoFlags {
  url: string;
  orders: number;
  interval: number;
}

function positive(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError(`应为正整数 / must be a positive integer: ${value}`);
  return number;
}

async function postJson(url: string, body: unknown = {}): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} → ${response.status} ${await response.text()}`);
  return response.json();
}

const CUSTOMERS = [
  { name: '王小明', language: 'zh', tier: 'regular' },
  { name: 'Alice Chen', language: 'en', tier: 'vip' },
  { name: '李华', language: 'zh', tier: 'svip' },
  { name: 'Tom Li', language: 'en', tier: 'regular' },
] as const;

/**
 * `xiaoer demo`: pushes a stream of orders through the demo shop of a running `xiaoer serve`
 * (created → paid → shipped → delivered), so the shipped journeys run within a minute.
 */
export function demoCommand(): Command {
  return new Command('demo')
    .description(
      '向运行中的演示商店推送订单 / Push a stream of orders through the running demo shop',
    )
    .addOption(
      new Option('--url <url>', '小二服务器地址 / Xiaoer server URL')
        .env('XIAOER_URL')
        .default('http://127.0.0.1:3000'),
    )
    .addOption(
      new Option('--orders <n>', '订单数 / number of orders').argParser(positive).default(12),
    )
    .addOption(
      new Option('--interval <ms>', '每步间隔毫秒 / milliseconds between moves')
        .argParser(positive)
        .default(400),
    )
    .action(async (flags: DemoFlags) => {
      const say = (line: string): void => void process.stdout.write(`${line}\n`);
      let shopUrl: string;
      try {
        const response = await fetch(`${flags.url}/api/demo`);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        shopUrl = ((await response.json()) as { shopUrl: string }).shopUrl;
      } catch (error) {
        process.stderr.write(
          `找不到演示商店：请先运行 npm start（不带 --config）。\nNo demo shop found at ${flags.url}: run npm start (without --config) first. (${(error as Error).message})\n`,
        );
        process.exitCode = 1;
        return;
      }
      say(`演示商店 / demo shop: ${shopUrl}`);
      const orderIds: string[] = [];
      for (let i = 0; i < flags.orders; i++) {
        const customer = CUSTOMERS[i % CUSTOMERS.length] as (typeof CUSTOMERS)[number];
        const order = (await postJson(`${shopUrl}/demo/orders`, {
          customer: { ...customer, phone: `1390000${String(i).padStart(4, '0')}` },
          total: 99 + i * 37,
        })) as { orderId: string };
        orderIds.push(order.orderId);
        say(`[${i + 1}/${flags.orders}] 下单 / order created: ${order.orderId}`);
        await sleep(flags.interval);
      }
      for (const status of ['paid', 'shipped', 'delivered'] as const) {
        for (const orderId of orderIds) {
          await postJson(`${shopUrl}/demo/orders/${orderId}/${status}`);
          say(`${orderId} → ${status}`);
          await sleep(flags.interval);
        }
      }
      const instances = (await (
        await fetch(`${flags.url}/api/instances?workflow=order-lifecycle&pageSize=200`)
      ).json()) as { total: number; instances: { node: string }[] };
      const byNode = new Map<string, number>();
      for (const instance of instances.instances)
        byNode.set(instance.node, (byNode.get(instance.node) ?? 0) + 1);
      say(`订单旅程实例 / order-lifecycle instances: ${instances.total}`);
      for (const [node, count] of byNode) say(`  ${node}: ${count}`);
      say(`查看 / see: ${flags.url}/api/instances`);
    });
}
