import type { EventMapping } from './platforms/mapped.adapter.ts';
import type { TaobaoTmcConfig } from './platforms/taobao.adapter.ts';
import { matchingSecret } from './signature.ts';
import type { EventTypeScope } from './event-type-scope.ts';

/** Where signed events come from; each source has its own secret. */
export type SourceKind = 'xiaoer' | 'shopify' | 'woocommerce' | 'youzan' | 'taobao' | 'mapped';

export interface EventSource {
  /** Appears in URLs and event keys: `[a-z0-9-]`, e.g. `demo-shop`. */
  id: string;
  kind: SourceKind;
  /** HMAC-SHA256 key shared with the sender (Youzan: the app's client secret). */
  secret: string;
  /**
   * The secret before a rotation, still taken until `previousSecretUntil` (an ISO time), so
   * that a sender that cannot hold two secrets, or never resends (WooCommerce), loses nothing
   * while it switches. Both or neither; never for `taobao` (its secret signs our calls).
   */
  previousSecret?: string;
  previousSecretUntil?: string;
  /** For `mapped` sources: how the sender's own JSON becomes an event. */
  mapping?: EventMapping;
  /** For `taobao` sources: the app and shop whose TMC messages are pulled (secret: app secret). */
  taobao?: TaobaoTmcConfig;
  /** The event types it may send (`event-type-scope.ts`); absent: every type. */
  eventTypes?: EventTypeScope;
}

/**
 * What signed a request: the source's current secret, its previous one within the grace, its
 * previous one after the grace (`expiredAt`, refused), or nothing the source holds.
 */
export type SignedBy =
  { source: EventSource; secret: 'current' | 'previous' } | { expiredAt: string } | undefined;

/** The configured sources, looked up by id. */
export class SourceRegistry {
  readonly #sources = new Map<string, EventSource>();
  /** Now, in ms (a test clock in tests): when a previous secret's grace ends. */
  readonly #now: () => number;

  constructor(sources: EventSource[], now: () => number = Date.now) {
    for (const source of sources) this.#sources.set(source.id, source);
    this.#now = now;
  }

  find(id: string, kind: SourceKind): EventSource | undefined {
    const source = this.#sources.get(id);
    return source?.kind === kind ? source : undefined;
  }

  /**
   * The event types source `id` may send, whatever its kind (an intake API key names only the
   * source): undefined for every type, or for a source it does not know.
   */
  eventTypesOf(id: string): EventTypeScope | undefined {
    return this.#sources.get(id)?.eventTypes;
  }

  /**
   * Which secret of source `id` made `received`, `sign(secret)` being the signature a secret
   * makes in the sender's scheme. Every secret the source holds is compared, in constant time.
   */
  signedBy(
    id: string,
    kind: SourceKind,
    sign: (secret: string) => string,
    received: string,
  ): SignedBy {
    const source = this.find(id, kind);
    return source ? this.secretOf(source, sign, received) : undefined;
  }

  /**
   * `signedBy`, where a source's secrets may have changed in another process since this one
   * read them: there a previous secret's grace is confirmed where sources are kept. The
   * configuration file's sources change only with a restart, so here it is `signedBy`.
   */
  async signedByLatest(
    id: string,
    kind: SourceKind,
    sign: (secret: string) => string,
    received: string,
  ): Promise<SignedBy> {
    return this.signedBy(id, kind, sign, received);
  }

  /** Which secret of `source` made `received`, as `signedBy` tells it. */
  protected secretOf(
    source: EventSource,
    sign: (secret: string) => string,
    received: string,
  ): SignedBy {
    const match = matchingSecret(source, sign, received);
    if (match === 'current') return { source, secret: 'current' };
    if (match !== 'previous') return undefined;
    const ends = Date.parse(source.previousSecretUntil ?? '');
    if (Number.isNaN(ends)) return undefined;
    return this.#now() < ends
      ? { source, secret: 'previous' }
      : { expiredAt: new Date(ends).toISOString() };
  }

  list(): EventSource[] {
    return [...this.#sources.values()];
  }
}
