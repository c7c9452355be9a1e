import { setTimeout as sleep } from 'node:timers/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { candidateUrls, findDemoServer, logIn } from './demo-server.ts';

interface DemoFlags {
  url?: string;
  orders: number;
  interval: number;
  user: string;
  password?: string;
  token?: string;
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
 * (created → paid → shipped → delivered), so the shipped journeys run within a minute. It
 * finds the server on this machine (`PORT`, then 3000–3005) unless `--url` names one, and
 * logs in to count the instances when it has a password or token.
 */
export function demoCommand(): Command {
  return new Command('demo')
    .description(
      '向运行中的演示商店推送订单 / Push a stream of orders through the running demo shop',
    )
    .addOption(
      new Option(
        '--url <url>',
        '小二服务器地址（默认在本机 PORT、3000–3005 上查找）/ Xiaoer server URL (default: found on this machine, PORT then 3000–3005)',
      ).env('XIAOER_URL'),
    )
    .addOption(
      new Option('--user <name>', '登录用户 / user to log in as')
        .env('XIAOER_USER')
        .default('admin'),
    )
    .addOption(
      new Option('--password <secret>', '登录密码 / password').env('XIAOER_ADMIN_PASSWORD'),
    )
    .addOption(new Option('--token <token>', 'API 令牌 / API token').env('XIAOER_TOKEN'))
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
      const found = await findDemoServer(
        flags.url ? [flags.url.replace(/\/+$/, '')] : candidateUrls(process.env),
      );
      if ('tried' in found) {
        process.stderr.write(
          `找不到带演示商店的小二服务器（试过 ${found.tried.join(', ')}）：请先运行 npm start（不带 --config），或用 --url 指定地址。\n` +
            `No Xiaoer server with a demo shop at ${found.tried.join(', ')}: run npm start (without --config) first, or name the server with --url. (${found.reason})\n`,
        );
        process.exitCode = 1;
        return;
      }
      const { url, shopUrl } = found;
      say(`小二服务器 / Xiaoer server: ${url}`);
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
      say(`在控制台查看 / see them in the console: ${url}/#/instances`);
      // Counting the instances needs a login (the API is not public).
      const token = await logIn(url, flags);
      const list = () =>
        fetch(`${url}/api/instances?workflow=order-lifecycle&pageSize=200`, {
          headers: { authorization: `Bearer ${token}` },
        });
      let response = token ? await list() : undefined;
      // An instance's document follows its steps within a second: wait that long for them all.
      for (let tries = 0; response?.ok && tries < 10; tries++) {
        const { total } = (await response.clone().json()) as { total: number };
        if (total >= orderIds.length) break;
        await sleep(300);
        response = await list();
      }
      if (!response?.ok) {
        say(
          '（设置 XIAOER_ADMIN_PASSWORD 或 --password 可在此列出实例数）/ (set XIAOER_ADMIN_PASSWORD or --password to count the instances here)',
        );
        return;
      }
      const instances = (await response.json()) as {
        total: number;
        instances: { node: string }[];
      };
      const byNode = new Map<string, number>();
      for (const instance of instances.instances)
        byNode.set(instance.node, (byNode.get(instance.node) ?? 0) + 1);
      say(`订单旅程实例 / order-lifecycle instances: ${instances.total}`);
      for (const [node, count] of byNode) say(`  ${node}: ${count}`);
    });
}
