import type { Request } from 'express';

/** The authenticated user or API key a request acts for (set by the auth middleware). */
export interface Actor {
  id: string;
  role: 'admin' | 'operator' | 'agent' | 'viewer' | 'intake';
}

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

/** Who to name in audit records and `updatedBy` fields. */
export function actorOf(request: Request): string {
  return request.actor?.id ?? 'anonymous';
}
