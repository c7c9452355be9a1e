import express, { Router, type Request, type Response } from 'express';
import type { EventIntake } from '../intake/event-intake.ts';
import type { SourceKind, SourceRegistry } from '../intake/event-source.ts';
import { base64Hmac } from '../intake/signature.ts';
import { signedSource } from './source-signature.ts';
import type { Translation } from '../intake/platforms/platform-json.ts';
import { translateShopify } from '../intake/platforms/shopify.adapter.ts';
import { translateWooCommerce } from '../intake/platforms/woocommerce.adapter.ts';
import { ApiError } from './api-error.ts';
import { rawBody, unauthorized } from './events.route.ts';
import { parsePlatformBody } from './platform-body.ts';
import { acceptTranslation } from './webhook-accept.ts';
import type { ScopedSource } from './source-event-types.ts';
import { youzanWebhookRouter } from './youzan-webhook.route.ts';
import { mappedWebhookRouter } from './mapped-webhook.route.ts';
import { param } from './params.ts';
import { intakeResponseSchemas } from './intake.response.ts';
import { responds } from './route-metadata.ts';

export interface WebhooksRouteOptions {
  intake: EventIntake;
  sources: SourceRegistry;
  bodyLimit: string | number;
  /** Allowed distance of a Xiaoer-signed request's timestamp from now (mapped sources). */
  replayWindowSeconds?: number;
}

/**
 * Checks the platform's base64 HMAC of the raw body with the source's secret (or its previous
 * one within the grace); else 401.
 */
async function verify(
  request: Request,
  kind: SourceKind,
  header: string,
  raw: Buffer,
  sources: SourceRegistry,
) {
  const signature = request.get(header);
  if (!signature)
    throw unauthorized(
      'signature-missing',
      `缺少签名头 ${header}。`,
      `Missing the ${header} header.`,
    );
  return signedSource(
    sources,
    param(request, 'source'),
    kind,
    (secret) => base64Hmac(secret, raw),
    signature,
  );
}

const missingHeader = (header: string) =>
  new ApiError(400, 'missing-header', {
    zh: `缺少请求头 ${header}。`,
    en: `The ${header} header is missing.`,
  });

/**
 * Webhooks of real shop platforms, verified with each platform's own scheme and mapped to
 * Xiaoer events: `POST /api/webhooks/shopify/:source`, `/api/webhooks/woocommerce/:source`,
 * `/api/webhooks/youzan/:source` and, for any ERP posting its own JSON with a configured
 * mapping, `/api/webhooks/mapped/:source`.
 */
export function webhooksRouter(options: WebhooksRouteOptions): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: options.bodyLimit });

  const accept = (
    response: Response,
    source: ScopedSource,
    translation: Translation,
    topic: string,
    resends = true,
  ) =>
    acceptTranslation(options.intake, source, translation, {
      response,
      derivedIds: true,
      topic,
      resends,
    });

  router.post(
    '/webhooks/shopify/:source',
    responds(intakeResponseSchemas.webhook),
    raw,
    async (request, response) => {
      const body = rawBody(request);
      const source = await verify(
        request,
        'shopify',
        'x-shopify-hmac-sha256',
        body,
        options.sources,
      );
      const topic = request.get('x-shopify-topic');
      const webhookId = request.get('x-shopify-webhook-id');
      if (!topic) throw missingHeader('X-Shopify-Topic');
      if (!webhookId) throw missingHeader('X-Shopify-Webhook-Id');
      const translation = translateShopify(
        topic,
        webhookId,
        request.get('x-shopify-shop-domain') ?? '',
        parsePlatformBody(body),
        new Date(),
      );
      const { status, body: answer } = await accept(response, source, translation, topic);
      response.status(status).json(answer);
    },
  );

  router.post(
    '/webhooks/woocommerce/:source',
    responds(intakeResponseSchemas.wooCommerce),
    raw,
    async (request, response) => {
      const body = rawBody(request);
      const topic = request.get('x-wc-webhook-topic');
      // WooCommerce pings a new webhook with `webhook_id=N`, unsigned: answer so it is saved.
      if (!topic && /^webhook_id=\d+$/.test(body.toString('utf8').trim())) {
        response.json({ ping: true });
        return;
      }
      const source = await verify(
        request,
        'woocommerce',
        'x-wc-webhook-signature',
        body,
        options.sources,
      );
      if (!topic) throw missingHeader('X-WC-Webhook-Topic');
      const translation = translateWooCommerce(
        topic,
        request.get('x-wc-webhook-source') ?? '',
        parsePlatformBody(body),
        new Date(),
      );
      // WooCommerce never sends a failed delivery again: taken even while the runtime is behind.
      const { status, body: answer } = await accept(response, source, translation, topic, false);
      response.status(status).json(answer);
    },
  );
  router.use(youzanWebhookRouter(options));
  router.use(mappedWebhookRouter(options));
  return router;
}
