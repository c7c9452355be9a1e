import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDuplicateKey, type AuthModels } from '../model/models.ts';
import type { ApiKeyRecord, Role, SessionRecord, UserRecord } from '../model/auth.model.ts';
import { hashPassword, PASSWORD_COST, verifyPassword, type PasswordCost } from './password.ts';
import { systemClock, type Clock } from '../clock/clock.ts';
import { claimName, moveClaim, releaseName } from '../model/name-claims.ts';

/** Who a request acts for. */
export type Principal =
  { kind: 'user'; id: string; role: Role } | { kind: 'apiKey'; id: string; source: string };

export interface UserView {
  id: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const token = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

/** A password that took as long to check as a real one: logins for unknown users take as long. */
const DUMMY_HASH = hashPassword('timing-equaliser');

/** How often a login also deletes expired sessions. */
export const SESSION_PRUNE_EVERY_MS = 10 * 60_000;

/** Users, sessions and API keys. Tokens are stored only as sha256, looked up by `_id`. */
export class AuthService {
  readonly #models: AuthModels;
  readonly #sessionHours: number;
  readonly #clock: Clock;
  readonly #passwordCost: Readonly<PasswordCost>;
  readonly #passwordListeners = new Set<(id: string) => void>();
  readonly #accessListeners = new Set<(id: string) => void>();
  readonly #logoutListeners = new Set<(sessionToken: string) => void>();
  #prunedAt = 0;

  constructor(
    models: AuthModels,
    sessionHours = 12,
    clock: Clock = systemClock,
    /** The scrypt cost of new password hashes; lower only in tests. */
    passwordCost: Readonly<PasswordCost> = PASSWORD_COST,
  ) {
    this.#models = models;
    this.#sessionHours = sessionHours;
    this.#clock = clock;
    this.#passwordCost = passwordCost;
  }

  /** Whether a console user with this id exists (routing checks an agent is one). */
  async userExists(id: string): Promise<boolean> {
    return (await this.#models.Users.findById(id, { _id: 1 }).lean()) !== null;
  }

  /** A console user's role now; null for no such user (routing notes who ended a handoff). */
  async roleOf(id: string): Promise<Role | null> {
    return (await this.#models.Users.findById(id, { role: 1 }).lean<UserRecord>())?.role ?? null;
  }

  /**
   * Calls `listener` with the user's id after a password changed through this service (the
   * console, `xiaoer users`). Returns how to stop listening.
   */
  onPasswordChanged(listener: (id: string) => void): () => void {
    this.#passwordListeners.add(listener);
    return () => this.#passwordListeners.delete(listener);
  }

  /**
   * Calls `listener` with the user's id after their sessions ended (a new password, a disable)
   * or their role changed through this service: what was let in on their login before (a live
   * stream) is to be asked again. Returns how to stop listening.
   */
  onAccessChanged(listener: (id: string) => void): () => void {
    this.#accessListeners.add(listener);
    return () => this.#accessListeners.delete(listener);
  }

  /**
   * Calls `listener` with a session's token once it is logged out here: what was let in on it
   * (a live stream) ends with it. Returns how to stop listening.
   */
  onLoggedOut(listener: (sessionToken: string) => void): () => void {
    this.#logoutListeners.add(listener);
    return () => this.#logoutListeners.delete(listener);
  }

  /**
   * Which of `sessionTokens` (logins of user `id`) still stand, and the user's role now; null
   * when the user is gone or disabled. Two reads however many tokens: a process asks this again
   * and again for the logins its live streams were let in on, to see changes others made.
   */
  async sessionsStanding(
    id: string,
    sessionTokens: readonly string[],
  ): Promise<{ role: Role; standing: ReadonlySet<string> } | null> {
    const user = await this.#models.Users.findById(id).lean<UserRecord>();
    if (!user || user.disabled) return null;
    const tokenOf = new Map(
      sessionTokens.map((sessionToken) => [sha256(sessionToken), sessionToken]),
    );
    const sessions = await this.#models.Sessions.find({
      _id: { $in: [...tokenOf.keys()] },
    }).lean<SessionRecord[]>();
    const standing = new Set<string>();
    for (const session of sessions) {
      const sessionToken = tokenOf.get(session._id);
      if (sessionToken && this.#stands(session, user)) standing.add(sessionToken);
    }
    return { role: user.role, standing };
  }

  /** Whether `session` is a login of `user` now: theirs, not expired, not from before a reset. */
  #stands(session: SessionRecord, user: UserRecord): boolean {
    return (
      session.userId === user._id &&
      session.expiresAt.getTime() >= this.#clock.now() &&
      !(user.sessionsValidFrom && session.createdAt < user.sessionsValidFrom)
    );
  }

