import express, { Router } from 'express';
import { asObject, asText } from '../intake/platforms/platform-json.ts';
import { translateYouzan, youzanSign } from '../intake/platforms/youzan.adapter.ts';
import { rawBody, unauthorized } from './events.route.ts';
import { signedSource } from './source-signature.ts';
import { parsePlatformBody } from './platform-body.ts';
import { acceptTranslation } from './webhook-accept.ts';
import { param } from './params.ts';
import type { WebhooksRouteOptions } from './webhooks.route.ts';
import { responds } from './route-metadata.ts';
import { extraResponseSchemas } from './extra.response.ts';

/**
 * `POST /api/webhooks/youzan/:source`: Youzan (有赞) push messages, verified with Youzan's
 * `Event-Sign` (MD5 of `Client-Id` + body + client secret). Youzan retries until it reads
 * `{"code":0}` in a 200 answer, so every accepted push (new, duplicate or ignored) gets one.
 */
export function youzanWebhookRouter(options: WebhooksRouteOptions): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: options.bodyLimit });
  router.post(
    '/webhooks/youzan/:source',
    responds(extraResponseSchemas.youzan),
    raw,
    async (request, response) => {
      const body = rawBody(request);
      const sign = request.get('event-sign');
      const clientId = request.get('client-id') ?? '';
      if (!sign)
        throw unauthorized(
          'signature-missing',
          '缺少签名头 Event-Sign。',
          'Missing the Event-Sign header.',
        );
      const source = await signedSource(
        options.sources,
        param(request, 'source'),
        'youzan',
        (secret) => youzanSign(clientId, body, secret),
        sign.toLowerCase(),
      );
      const payload = parsePlatformBody(body);
      const translation = translateYouzan(payload, new Date());
      const topic = asText(asObject(payload)['type']) ?? 'youzan';
      // The event ids are Xiaoer's, derived from the push (one payment told by two messages).
      const { body: answer } = await acceptTranslation(options.intake, source, translation, {
        response,
        derivedIds: true,
        topic,
      });
      response.status(200).json({ code: 0, msg: 'success', ...answer });
    },
  );
  return router;
}
