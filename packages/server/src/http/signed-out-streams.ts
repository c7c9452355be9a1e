import type { RequestHandler, Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';

/**
 * Ends a console user's open live streams (server-sent events) once their login no longer
 * stands as it did: their sessions ended (a new password, a disable) or their role changed.
 * Every other request checks the login as it comes; a stream was checked once, when it opened,
 * so a disabled viewer's conversation page went on receiving every customer message. The
 * browser opens the stream again and is asked anew: 401 or 403, or let in with the new role.
 * Within this process only: a change another process makes (several behind a balancer, or
 * `xiaoer users` on the machine) leaves the streams here open until their page closes.
 */
export function endStreamsOnAccessChange(auth: AuthService): RequestHandler {
  const open = new Map<string, Set<Response>>();
  auth.onAccessChanged((userId) => {
    for (const response of open.get(userId) ?? [])
      if (String(response.getHeader('content-type')).startsWith('text/event-stream'))
        response.end();
  });
  return (request, response, next) => {
    const principal = request.principal;
    if (principal?.kind === 'user') {
      const responses = open.get(principal.id) ?? new Set<Response>();
      open.set(principal.id, responses.add(response));
      response.on('close', () => {
        responses.delete(response);
        if (responses.size === 0 && open.get(principal.id) === responses) open.delete(principal.id);
      });
    }
    next();
  };
}
