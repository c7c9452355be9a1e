import { Router } from 'express';
import { audits } from './audit-trail.ts';
import { rateLimit } from 'express-rate-limit';
import type { AuthService } from '../auth/auth-service.ts';
import type { LoginLockout } from '../auth/login-lockout.ts';
import type { Clock } from '../clock/clock.ts';
import {
  AdminsChangingError,
  ApiKeyExistsError,
  LastAdminError,
  UserExistsError,
} from '../auth/auth-service.ts';
import { ROLES, type Role } from '../model/auth.model.ts';
import { ApiError } from './api-error.ts';
import { actorOf } from './actor.ts';
import { allow, credentialOf, PERMISSIONS, SESSION_COOKIE } from './authenticate.ts';
import { param } from './params.ts';
import { validateBody } from './validate-body.ts';
import { authResponseSchemas } from './auth.response.ts';
import { seesPersonalData } from './customer-data-view.ts';
import { responds } from './route-metadata.ts';

const userName = { type: 'string', pattern: '^[a-zA-Z0-9_.@-]{1,64}$' };
const password = { type: 'string', minLength: 8, maxLength: 200 };

export const authBodySchemas = {
  login: {
    type: 'object',
    required: ['username', 'password'],
    additionalProperties: false,
    properties: { username: userName, password: { type: 'string', maxLength: 200 } },
  },
  createUser: {
    type: 'object',
    required: ['id', 'password', 'role'],
    additionalProperties: false,
    properties: { id: userName, password, role: { enum: [...ROLES] } },
  },
  updateUser: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: { password, role: { enum: [...ROLES] }, disabled: { type: 'boolean' } },
  },
  createApiKey: {
    type: 'object',
    required: ['name', 'source'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', pattern: '^[a-zA-Z0-9_.-]{1,64}$' },
      source: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
    },
  },
} as const;

export interface AuthRouteOptions {
  auth: AuthService;
  /** Failed logins per user name, in the store: beside the per-address limit, across addresses. */
  lockout: LoginLockout;
  /** Login attempts per client address per window. Default 10 per minute. */
  loginLimit?: number;
  loginWindowMs?: number;
  knownSources: () => string[];
  /** The server's clock: how long a lock has left. */
  clock: Clock;
  /**
   * Told after a user is disabled or given a role without `handle`: routing sets such an agent
   * away, so the queues stop assigning them conversations.
   */
  offDuty?: (userId: string) => Promise<void>;
}

const userNotFound = (id: string) =>
  new ApiError(404, 'user-not-found', { zh: `没有用户 "${id}"。`, en: `No user "${id}".` });

/** Whole seconds from `now` until `until`, at least 1: what `Retry-After` and the text say. */
const secondsUntil = (until: Date, now: number) =>
  Math.max(1, Math.ceil((until.getTime() - now) / 1000));

/** The 429 of a locked user name; the same whether the name exists or not. */
const accountLocked = (seconds: number) =>
  new ApiError(
    429,
    'account-login-locked',
    {
      zh: `该账号登录失败次数过多，已暂时锁定。请在 ${seconds} 秒后再试，或请管理员解锁。`,
      en: `Too many failed logins for this account; it is locked for now. Try again in ${seconds} s, or ask an admin to unlock it.`,
    },
    undefined,
    { retryAfterSeconds: seconds },
  );

