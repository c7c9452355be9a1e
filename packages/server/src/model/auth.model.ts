import { Schema, type Connection, type Model } from 'mongoose';
import type { NameClaimRecord } from './name-claims.ts';

export const ROLES = ['admin', 'operator', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** An operator account; `_id` is the user name. */
export interface UserRecord {
  _id: string;
  passwordHash: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  /** Sessions created before this (a password change, a disable) no longer count. */
  sessionsValidFrom?: Date;
}

/** A login session; `_id` is the sha256 of the token, so a leaked table leaks no tokens. */
export interface SessionRecord {
  _id: string;
  userId: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
}

/** A machine client's key, scoped to event intake; `_id` is the sha256 of the key. */
export interface ApiKeyRecord {
  _id: string;
  name: string;
  /** The event source it may send for. */
  source: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
}

/**
 * Failed logins of one user name, counted across every process on the store
 * (auth/login-lockout.ts); `_id` is the user name as login reads it. Kept for known and unknown
 * names alike, so the lock tells nothing about which names exist.
 */
export interface LoginFailureRecord {
  _id: string;
  /** Attempts since `windowEndsAt - window` that have not succeeded (one in flight counts). */
  failures: number;
  windowEndsAt: Date;
  /** Set once `failures` reached the limit: every login of the name is refused until then. */
  lockedUntil?: Date;
  /** `lockedUntil`, else `windowEndsAt`: from then the record is stale and deleted. */
  expiresAt: Date;
}

const options = { versionKey: false } as const;

export function authModels(connection: Connection): {
  Users: Model<UserRecord>;
  Sessions: Model<SessionRecord>;
  ApiKeys: Model<ApiKeyRecord>;
  ApiKeyNames: Model<NameClaimRecord>;
  LoginFailures: Model<LoginFailureRecord>;
  AdminChanges: Model<NameClaimRecord>;
} {
  return {
    Users: connection.model(
      'User',
      new Schema(
        {
          _id: String,
          passwordHash: { type: String, required: true },
          role: { type: String, required: true, enum: ROLES },
          disabled: { type: Boolean, default: false },
          createdAt: { type: Date, required: true },
          sessionsValidFrom: Date,
        },
        { ...options, collection: 'users' },
      ),
    ) as unknown as Model<UserRecord>,
    Sessions: connection.model(
      'Session',
      new Schema(
        {
          _id: String,
          userId: { type: String, required: true },
          role: { type: String, required: true },
          createdAt: { type: Date, required: true },
          expiresAt: { type: Date, required: true },
        },
        { ...options, collection: 'sessions' },
      ),
    ) as unknown as Model<SessionRecord>,
    ApiKeys: connection.model(
      'ApiKey',
      new Schema(
        {
          _id: String,
          name: { type: String, required: true },
          source: { type: String, required: true },
          prefix: { type: String, required: true },
          createdBy: { type: String, required: true },
          createdAt: { type: Date, required: true },
        },
        { ...options, collection: 'apiKeys' },
      ),
    ) as unknown as Model<ApiKeyRecord>,
    // An API key's name, claimed by inserting `_id` = the name (model/name-claims.ts).
    ApiKeyNames: claimModel(connection, 'ApiKeyName', 'apiKeyNames'),
    // The turn of a change that takes an enabled admin away (`_id: 'admins'`).
    AdminChanges: claimModel(connection, 'AdminChange', 'adminChanges'),
    LoginFailures: connection.model(
      'LoginFailure',
      new Schema(
        {
          _id: String,
          failures: { type: Number, required: true },
          windowEndsAt: { type: Date, required: true },
          lockedUntil: Date,
          expiresAt: { type: Date, required: true },
        },
        { ...options, collection: 'loginFailures' },
      ),
    ) as unknown as Model<LoginFailureRecord>,
  };
}

/** A collection of claims (model/name-claims.ts): `_id` the name, its holder and when. */
function claimModel(connection: Connection, name: string, collection: string) {
  return connection.model(
    name,
    new Schema(
      {
        _id: String,
        holder: { type: String, required: true },
        claimedAt: { type: Date, required: true },
      },
      { ...options, collection },
    ),
  ) as unknown as Model<NameClaimRecord>;
}
