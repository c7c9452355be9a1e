import type { Request, RequestHandler } from 'express';
import { parse } from 'cookie';
import type { AuthService, Principal } from '../auth/auth-service.ts';
import type { Role } from '../model/auth.model.ts';
import { ApiError } from './api-error.ts';
import { declare } from './route-metadata.ts';

export const SESSION_COOKIE = 'xiaoer_session';

/** What each role may do; API keys may only send events. */
export const PERMISSIONS = {
  read: ['admin', 'operator', 'agent', 'viewer'],
  sendEvent: ['admin', 'operator', 'agent'],
  operate: ['admin', 'operator'],
  /** Work as a human agent: own status, inbox and handoffs (admins and operators supervise). */
  handle: ['admin', 'operator', 'agent'],
  edit: ['admin', 'operator'],
  publish: ['admin', 'operator'],
  /** Decide reviews (a refund waiting for approval): never the agent who asked for it. */
  review: ['admin', 'operator'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** The bearer token or session cookie of a request. */
export function credentialOf(request: Request): string | undefined {
  const header = request.get('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookies = request.get('cookie');
  return cookies ? parse(cookies)[SESSION_COOKIE] : undefined;
}

/** Sets `request.principal` from a bearer token or the session cookie, if valid. */
export function authenticate(auth: AuthService): RequestHandler {
  return async (request, _response, next) => {
    const credential = credentialOf(request);
    if (credential && credential.length < 200) {
      const principal = await auth.authenticate(credential);
      if (principal) request.principal = principal;
    }
    next();
  };
}

/** True when a logged-in user's role has the permission (API keys have none of these). */
export function holds(principal: Principal | undefined, permission: Permission): boolean {
  const roles: readonly Role[] = PERMISSIONS[permission];
  return principal?.kind === 'user' && roles.includes(principal.role);
}

/** The 403 of a role that lacks `permission`. */
export function forbidden(permission: Permission): ApiError {
  const roles = PERMISSIONS[permission].join('/');
  return new ApiError(403, 'forbidden', {
    zh: `无权执行此操作（需要 ${roles} 角色）。`,
    en: `Not allowed (needs the ${roles} role).`,
  });
}

/** 401 without a valid login, 403 when the role (or an API key) lacks the permission. */
export function allow(permission: Permission): RequestHandler {
  return declare(
    (request, _response, next) => {
      if (!request.principal)
        return next(
          new ApiError(401, 'unauthenticated', {
            zh: '请先登录（或提供有效的令牌）。',
            en: 'Log in first (or send a valid token).',
          }),
        );
      next(holds(request.principal, permission) ? undefined : forbidden(permission));
    },
    { permission },
  );
}
