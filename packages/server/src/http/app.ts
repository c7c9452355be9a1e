import express, { type Express } from 'express';
import serverPackage from '../../package.json' with { type: 'json' };
import { errorHandler, notFound } from './error-handler.ts';
import { healthRouter, type StoreProbe } from './health.route.ts';

export interface AppOptions {
  store: StoreProbe;
  /** Largest JSON body accepted; larger ones get 413. Default 1 MB. */
  bodyLimit?: string | number;
}

/** The HTTP API: JSON in and out, every error as a zh/en JSON body. */
export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: options.bodyLimit ?? '1mb' }));
  app.use('/api', healthRouter(options.store, serverPackage.version));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