  /** Whether `password` is the user's password now (false for no such user); creates no session. */
  async passwordMatches(id: string, password: string): Promise<boolean> {
    const user = await this.#models.Users.findById(id, { passwordHash: 1 }).lean<UserRecord>();
    return user ? verifyPassword(password, user.passwordHash) : false;
  }

  async hasUsers(): Promise<boolean> {
    return (await this.#models.Users.countDocuments().limit(1)) > 0;
  }

  async createUser(id: string, password: string, role: Role): Promise<UserView> {
    const record: UserRecord = {
      _id: id,
      passwordHash: await hashPassword(password, this.#passwordCost),
      role,
      disabled: false,
      createdAt: new Date(this.#clock.now()),
    };
    try {
      await this.#models.Users.create(record);
    } catch (error) {
      if (isDuplicateKey(error)) throw new UserExistsError(id);
      throw error;
    }
    return viewOf(record);
  }

  async listUsers(): Promise<UserView[]> {
    const users = await this.#models.Users.find().lean<UserRecord[]>();
    return users.map(viewOf).sort((a, b) => a.id.localeCompare(b.id));
  }

  /**
   * Changes a user. A new password or a disable ends every session of the user (and marks the
   * time, so a session from before can never count again, re-enabled or not). The last enabled
   * admin cannot be demoted or disabled: nothing could recover the console then.
   */
  async updateUser(
    id: string,
    change: { role?: Role; password?: string; disabled?: boolean },
  ): Promise<UserView | null> {
    const losesAdmin = (change.role !== undefined && change.role !== 'admin') || change.disabled;
    return losesAdmin
      ? this.#inAdminsTurn(() => this.#changeUser(id, change, true))
      : this.#changeUser(id, change, false);
  }

  async #changeUser(
    id: string,
    change: { role?: Role; password?: string; disabled?: boolean },
    losesAdmin: boolean | undefined,
  ): Promise<UserView | null> {
    const current = await this.#models.Users.findById(id).lean<UserRecord>();
    if (!current) return null;
    if (
      losesAdmin &&
      current.role === 'admin' &&
      !current.disabled &&
      !(await this.#otherAdmin(id))
    )
      throw new LastAdminError(id);
    const set: Partial<UserRecord> = {};
    if (change.role) set.role = change.role;
    if (change.disabled !== undefined) set.disabled = change.disabled;
    if (change.password) set.passwordHash = await hashPassword(change.password, this.#passwordCost);
    const endsSessions = Boolean(change.password) || change.disabled === true;
    if (endsSessions) set.sessionsValidFrom = new Date(this.#clock.now());
    const updated = await this.#models.Users.findOneAndUpdate(
      { _id: id },
      { $set: set },
      { returnDocument: 'after' },
    ).lean<UserRecord>();
    if (endsSessions) await this.#models.Sessions.deleteMany({ userId: id });
    if (updated && change.password) for (const listener of this.#passwordListeners) listener(id);
    if (updated && (endsSessions || updated.role !== current.role))
      for (const listener of this.#accessListeners) listener(id);
    return updated ? viewOf(updated) : null;
  }

  /**
   * Runs a change that may take an enabled admin away in the admins' turn, one at a time across
   * processes: two admins demoting each other at once each found the other still an admin, and
   * both went. The turn is claimed by inserting `_id: 'admins'` (model/name-claims.ts) and given
   * back after; a claimer waits for it up to {@link ADMINS_TURN_WAITS} times 50 ms, then gets
   * {@link AdminsChangingError} (409). A turn left by a process that died is taken over after five
   * minutes.
   */
  async #inAdminsTurn<T>(change: () => Promise<T>): Promise<T> {
    const holder = randomUUID();
    for (let wait = 0; ; wait++) {
      const now = new Date(this.#clock.now());
      if (await claimName(this.#models.AdminChanges, ADMINS_TURN, holder, now, async () => false))
        break;
      if (wait >= ADMINS_TURN_WAITS) throw new AdminsChangingError();
      await sleep(50);
    }
    try {
      return await change();
    } finally {
      await releaseName(this.#models.AdminChanges, ADMINS_TURN);
    }
  }

  /** True when an enabled admin other than `id` exists. */
  async #otherAdmin(id: string): Promise<boolean> {
    const admins = await this.#models.Users.find({ role: 'admin', _id: { $ne: id } }).lean<
      UserRecord[]
    >();
    return admins.some((admin) => !admin.disabled);
  }

  /** Deletes expired sessions, at most every {@link SESSION_PRUNE_EVERY_MS}; returns how many. */
  async pruneSessions(now = this.#clock.now(), force = false): Promise<number> {
    if (!force && now - this.#prunedAt < SESSION_PRUNE_EVERY_MS) return 0;
    this.#prunedAt = now;
    const { deletedCount } = await this.#models.Sessions.deleteMany({
      expiresAt: { $lt: new Date(now) },
    });
    return deletedCount;
  }

  /** A new session token for valid credentials, or null (same time either way). */
  async login(
    id: string,
    password: string,
  ): Promise<{ token: string; user: UserView; expiresAt: Date } | null> {
    const user = await this.#models.Users.findById(id).lean<UserRecord>();
    const valid = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH));
    if (!user || !valid || user.disabled) return null;
    await this.pruneSessions();
    const sessionToken = token('xs_');
    const now = new Date(this.#clock.now());
    const expiresAt = new Date(now.getTime() + this.#sessionHours * 3_600_000);
    await this.#models.Sessions.create({
      _id: sha256(sessionToken),
      userId: user._id,
      role: user.role,
      createdAt: now,
      expiresAt,
    });
    return { token: sessionToken, user: viewOf(user), expiresAt };
  }

  async logout(sessionToken: string): Promise<void> {
    await this.#models.Sessions.deleteOne({ _id: sha256(sessionToken) });
    for (const listener of this.#logoutListeners) listener(sessionToken);
  }

  /** The principal a bearer token stands for, or null when it is unknown or expired. */
  async authenticate(bearer: string): Promise<Principal | null> {
    if (bearer.startsWith('xk_')) {
      const key = await this.#models.ApiKeys.findById(sha256(bearer)).lean<ApiKeyRecord>();
      return key ? { kind: 'apiKey', id: key.name, source: key.source } : null;
    }
    const session = await this.#models.Sessions.findById(sha256(bearer)).lean<SessionRecord>();
    if (!session) return null;
    if (session.expiresAt.getTime() < this.#clock.now()) {
      await this.#models.Sessions.deleteOne({ _id: session._id });
      return null;
    }
    // The role is read again so a demoted or disabled user loses rights at once.
    const user = await this.#models.Users.findById(session.userId).lean<UserRecord>();
    if (!user || user.disabled || !this.#stands(session, user)) return null;
    return { kind: 'user', id: user._id, role: user.role };
  }

  /**
   * A new intake key named `name`. A name stands for one key (a key is revoked, audited and
   * named in `api-key:<name>` by it): the name is claimed first by inserting `_id` `name` into
   * `apiKeyNames`, so of two creates at once one wins (model/name-claims.ts). A key written
   * before claims existed has none: the winner of its name finds it and gives up.
   */
  async createApiKey(
    name: string,
    source: string,
    createdBy: string,
  ): Promise<{ key: string; record: Omit<ApiKeyRecord, '_id'> }> {
    const key = token('xk_');
    const id = sha256(key);
    const now = new Date(this.#clock.now());
    const keyExists = async (holder: string) =>
      (await this.#models.ApiKeys.exists({ _id: holder })) !== null;
    if (!(await claimName(this.#models.ApiKeyNames, name, id, now, keyExists)))
      throw new ApiKeyExistsError(name);
    const older = await this.#models.ApiKeys.findOne({ name }, { _id: 1 }).lean<ApiKeyRecord>();
    if (older) {
      await moveClaim(this.#models.ApiKeyNames, name, older._id, now);
      throw new ApiKeyExistsError(name);
    }
    const record = { name, source, prefix: key.slice(0, 7), createdBy, createdAt: now };
    await this.#models.ApiKeys.create({ _id: id, ...record });
    return { key, record };
  }

  async listApiKeys(): Promise<Omit<ApiKeyRecord, '_id'>[]> {
    const keys = await this.#models.ApiKeys.find().lean<ApiKeyRecord[]>();
    return keys.map(({ _id: _hash, ...rest }) => rest);
  }

  /** Revokes the key named `name`, then gives the name up; false when there was none. */
  async deleteApiKey(name: string): Promise<boolean> {
    const { deletedCount } = await this.#models.ApiKeys.deleteMany({ name });
    // A crash before the release leaves a claim whose key is gone: taken over after the grace.
    await releaseName(this.#models.ApiKeyNames, name);
    return deletedCount > 0;
  }
}

/** The claim of the admins' turn (`AdminChanges`), and how many times a change waits for it. */
const ADMINS_TURN = 'admins';
const ADMINS_TURN_WAITS = 40;

/** Another change that may take an admin away is being made; try again. */
export class AdminsChangingError extends Error {
  constructor() {
    super('Another change of an admin is being made');
  }
}

/** Demoting or disabling the only enabled admin. */
export class LastAdminError extends Error {
  constructor(id: string) {
    super(`${id} is the last enabled admin`);
  }
}

/** Another API key has this name. */
export class ApiKeyExistsError extends Error {
  constructor(name: string) {
    super(`An API key named ${name} exists`);
  }
}

export class UserExistsError extends Error {
  constructor(id: string) {
    super(`User ${id} exists`);
  }
}

function viewOf(user: UserRecord): UserView {
  return {
    id: user._id,
    role: user.role,
    disabled: user.disabled ?? false,
    createdAt: user.createdAt,
  };
}
