import { Command, InvalidArgumentError, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { resourceLimits } from 'node:worker_threads';
import { LocalizedError } from '../../localized-error.ts';
import { onStopSignal } from '../stop-signals.ts';
import {
  announceInitialAdmin,
  keepInitialPasswordTrue,
  printsToTerminal,
} from '../initial-admin-password.ts';
import { demoExposureWarning } from '../demo-exposure.ts';
import type { XiaoerConfig } from '../../server/xiaoer-config.ts';

interface ServeFlags {
  port: number;
  host: string;
  data: string;
  config?: string;
  /** False with `--no-shipped`. */
  shipped?: boolean;
  logLevel: string;
}

/** pino's levels, quietest last. */
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

async function readConfig(file: string): Promise<XiaoerConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new LocalizedError({
      zh: `读不到配置文件 ${file}：${(error as Error).message}`,
      en: `Cannot read the configuration file ${file}: ${(error as Error).message}`,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LocalizedError({
      zh: `配置文件 ${file} 不是合法的 JSON：${(error as Error).message}`,
      en: `The configuration file ${file} is not valid JSON: ${(error as Error).message}`,
    });
  }
  const { parseConfig } = await import('../../server/xiaoer-config.schema.ts');
  return parseConfig(value, file);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(
      `端口必须是 0–65535 的整数 / port must be an integer from 0 to 65535: ${value}`,
    );
  }
  return port;
}

function explain(error: unknown): string {
  if (error instanceof LocalizedError) return error.message;
  return `启动失败 / start failed: ${(error as Error).stack ?? String(error)}`;
}

/**
 * Where the first start keeps the generated admin password: the data folder, unless MONGODB_URI
 * is set and no folder was given (`--data` or `XIAOER_DATA_DIR`): then none.
 */
function passwordFileFolder(data: string, command: Command): string | undefined {
  const source = command.getOptionValueSource('data');
  const given = source === 'cli' || source === 'env';
  return process.env['MONGODB_URI'] && !given ? undefined : data;
}

/**
 * What `xiaoer serve --help` says after the options: the settings that are environment
 * variables only (the README's list, which the help did not show), and which setting wins.
 */
export const SERVE_HELP_AFTER = `
优先级 / Precedence: 命令行选项 > 环境变量 > 默认值；配置文件（--config）不含以上设置 /
  a flag wins over its environment variable, which wins over the default; the configuration
  file (--config) holds none of the settings above

只能用环境变量设置 / Environment variables only:
  MONGODB_URI                 使用这个 MongoDB 兼容的数据库，不启动内置数据库 /
                              use this MongoDB-compatible store and start none
  XIAOER_STORE=postgres       内置 FerretDB 使用本机 PostgreSQL（XIAOER_POSTGRES_URL，
                              XIAOER_POSTGRES_DATABASE，默认 xiaoer）/ the embedded FerretDB
                              on the local PostgreSQL instead of SQLite
  XIAOER_STORE_FSYNC=commit   每次提交都写入磁盘（默认 checkpoint）/ flush every commit to
                              the disk (default checkpoint)
  XIAOER_ADMIN_PASSWORD       首次启动时 admin 的密码，8–200 个字符（不设则随机生成）/
                              the admin's password on the first start, 8–200 characters
                              (else a random one)
  XIAOER_DEMO_AGENT_PASSWORD  演示坐席的密码 / the demo agents' password
  XIAOER_YOUNG_GENERATION_MB  服务线程的新生代，默认 192，0 在主线程运行 / the server thread's
                              young generation, default 192; 0 runs it in the main thread
`;

/**
 * `xiaoer serve`: starts the store (embedded FerretDB unless MONGODB_URI is set) and the HTTP
 * API, prints where they are, and shuts both down on SIGINT/SIGTERM. The server's modules load
 * only when it starts: `xiaoer validate` and a bad `--port` answer without them.
 */
