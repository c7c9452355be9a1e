import type { Request, RequestHandler } from 'express';
import type { JsonObject } from '@xiaoer/engine';
import type { HttpModels } from '../model/models.ts';
import { actorOf } from './actor.ts';
import { declare } from './route-metadata.ts';

/** What an audit entry says besides who and when. Never a password or a secret. */
export interface AuditFacts {
  target: string;
  details?: JsonObject;
}

/** A success answer's body as the route's audit description reads it. */
export type AuditAnswer = Readonly<Record<string, unknown>>;

/** Reads a route's audit target and details from its request and its success answer. */
export type AuditDescription = (request: Request, answer: AuditAnswer) => AuditFacts;

interface PendingAudit {
  action: string;
  describe: AuditDescription;
  /** What only the handler knows (a previous score, a row count), see `auditDetails`. */
  extra: JsonObject;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The entry the route declared (`audits`), written when it answers with success. */
    pendingAudit?: PendingAudit;
  }
}

/**
 * Declares that a route changes something by hand, so its success writes one audit entry:
 * `router.post(path, allow('edit'), audits('quickReply.create', (req, answer) => ...), handler)`.
 * The entry is written by `auditTrail` before the answer leaves; a failed request writes none.
 */
export function audits(action: string, describe: AuditDescription): RequestHandler {
  return declare(
    (request, _response, next) => {
      request.pendingAudit = { action, describe, extra: {} };
      next();
    },
    { audit: action },
  );
}

/** Adds details to the entry the route declared that neither request nor answer carries. */
export function auditDetails(request: Request, details: JsonObject): void {
  if (request.pendingAudit) Object.assign(request.pendingAudit.extra, details);
}

const isAnswerObject = (body: unknown): body is AuditAnswer =>
  typeof body === 'object' && body !== null && !Array.isArray(body);

/**
 * Mounted once in front of the console's routes: when a route declared with `audits` answers
 * with success, its entry (actor, action, target, details) is stored first, so the log holds
 * every change a client saw succeed. A store failure answers as the request's error.
 */
export function auditTrail(models: HttpModels): RequestHandler {
  return (request, response, next) => {
    // Reads declare no entry: the console's frequent lists and streams pass untouched.
    if (request.method === 'GET' || request.method === 'HEAD') return next();
    const send = response.json.bind(response);
    response.json = (answer: unknown) => {
      const pending = request.pendingAudit;
      request.pendingAudit = undefined;
      if (!pending || response.statusCode >= 400) return send(answer);
      const facts = pending.describe(request, isAnswerObject(answer) ? answer : {});
      models.Audit.create({
        at: new Date(),
        actor: actorOf(request),
        action: pending.action,
        target: facts.target,
        details: { ...facts.details, ...pending.extra },
      }).then(
        () => send(answer),
        (error: unknown) => request.next?.(error),
      );
      return response;
    };
    next();
  };
}
