/** Query parameters of a connection string whose values are secrets. */
const SECRET_PARAMETER = /^[^=]*(password|secret|token|credential)[^=]*$/i;

/**
 * A connection string fit for logs and error messages: the password in its user part and the
 * values of secret-looking parameters replaced by `***`. `mongodb://shop:pw@db/xiaoer` becomes
 * `mongodb://shop:***@db/xiaoer`; anything that is not a URL comes back as it is.
 */
export function redactedUri(uri: string): string {
  const withoutPassword = uri.replace(
    // Greedy up to the authority's last `@`: a password may hold one, percent-encoded or not.
    /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i,
    (_match, scheme: string, userInfo: string) => {
      const colon = userInfo.indexOf(':');
      return colon < 0 ? `${scheme}${userInfo}@` : `${scheme}${userInfo.slice(0, colon)}:***@`;
    },
  );
  const question = withoutPassword.indexOf('?');
  if (question < 0) return withoutPassword;
  const query = withoutPassword
    .slice(question + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals > 0 && SECRET_PARAMETER.test(pair.slice(0, equals))
        ? `${pair.slice(0, equals)}=***`
        : pair;
    })
    .join('&');
  return `${withoutPassword.slice(0, question)}?${query}`;
}