export function serveCommand(): Command {
  return new Command('serve')
    .description('启动服务器和内置数据库 / Start the server and the embedded store')
    .addOption(
      new Option('-p, --port <port>', '监听端口 / port to listen on')
        .env('PORT')
        .argParser(parsePort)
        .default(3000),
    )
    .addOption(
      new Option('--host <host>', '监听地址 / address to listen on')
        .env('HOST')
        .default('127.0.0.1'),
    )
    .addOption(
      new Option('--data <dir>', '内置数据库的数据目录 / data folder of the embedded store')
        .env('XIAOER_DATA_DIR')
        .default('data/ferretdb'),
    )
    .addOption(
      new Option(
        '--config <file>',
        '配置文件（事件来源、订单系统、消息渠道）；不给则运行演示商店 / configuration file (sources, order system, channels); without it the demo shop runs',
      ).env('XIAOER_CONFIG'),
    )
    .addOption(
      // A choice, checked before anything starts: pino threw on an unknown level, with a stack.
      new Option('--log-level <level>', '日志级别 / log level')
        .env('LOG_LEVEL')
        .choices(LOG_LEVELS)
        .default('info'),
    )
    .addOption(
      new Option(
        '--no-shipped',
        '首次启动时不发布自带的旅程 / do not publish the shipped journeys on first start',
      ),
    )
    .addHelpText('after', SERVE_HELP_AFTER)
    .action(async (flags: ServeFlags, command: Command) => {
      const [{ startServer, SHUTDOWN_BOUND_MS }, { serverLogger }] = await Promise.all([
        import('../../server/start-server.ts'),
        import('../../errors/error-for-log.ts'),
      ]);
      const log = (line: string): void => void process.stdout.write(`${line}\n`);
      // Errors are logged without the documents and values they were about.
      const logger = serverLogger({ level: flags.logLevel });
      // A library promise nobody awaits (Agenda's job bookkeeping on a busy store) must not take
      // the server down: every step is durable and retried, so log it and go on.
      process.on('unhandledRejection', (reason) =>
        logger.error({ err: reason }, 'unhandled rejection (ignored; work is retried)'),
      );
      let server;
      try {
        // Read and checked before anything starts: a bad file changes nothing.
        const config = flags.config ? await readConfig(flags.config) : undefined;
        log('正在启动数据库 / starting the store ...');
        server = await startServer({
          port: flags.port,
          host: flags.host,
          dataDirectory: flags.data,
          report: log,
          log: logger,
          ...(config ? { config } : {}),
          ...(flags.shipped === false ? { publishShipped: false } : {}),
        });
      } catch (error) {
        // Exits rather than waiting for the event loop to empty: a start that failed half-way
        // left a client open (the scheduler's, when it never started: closed now) and the
        // process stayed up after saying why it could not start; nothing else may do that.
        process.stderr.write(`${explain(error)}\n`, () => process.exit(1));
        return;
      }
      log(`数据库 / store: ${server.store.kind} — ${server.store.location}`);
      log(`小二已启动 / Xiaoer is listening on ${server.url}`);
      log(`健康检查 / health: ${server.url}/api/health`);
      // Set by bin/xiaoer.mjs when it runs the server in a worker thread; absent in the main thread.
      const youngGenerationMb = resourceLimits.maxYoungGenerationSizeMb;
      if (youngGenerationMb)
        log(`服务线程新生代 / server thread's young generation: ${youngGenerationMb} MB`);
      if (server.demoShopUrl) {
        log(
          `演示商店 / demo shop: ${server.demoShopUrl} — 运行 npm run demo 推送订单 / run npm run demo to push orders`,
        );
        const exposed = demoExposureWarning(flags.host, process.env);
        if (exposed) log(exposed);
      }
      // The folder of the first password's file. With MONGODB_URI the default data folder is the
      // embedded store's, which does not run: the file went where nobody looks for it.
      const passwordFolder = passwordFileFolder(flags.data, command);
      if (server.initialAdmin?.password) {
        log(
          await announceInitialAdmin(
            server.initialAdmin.user,
            server.initialAdmin.password,
            passwordFolder,
            printsToTerminal(),
          ),
        );
      }
      if (passwordFolder) await keepInitialPasswordTrue(passwordFolder, server.xiaoer.auth, log);
      if (server.published.length > 0) {
        log(`已发布旅程 / published journeys: ${server.published.join(', ')}`);
      }
      for (const skipped of server.skipped)
        log(`未发布 / not published: ${skipped.id} — ${skipped.reason}`);
      log(
        server.live.length > 0
          ? `正在运行的旅程 / live journeys:\n${server.live
              .map((j) => `  ${j.id} v${j.version} ← ${j.listensTo.join(', ')}`)
              .join('\n')}`
          : '没有正在运行的旅程：收到的事件不会有任何动作 / no journey is live: events received will do nothing',
      );
      for (const source of server.unheard) log(`⚠ ${source.message.zh} / ${source.message.en}`);
      log('按 Ctrl+C 停止 / press Ctrl+C to stop');

      const running = server;
      const shutdown = (signal: string): void => {
        log(`收到 ${signal}，正在停止 / ${signal} received, stopping ...`);
        // Every step of the close is bounded; this bounds them together, whatever hangs.
        setTimeout(() => {
          const seconds = SHUTDOWN_BOUND_MS / 1000;
          process.stderr.write(
            `停止超过 ${seconds} 秒，现在退出；未完成的工作留给恢复处理 / stopping took over ${seconds} s; exiting now, unfinished work is left to recovery\n`,
            () => process.exit(1),
          );
        }, SHUTDOWN_BOUND_MS).unref();
        running.close().then(
          () => {
            log('已停止 / stopped');
            process.exit(0);
          },
          (error: unknown) => {
            process.stderr.write(`停止失败 / stop failed: ${String(error)}\n`);
            process.exit(1);
          },
        );
      };
      onStopSignal(shutdown);
    });
}
