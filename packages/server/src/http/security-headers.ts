import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Pages of the customer's chat: a shop's page shows them in a frame (`/chat-widget.js`). */
const CHAT_PAGES = new Set(['/chat.html']);
/** The widget script, loaded by the shop's pages from their own origin. */
const WIDGET_SCRIPT = '/chat-widget.js';

/**
 * The content security policy: scripts only from Xiaoer's own files (no inline scripts),
 * styles from its files and inline style attributes (the editor's canvas positions nodes with
 * them), no plugins, forms and `<base>` only to itself. No upgrade of insecure requests: Xiaoer
 * on a laptop is plain `http://127.0.0.1`. `evaluates`: the console's editor checks node
 * settings with ajv, which compiles each schema to a function (`'unsafe-eval'`; ajv's
 * standalone code generated at build time would let it go). The chat page has no such need.
 */
function directives(frameAncestors: string[], evaluates = false) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: evaluates ? ["'self'", "'unsafe-eval'"] : ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    frameSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors,
    upgradeInsecureRequests: null,
  };
}

/** Where the API answers. */
const API_PREFIX = '/api/';

/**
 * The API's answers are JSON (and event streams), never a document a browser renders: they get
 * the headers OWASP's REST Security Cheat Sheet names for such answers — nothing may load from
 * them or frame them (`default-src 'none'; frame-ancestors 'none'`, `X-Frame-Options`), no
 * sniffing them into another type, HTTPS remembered, other origins may not embed them — and not
 * the ones that only a document uses (opener policy, referrer policy, origin-keyed agents, DNS
 * prefetching, download options, Flash's and the old XSS filter's switches). Every signed event
 * is answered here: eight headers fewer for its sender to read and for Xiaoer to write.
 */
function apiHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    frameguard: { action: 'deny' },
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
}

/**
 * Security headers for every answer (helmet): the console and the API may never be framed
 * (`frame-ancestors 'none'`, `X-Frame-Options: DENY`), so a page elsewhere cannot dress a
 * logged-in console up as its own; the chat page may be framed by Xiaoer itself and by
 * `chatOrigins` (the shop's pages); the widget script may be loaded from any origin; the API's
 * JSON answers get the REST set ({@link apiHeaders}).
 */
export function securityHeaders(chatOrigins: readonly string[]): RequestHandler {
  const consoleHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: directives(["'none'"], true) },
    frameguard: { action: 'deny' },
  });
  const chatHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: directives(["'self'", ...chatOrigins]),
    },
    // X-Frame-Options cannot name several origins; frame-ancestors above decides.
    frameguard: false,
  });
  const widgetHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: directives(["'none'"]) },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  const api = apiHeaders();
  return (request, response, next) => {
    if (request.path.startsWith(API_PREFIX)) return api(request, response, next);
    if (CHAT_PAGES.has(request.path)) return chatHeaders(request, response, next);
    if (request.path === WIDGET_SCRIPT) return widgetHeaders(request, response, next);
    return consoleHeaders(request, response, next);
  };
}
