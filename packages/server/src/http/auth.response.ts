import {
  arrayOf,
  boolean,
  dateTime,
  deleted,
  described,
  object,
  oneOf,
  text,
} from './response-schema.ts';

const role = oneOf('admin', 'operator', 'agent', 'viewer');
const user = object({ id: text, role, disabled: boolean, createdAt: dateTime });
/** A user in the admin's list: `loginLockedUntil` while too many failed logins lock the name. */
const listedUser = object(
  { id: text, role, disabled: boolean, createdAt: dateTime },
  { loginLockedUntil: dateTime },
);
const apiKey = object({
  name: text,
  source: text,
  prefix: text,
  createdBy: text,
  createdAt: dateTime,
});

/** The success answers of `/api/auth`, `/api/users` and `/api/api-keys`. */
export const authResponseSchemas = {
  session: object({ token: text, user, expiresAt: dateTime }),
  loggedOut: object({ loggedOut: boolean }),
  /** Who the request acts for: a console user, or an intake API key. */
  me: object(
    { kind: oneOf('user', 'apiKey'), id: text },
    {
      role,
      source: text,
      personalData: described(
        oneOf('whole', 'masked'),
        "Whether customers' phone numbers, emails, names and addresses reach this user whole or masked (roles without operate/handle) / 客户个人信息对该用户是完整还是脱敏显示",
      ),
    },
  ),
  users: object({ users: arrayOf(listedUser) }),
  loginLockEnded: object({ id: text, loginLockEnded: boolean }),
  user,
  apiKeys: object({ apiKeys: arrayOf(apiKey) }),
  /** The key itself is shown this once. */
  createdKey: object({
    key: text,
    name: text,
    source: text,
    prefix: text,
    createdBy: text,
    createdAt: dateTime,
  }),
  deleted: deleted(boolean),
} as const;
