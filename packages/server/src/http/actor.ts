import type { Request } from 'express';
import type { Principal } from '../auth/auth-service.ts';

declare module 'express-serve-static-core' {
  interface Request {
    /** Who the request acts for, set by the authentication middleware. */
    principal?: Principal;
  }
}

/** Who to name in audit records and `updatedBy` fields. */
export function actorOf(request: Request): string {
  const principal = request.principal;
  if (!principal) return 'anonymous';
  return principal.kind === 'user' ? principal.id : `api-key:${principal.id}`;
}
