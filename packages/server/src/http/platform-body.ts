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
