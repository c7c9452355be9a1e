import { parsePlatformJson } from '../intake/platforms/platform-json.ts';
import { JSON_SHAPE_LIMITS, jsonTextDepthProblem } from '../json-shape.ts';
import { tooComplex } from './error-handler.ts';
import { parseJsonBody } from './events.route.ts';

/**
 * A platform webhook's body, parsed as the platforms need it (64-bit ids kept exact). That
 * parser recurses, so a body nested deeper than the JSON limit is refused first: 400
 * `json-too-complex` with where, rather than the parser's "Maximum call stack size exceeded"
 * as `malformed-json`.
 */
export function parsePlatformBody(raw: Buffer): unknown {
  const deep = jsonTextDepthProblem(raw.toString('utf8'), JSON_SHAPE_LIMITS.maxDepth);
  if (deep) throw tooComplex('json-too-complex', deep);
  return parseJsonBody(raw, parsePlatformJson);
}

/** The default largest body of a platform webhook: 5 MB. */
const WEBHOOK_BODY_BYTES = 5 * 1024 * 1024;

/** Bytes of a limit as the config writes it (`512kb`, `5mb`; a kb is 1024 b, as Express reads it). */
function bytesOf(limit: string | number): number {
  if (typeof limit === 'number') return limit;
  const match = /^(\d+)(b|kb|mb)$/i.exec(limit.trim());
  if (!match) return 0;
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[match[2]!.toLowerCase() as 'b' | 'kb' | 'mb'];
  return Number(match[1]) * unit;
}

/**
 * The largest body a platform webhook (`/api/webhooks/*`) takes: `intake.webhookBodyLimit` when
 * configured, else 5 MB or the general limit when that is larger. A Shopify order with hundreds
 * of line items is over 1 MB, and a refused delivery comes again no smaller. The depth check of
 * {@link parsePlatformBody} and the limits of the events made stay as they are.
 */
export function webhookBodyLimit(
  bodyLimit: string | number,
  configured: string | undefined,
): string | number {
  return configured ?? Math.max(WEBHOOK_BODY_BYTES, bytesOf(bodyLimit));
}
