import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../http/app.ts';
import { LocalizedError } from '../localized-error.ts';
import { launchStore, type RunningStore } from '../store/store-launcher.ts';
import type { ProgressReporter } from '../store/ferretdb-binary.ts';
import { connectStore, probeOf } from './store-connection.ts';

/** A running Xiaoer server and the store under it. */
export interface RunningServer {
  url: string;
  store: RunningStore;
  /** Stops accepting requests, closes the store connection, stops an embedded store. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  port?: number;
  host?: string;
  dataDirectory?: string;
  env?: NodeJS.ProcessEnv;
  report?: ProgressReporter;
}

/** Listening failed: the port is taken or not allowed. */
export class ListenError extends LocalizedError {
  constructor(host: string, port: number, cause: NodeJS.ErrnoException) {
    const taken = cause.code === 'EADDRINUSE';
    const zh = taken
      ? `端口 ${port} 已被占用（${host}）。请设置 PORT 使用其他端口。`
      : `无法在 ${host}:${port} 上监听：${cause.message}`;
    const en = taken
      ? `Port ${port} is already in use (${host}). Set PORT to use another one.`
      : `Cannot listen on ${host}:${port}: ${cause.message}`;
    super({ zh, en }, { cause });
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new ListenError(host, port, error)),
    );
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts the store (embedded unless MONGODB_URI is set), then the HTTP API on it. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const store = await launchStore({
    dataDirectory: options.dataDirectory,
    env: options.env,
    report: options.report,
  });
  try {
    const connection = await connectStore(store);
    const app = createApp({ store: probeOf(store, connection) });
    const server = createServer(app);
    let port: number;
    try {
      port = await listen(server, options.port ?? 3000, host);
    } catch (error) {
      await connection.close();
      throw error;
    }
    const urlHost = host.includes(':') ? `[${host}]` : host;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${urlHost}:${port}`,
      store,
      close: () =>
        (closing ??= (async () => {
          await new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeAllConnections();
          await connection.close();
          await store.stop();
        })()),
    };
  } catch (error) {
    await store.stop();
    throw error;
  }
}
