/**
 * Secrets out of text that is stored and shown (effect errors, dead letters, logs). Outbound
 * URLs carry credentials: DingTalk's `access_token` and `sign`, WeCom's `key`, a user and
 * password before the host, Feishu's and Slack's hook token as a path segment. Anyone who may
 * read the console may read a dead letter, so none of that may reach one.
 */

const HIDDEN = '***';

/** Names whose value is a secret, wherever they appear as `name=value` or `"name": "value"`. */
const SECRET_NAMES =
  'access_?token|token|sign|signature|sig|key|api_?key|password|passwd|pwd|secret|client_?secret|auth|authorization|credentials?';

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
const NAMED_VALUE = new RegExp(`(\\b(?:${SECRET_NAMES})=)[^&\\s"'#;,]+`, 'gi');
const JSON_VALUE = new RegExp(`("(?:${SECRET_NAMES})"\\s*:\\s*")(?:[^"\\\\]|\\\\.)*"`, 'gi');
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;
/** A path segment that looks like a generated token: long, with letters and digits mixed. */
const TOKEN_SEGMENT = /^(?=[^/]*[A-Za-z])(?=[^/]*\d)[A-Za-z0-9_-]{20,}$/;

/** A URL with its user info, every query value and token-like path segments hidden. */
function redactUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text.replace(NAMED_VALUE, `$1${HIDDEN}`);
  }
  const userInfo = url.username || url.password ? `${HIDDEN}@` : '';
  const path = url.pathname
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(segment) ? HIDDEN : segment))
    .join('/');
  const query = url.search
    ? `?${url.search
        .slice(1)
        .split('&')
        .map((pair) => `${pair.split('=')[0]}=${HIDDEN}`)
        .join('&')}`
    : '';
  return `${url.protocol}//${userInfo}${url.host}${path}${query}`;
}

/**
 * `text` with credentials replaced by `***`: in URLs the user info, every query value and
 * token-like path segments; elsewhere `name=value` and JSON `"name": "value"` pairs whose name
 * says secret (token, sign, signature, key, password, ...), and `Bearer`/`Basic` credentials.
 *
 * @example redactSecrets('POST https://oapi.dingtalk.com/robot/send?access_token=abc failed')
 *   // 'POST https://oapi.dingtalk.com/robot/send?access_token=*** failed'
 */
export function redactSecrets(text: string): string {
  return text
    .replace(URL_PATTERN, redactUrl)
    .replace(NAMED_VALUE, `$1${HIDDEN}`)
    .replace(JSON_VALUE, `$1${HIDDEN}"`)
    .replace(BEARER, `$1 ${HIDDEN}`);
}
