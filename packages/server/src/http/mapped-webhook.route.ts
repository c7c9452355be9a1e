import express, { Router } from 'express';
import { SIGNATURE_HEADERS, signBody } from '../intake/signature.ts';
import { signedSource } from './source-signature.ts';
import { translateMapped } from '../intake/platforms/mapped.adapter.ts';
import { rawBody, unauthorized } from './events.route.ts';
import { parsePlatformBody } from './platform-body.ts';
import { acceptTranslation } from './webhook-accept.ts';
import { param } from './params.ts';
import type { WebhooksRouteOptions } from './webhooks.route.ts';
import { responds } from './route-metadata.ts';
import { intakeResponseSchemas } from './intake.response.ts';

/**
 * `POST /api/webhooks/mapped/:source`: an ERP's or OMS's own JSON, signed with Xiaoer's
 * scheme (`X-Xiaoer-Timestamp`, `X-Xiaoer-Signature` over `${timestamp}.${body}`) and made
 * into an event by the source's configured mapping.
 */
export function mappedWebhookRouter(options: WebhooksRouteOptions): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: options.bodyLimit });
  const window = options.replayWindowSeconds ?? 300;
  router.post(
    '/webhooks/mapped/:source',
    responds(intakeResponseSchemas.webhook),
    raw,
    async (request, response) => {
      const body = rawBody(request);
      const timestamp = request.get(SIGNATURE_HEADERS.timestamp) ?? '';
      const signature = request.get(SIGNATURE_HEADERS.signature);
      if (!signature)
        throw unauthorized(
          'signature-missing',
          `缺少签名头 ${SIGNATURE_HEADERS.signature}。`,
          `Missing the ${SIGNATURE_HEADERS.signature} header.`,
        );
      const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
      const source = await signedSource(
        options.sources,
        param(request, 'source'),
        'mapped',
        (secret) => signBody(secret, seconds, body),
        signature,
      );
      // The configuration file's check gives every mapped source a mapping.
      if (!source.mapping)
        throw unauthorized('signature-invalid', '签名无效。', 'The signature is invalid.');
      if (Math.abs(Date.now() / 1000 - seconds) > window)
        throw unauthorized(
          'timestamp-outside-window',
          `时间戳超出允许范围（±${window} 秒），可能是重放的请求。`,
          `The timestamp is outside the allowed window (±${window} s); the request may be a replay.`,
        );
      const payload = parsePlatformBody(body);
      const translation = translateMapped(source.id, source.mapping, body, payload, new Date());
      const { status, body: answer } = await acceptTranslation(
        options.intake,
        source,
        translation,
        { response, topic: 'mapped' },
      );
      response.status(status).json(answer);
    },
  );
  return router;
}