/** Login, logout, the current user, and the admin's users and API keys. */
export function authRouter(options: AuthRouteOptions): Router {
  const { auth, lockout, clock } = options;
  const router = Router();
  const limiter = rateLimit({
    windowMs: options.loginWindowMs ?? 60_000,
    limit: options.loginLimit ?? 10,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_request, _response, next) =>
      next(
        new ApiError(429, 'too-many-logins', {
          zh: '登录尝试过多，请稍后再试。',
          en: 'Too many login attempts; try again later.',
        }),
      ),
  });

  router.post(
    '/auth/login',
    responds(authResponseSchemas.session),
    limiter,
    validateBody(authBodySchemas.login),
    async (request, response) => {
      const { username, password: secret } = request.body as { username: string; password: string };
      // Before the password is checked: a locked name refuses even the right one.
      const turn = await lockout.begin(username);
      if (turn.locked) {
        const seconds = secondsUntil(turn.lockedUntil, clock.now());
        response.set('Retry-After', String(seconds));
        throw accountLocked(seconds);
      }
      const session = await auth.login(username, secret);
      if (!session) {
        await lockout.failed(username);
        throw new ApiError(401, 'invalid-credentials', {
          zh: '用户名或密码错误。',
          en: 'Wrong user name or password.',
        });
      }
      await lockout.succeeded(username);
      response.cookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.secure,
        expires: session.expiresAt,
        path: '/',
      });
      response.json(session);
    },
  );
  router.post(
    '/auth/logout',
    responds(authResponseSchemas.loggedOut),
    async (request, response) => {
      const credential = credentialOf(request);
      if (credential) await auth.logout(credential);
      response.clearCookie(SESSION_COOKIE, { path: '/' }).json({ loggedOut: true });
    },
  );
  router.get('/auth/me', allow('read'), responds(authResponseSchemas.me), (request, response) => {
    // Whether this user's answers show customers' personal data whole (the console's hint).
    const personalData = seesPersonalData(request.principal) ? 'whole' : 'masked';
    response.json({ ...request.principal, personalData });
  });

  router.get(
    '/users',
    allow('admin'),
    responds(authResponseSchemas.users),
    async (_request, response) => {
      const users = await auth.listUsers();
      const locked = await lockout.lockedUntil(users.map((user) => user.id));
      response.json({
        users: users.map((user) => {
          const until = locked.get(user.id);
          return until ? { ...user, loginLockedUntil: until } : user;
        }),
      });
    },
  );
  router.post(
    '/users/:id/login-lock/end',
    allow('admin'),
    responds(authResponseSchemas.loginLockEnded),
    audits('user.unlockLogin', (request) => ({ target: param(request, 'id') })),
    async (request, response) => {
      const id = param(request, 'id');
      if (!(await auth.userExists(id))) throw userNotFound(id);
      if (!(await lockout.end(id)))
        throw new ApiError(409, 'login-not-locked', {
          zh: `用户 "${id}" 的登录未被锁定。`,
          en: `Logins of "${id}" are not locked.`,
        });
      response.json({ id, loginLockEnded: true });
    },
  );
  router.post(
    '/users',
    allow('admin'),
    responds(authResponseSchemas.user),
    audits('user.create', (request) => {
      const { id, role } = request.body as { id: string; role: Role };
      return { target: id, details: { role } };
    }),
    validateBody(authBodySchemas.createUser),
    async (request, response) => {
      const body = request.body as { id: string; password: string; role: Role };
      try {
        response.status(201).json(await auth.createUser(body.id, body.password, body.role));
      } catch (error) {
        if (error instanceof UserExistsError)
          throw new ApiError(409, 'user-exists', {
            zh: `用户 "${body.id}" 已存在。`,
            en: `User "${body.id}" already exists.`,
          });
        throw error;
      }
    },
  );
  router.patch(
    '/users/:id',
    allow('admin'),
    responds(authResponseSchemas.user),
    audits('user.update', (request) => {
      // The new password itself stays out of the log; that it changed does not.
      const { password, ...change } = request.body as {
        password?: string;
        role?: Role;
        disabled?: boolean;
      };
      const details = { ...change, ...(password === undefined ? {} : { passwordChanged: true }) };
      return { target: param(request, 'id'), details };
    }),
    validateBody(authBodySchemas.updateUser),
    async (request, response) => {
      const id = param(request, 'id');
      const change = request.body as { role?: Role; disabled?: boolean };
      const user = await auth.updateUser(id, change).catch((error: unknown) => {
        if (error instanceof LastAdminError)
          throw new ApiError(409, 'last-admin', {
            zh: `"${id}" 是唯一启用的管理员，不能降级或停用；请先让另一位用户成为管理员。`,
            en: `"${id}" is the only enabled admin and cannot be demoted or disabled; make another user an admin first.`,
          });
        if (error instanceof AdminsChangingError)
          throw new ApiError(409, 'admins-changing', {
            zh: '另一项会减少管理员的修改正在进行，请稍后再试。',
            en: 'Another change that takes an admin away is being made; try again.',
          });
        throw error;
      });
      if (!user) throw userNotFound(id);
      const handles: readonly Role[] = PERMISSIONS.handle;
      if (user.disabled || (change.role && !handles.includes(user.role)))
        await options.offDuty?.(id);
      response.json(user);
    },
  );

  router.get(
    '/api-keys',
    allow('admin'),
    responds(authResponseSchemas.apiKeys),
    async (_request, response) => {
      response.json({ apiKeys: await auth.listApiKeys() });
    },
  );
  router.post(
    '/api-keys',
    allow('admin'),
    responds(authResponseSchemas.createdKey),
    audits('apiKey.create', (request) => {
      const { name, source } = request.body as { name: string; source: string };
      return { target: name, details: { source } };
    }),
    validateBody(authBodySchemas.createApiKey),
    async (request, response) => {
      const body = request.body as { name: string; source: string };
      if (!options.knownSources().includes(body.source))
        throw new ApiError(400, 'unknown-source', {
          zh: `没有事件来源 "${body.source}"。`,
          en: `No event source "${body.source}".`,
        });
      const created = await auth
        .createApiKey(body.name, body.source, actorOf(request))
        .catch((error: unknown) => {
          if (error instanceof ApiKeyExistsError)
            throw new ApiError(409, 'api-key-exists', {
              zh: `已有名为 "${body.name}" 的 API 密钥；请换一个名称，或先吊销旧密钥。`,
              en: `An API key named "${body.name}" already exists; choose another name or revoke the old key first.`,
            });
          throw error;
        });
      response.status(201).json({ key: created.key, ...created.record });
    },
  );
  router.delete(
    '/api-keys/:name',
    allow('admin'),
    responds(authResponseSchemas.deleted),
    audits('apiKey.delete', (request) => ({ target: param(request, 'name') })),
    async (request, response) => {
      if (!(await auth.deleteApiKey(param(request, 'name'))))
        throw new ApiError(404, 'api-key-not-found', {
          zh: `没有名为 "${param(request, 'name')}" 的 API 密钥。`,
          en: `No API key named "${param(request, 'name')}".`,
        });
      response.json({ deleted: true });
    },
  );
  return router;
}
