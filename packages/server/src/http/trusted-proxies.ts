import { isIP } from 'node:net';
import type { LocalizedText } from '@xiaoer/engine';

/**
 * Which proxies in front of the server may say who the client is (`X-Forwarded-For`,
 * `X-Forwarded-Proto`): how many there are (each trusts the one before), or their addresses and
 * subnets, or Express's names for address ranges. Without it the connection's own address is the
 * client's, so a client cannot pick an address to escape its budgets; but behind a proxy or load
 * balancer every customer then has the proxy's address, and shares one chat budget and one login
 * budget with everyone else (http/chat-limits.ts, auth.route.ts).
 */
export type TrustedProxies = number | string[];

/** Express's names for the loopback, link-local and private ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Why one entry of a {@link TrustedProxies} list is not an address, a subnet (`10.0.0.0/8`,
 * `fd00::/8`) or a range name, in Chinese and English; undefined when it is one.
 */
export function trustedProxyProblem(entry: string): LocalizedText | undefined {
  if (RANGE_NAMES.has(entry)) return undefined;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  const bits = family === 4 ? 32 : 128;
  const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
  if (family !== 0 && prefixOk && rest.length === 0) return undefined;
  return {
    zh: `"${entry}" 不是 IP 地址、网段（如 10.0.0.0/8），也不是 loopback、linklocal、uniquelocal 之一`,
    en: `"${entry}" is not an IP address, a subnet (10.0.0.0/8) or one of loopback, linklocal, uniquelocal`,
  };
}
