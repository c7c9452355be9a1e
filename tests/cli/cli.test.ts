import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { relayJourney } from '../security/relay-journey.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'packages/server/bin/xiaoer.mjs');
const smallJourney = path.join(root, 'packages/engine/src/testing/fixtures/small-journey.json');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function xiaoer(...args: string[]): Promise<Run> {
  return xiaoerWith({}, ...args);
}

/** Runs `xiaoer` with these environment variables added. */
async function xiaoerWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xiaoer-cli-'));
});

async function file(name: string, content: unknown): Promise<string> {
  const target = path.join(dir, name);
  await writeFile(target, typeof content === 'string' ? content : JSON.stringify(content));
  return target;
}

describe('xiaoer validate', () => {
  it('should pass a valid workflow with exit code 0', async () => {
    const run = await xiaoer('validate', smallJourney);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓');
  });

  it('should print every problem with its pointer and exit 1', async () => {
    const broken = await file('broken.json', {
      id: 'broken',
      name: 'Broken',
      version: 1,
      nodes: [{ id: 'x', type: 'teleport', position: { x: 0, y: 0 }, config: {} }],
      edges: [{ id: 'e1', source: 'x', sourceHandle: 'next', target: 'nowhere' }],
    });
    const run = await xiaoer('validate', smallJourney, broken);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('/nodes/0/type  [node.unknownType]');
    expect(run.stdout).toContain('/edges/0/target  [edge.danglingTarget]');
    expect(run.stdout).toContain('trigger.missing');
    expect(run.stdout).toContain('节点 x 的类型 "teleport" 不存在');
  });

  it("should refuse, as publishing would, a journey that sends the chat's own event", async () => {
    const relay = await file('relay.json', relayJourney('relay'));
    const run = await xiaoer('validate', '--json', relay);
    expect(run.code).toBe(1);
    const [report] = JSON.parse(run.stdout) as { valid: boolean; problems: unknown[] }[];
    expect(report?.valid).toBe(false);
    expect(report?.problems).toEqual([
      expect.objectContaining({
        code: 'config.invalid',
        pointer: '/nodes/1/config/event',
        nodeId: 'speak',
        message: {
          zh: expect.stringContaining('是聊天自己发出的事件，旅程不能发布它'),
          en: expect.stringContaining("is the chat's own event; a journey cannot publish it"),
        },
      }),
    ]);
  });

  it('should name malformed JSON and missing files', async () => {
    const bad = await file('bad.json', '{"id": ');
    const run = await xiaoer('validate', bad, path.join(dir, 'missing.json'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[json.invalid]');
    expect(run.stdout).toContain('file not found');
  });
});

describe('xiaoer simulate', () => {
  it('should print the timeline of nodes, effects and data', async () => {
    const scenario = await file('scenario.json', {
      startAt: '2026-03-01T10:00:00+08:00',
      trigger: { orderId: 'A1', customer: { name: '李雷', phone: '13800000000' }, total: 200 },
      steps: [
        { event: 'order.shipped', data: { orderId: 'A1', carrier: 'SF' } },
        { callFailed: 'getOrder' },
        { advance: '1m' },
        { callSucceeded: 'getOrder', data: { status: 'paid' } },
      ],
    });
    const run = await xiaoer('simulate', smallJourney, '--events', scenario);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('send sms → 13800000000 [zh]: 您好 李雷，订单 A1 已确认');
    expect(run.stdout).toContain('ship --received--> big');
    expect(run.stdout).toContain(
      'schedule retry timer get#5:retry.2 at 2026-03-01T10:01:00.000+08:00',
    );
    expect(run.stdout).toContain('data  {"order":{"status":"paid"}}');
    expect(run.stdout).toContain('Result: done at done (completed)');
  });

  it('should stop at a refused event, say which step and why, and exit 1', async () => {
    const scenario = await file('refused.json', {
      trigger: { orderId: 'A1', customer: { phone: '1' }, total: 1 },
      steps: [{ event: 'order.delivered' }],
    });
    const run = await xiaoer('simulate', smallJourney, '--events', scenario);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('steps[0] [event.notAccepted]');
    expect(run.stderr).toContain('it waits for: order.shipped, timer.fired');
  });

  it("should park an early event with early: 'park', offer it again and list what was let go", async () => {
    const content = {
      autoConfirmSends: false,
      trigger: { orderId: 'A1', customer: { name: '李雷', phone: '13800000000' }, total: 50 },
      steps: [
        { event: 'order.shipped', data: { orderId: 'A1', carrier: 'SF' } },
        { event: 'order.delivered', data: { orderId: 'A1' } },
        { sendSucceeded: true },
      ],
    };
    const scenario = await file('early.json', { ...content, early: 'park' });
    const run = await xiaoer('simulate', smallJourney, '--events', scenario);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'order.shipped  (parked: the node does not wait for it yet / 已暂存：节点尚未等待此事件)',
    );
    expect(run.stdout).toMatch(/order\.shipped {2}\(offered again, sent at .+ \/ 再次提供/);
    expect(run.stdout).toContain('ship --received--> big');
    expect(run.stdout).toContain('放下的事件 / Events let go:');
    expect(run.stdout).toMatch(
      /order\.delivered at hello: no node of the journey waits for its type \/ 旅程中没有节点等待这类事件/,
    );
    expect(run.stdout).toContain('Result: done at done (completed)');
    // Without parking the same scenario stops at its first step.
    const strict = await file('strict.json', content);
    const refused = await xiaoer('simulate', smallJourney, '--events', strict);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('steps[0] [event.notAccepted]');
  });

  it('should reject a malformed scenario with the reason', async () => {
    const scenario = await file('malformed.json', { trigger: 'A1', steps: [{ teleport: true }] });
    const run = await xiaoer('simulate', smallJourney, '--events', scenario);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('场景有误 / the scenario is invalid');
    // Where, then what, in English and in Chinese.
    expect(run.stderr).toContain(
      '  /steps/0\n    must be one step of a kind: advance, event, reply, callSucceeded, callFailed, sendSucceeded, sendFailed, expectNode (it has "teleport")\n    应当是其中一种步骤：',
    );
    expect(run.stderr).toMatch(/ {2}\/trigger\n {4}.+\n {4}.*[\u3400-\u9fff]/);
  });
});

describe("commander's own errors", () => {
  // Found: `xiaoer serve --bogus` answered only "error: unknown option '--bogus'".
  it('should name a mistyped option, command or missing argument in Chinese and in English', async () => {
    const option = await xiaoer('serve', '--prot', '3000');
    expect(option.code).toBe(1);
    expect(option.stderr).toContain('错误：未知选项 --prot');
    expect(option.stderr).toContain("error: unknown option '--prot'");
    const command = await xiaoer('serv');
    expect(command.code).toBe(1);
    expect(command.stderr).toContain('错误：未知命令 serv');
    expect(command.stderr).toContain("error: unknown command 'serv'");
    const argument = await xiaoer('validate');
    expect(argument.code).toBe(1);
    expect(argument.stderr).toContain('错误：缺少参数 files');
  });
});

describe('xiaoer serve settings', () => {
  // Found: the help listed the flags only; the settings that are environment variables only
  // (an external store, the first admin password...) were in the README alone.
  it('should list in its help the settings that are environment variables only, and which setting wins', async () => {
    const help = await xiaoer('serve', '--help');
    expect(help.code).toBe(0);
    for (const name of [
      'PORT',
      'HOST',
      'XIAOER_DATA_DIR',
      'XIAOER_CONFIG',
      'LOG_LEVEL',
      'MONGODB_URI',
      'XIAOER_STORE=postgres',
      'XIAOER_POSTGRES_URL',
      'XIAOER_POSTGRES_DATABASE',
      'XIAOER_STORE_FSYNC=commit',
      'XIAOER_ADMIN_PASSWORD',
      'XIAOER_DEMO_AGENT_PASSWORD',
      'XIAOER_YOUNG_GENERATION_MB',
    ])
      expect(help.stdout).toContain(name);
    expect(help.stdout).toContain('a flag wins over its environment variable');
    expect(help.stdout).toContain('命令行选项 > 环境变量 > 默认值');
  });

  it('should take a flag over its environment variable, even a bad one, before starting anything', async () => {
    // The configuration file is read before the store starts: which one it names shows the
    // setting that won, and nothing starts.
    const flag = path.join(dir, 'missing-flag.json');
    const run = await xiaoerWith(
      {
        XIAOER_CONFIG: path.join(dir, 'missing-env.json'),
        PORT: 'not-a-port',
        LOG_LEVEL: 'bogus',
      },
      'serve',
      '--config',
      flag,
      '--port',
      '0',
      '--log-level',
      'warn',
      '--data',
      path.join(dir, 'precedence-data'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Cannot read the configuration file ${flag}`);
    expect(run.stderr).not.toContain('missing-env.json');
    expect(run.stderr).not.toContain('PORT');
    expect(run.stderr).not.toContain('LOG_LEVEL');
    expect(run.stdout).not.toContain('starting the store');
  });
});
