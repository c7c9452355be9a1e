import type { Request } from 'express';
import { endingByUser, type HandoffEnding } from '../routing/router.ts';

/**
 * Who ends a handoff by this request: the logged-in console user, in the role they act in (the
 * handoff then says whether its agent or a supervisor for them ended it). Undefined without one
 * (the routes that end handoffs allow only users).
 */
export function handoffEndingOf(request: Request): HandoffEnding | undefined {
  const principal = request.principal;
  return principal?.kind === 'user' ? endingByUser(principal.id, principal.role) : undefined;
}
