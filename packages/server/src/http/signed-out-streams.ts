import type { RequestHandler, Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import type { Cancel, Clock } from '../clock/clock.ts';
import type { Role } from '../model/auth.model.ts';
import { credentialOf } from './authenticate.ts';

/**
 * How often the login an open console stream was let in on is asked again: a change made
 * elsewhere (another process behind the balancer, `xiaoer users` on the machine, a logout
 * there, an expiry) ends the stream within this. Two store reads per user with open streams
 * per check, however many streams and sessions they hold.
 */
export const STREAM_RECHECK_MS = 30_000;

/** The login a response was let in on. */
interface Login {
  sessionToken: string;
  role: Role;
}

const isEventStream = (response: Response) =>
  String(response.getHeader('content-type')).startsWith('text/event-stream');

/**
 * Ends a console user's open live streams (server-sent events) once their login no longer
 * stands as it did: the session logged out or expired, the user's sessions ended (a new
 * password, a disable), or their role changed. Every other request checks the login as it
 * comes; a stream was checked once, when it opened, so a disabled viewer's conversation page
 * went on receiving every customer message. The browser opens the stream again and is asked
 * anew: 401 or 403, or let in with the new role.
 *
 * A change made through this process (`AuthService.onAccessChanged`, `onLoggedOut`) ends the
 * streams at once; one made by another process on the same store is found by asking the store
 * again every {@link STREAM_RECHECK_MS} while streams are open. A check the store cannot answer
 * leaves the streams open until the next one.
 */
export function endStreamsOnAccessChange(
  auth: AuthService,
  clock: Clock,
  /** Told of a check the store could not answer. */
  onCheckFailed: (error: unknown) => void = () => {},
): RequestHandler {
  /** Open responses by user id, with the login each was let in on. */
  const open = new Map<string, Map<Response, Login>>();
  let stopChecking: Cancel | undefined;
  let checked: Promise<void> = Promise.resolve();

  const end = (userId: string, ends: (login: Login) => boolean) => {
    for (const [response, login] of open.get(userId) ?? [])
      if (isEventStream(response) && ends(login)) response.end();
  };
  auth.onAccessChanged((userId) => end(userId, () => true));
  auth.onLoggedOut((sessionToken) => {
    for (const userId of [...open.keys()])
      end(userId, (login) => login.sessionToken === sessionToken);
  });

  const check = async () => {
    if (open.size === 0) {
      stopChecking?.();
      stopChecking = undefined;
      return;
    }
    for (const [userId, responses] of [...open]) {
      const streams = [...responses].filter(([response]) => isEventStream(response));
      if (streams.length === 0) continue;
      const sessionTokens = [...new Set(streams.map(([, login]) => login.sessionToken))];
      const now = await auth.sessionsStanding(userId, sessionTokens).catch((error: unknown) => {
        onCheckFailed(error);
        return undefined;
      });
      if (now === undefined) continue;
      for (const [response, login] of streams)
        if (!now || now.role !== login.role || !now.standing.has(login.sessionToken))
          response.end();
    }
  };

  return (request, response, next) => {
    const principal = request.principal;
    const sessionToken = credentialOf(request);
    if (principal?.kind === 'user' && sessionToken) {
      const responses = open.get(principal.id) ?? new Map<Response, Login>();
      open.set(principal.id, responses.set(response, { sessionToken, role: principal.role }));
      response.on('close', () => {
        responses.delete(response);
        if (responses.size === 0 && open.get(principal.id) === responses) open.delete(principal.id);
      });
      // One check at a time, each after the one before: a slow store delays, never overlaps.
      stopChecking ??= clock.every(STREAM_RECHECK_MS, () => (checked = checked.then(check)));
    }
    next();
  };
}
