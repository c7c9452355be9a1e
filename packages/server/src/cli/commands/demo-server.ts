/** Where `xiaoer demo` finds a running server with a demo shop, and how it logs in. */

/** The addresses tried when no `--url` is given: `PORT` if set, then 3000–3005 on this host. */
export function candidateUrls(env: NodeJS.ProcessEnv): string[] {
  const ports = [env['PORT'], '3000', '3001', '3002', '3003', '3004', '3005'].filter(
    (port): port is string => Boolean(port),
  );
  return [...new Set(ports)].map((port) => `http://127.0.0.1:${port}`);
}

/** The first address that answers `GET /api/demo` with its demo shop's URL. */
export async function findDemoServer(
  urls: string[],
): Promise<{ url: string; shopUrl: string } | { tried: string[]; reason: string }> {
  let reason = '';
  for (const url of urls) {
    try {
      const response = await fetch(`${url}/api/demo`, { signal: AbortSignal.timeout(3_000) });
      if (response.ok)
        return { url, shopUrl: ((await response.json()) as { shopUrl: string }).shopUrl };
      reason = `${url}: HTTP ${response.status}`;
    } catch (error) {
      reason = `${url}: ${(error as Error).message}`;
    }
  }
  return { tried: urls, reason };
}

/**
 * A bearer token for the console API: the given token, else a login with the given user and
 * password; undefined when neither is known or the login is refused.
 */
export async function logIn(
  url: string,
  credentials: { token?: string | undefined; user: string; password?: string | undefined },
): Promise<string | undefined> {
  if (credentials.token) return credentials.token;
  if (!credentials.password) return undefined;
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: credentials.user, password: credentials.password }),
  });
  if (!response.ok) return undefined;
  return ((await response.json()) as { token: string }).token;
}
