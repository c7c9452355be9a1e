import type { EventMapping } from './platforms/mapped.adapter.ts';
import type { TaobaoTmcConfig } from './platforms/taobao.adapter.ts';

/** Where signed events come from; each source has its own secret. */
export type SourceKind = 'xiaoer' | 'shopify' | 'woocommerce' | 'youzan' | 'taobao' | 'mapped';

export interface EventSource {
  /** Appears in URLs and event keys: `[a-z0-9-]`, e.g. `demo-shop`. */
  id: string;
  kind: SourceKind;
  /** HMAC-SHA256 key shared with the sender (Youzan: the app's client secret). */
  secret: string;
  /** For `mapped` sources: how the sender's own JSON becomes an event. */
  mapping?: EventMapping;
  /** For `taobao` sources: the app and shop whose TMC messages are pulled (secret: app secret). */
  taobao?: TaobaoTmcConfig;
}

/** The configured sources, looked up by id. */
export class SourceRegistry {
  readonly #sources = new Map<string, EventSource>();

  constructor(sources: EventSource[]) {
    for (const source of sources) this.#sources.set(source.id, source);
  }

  find(id: string, kind: SourceKind): EventSource | undefined {
    const source = this.#sources.get(id);
    return source?.kind === kind ? source : undefined;
  }

  list(): EventSource[] {
    return [...this.#sources.values()];
  }
}
