import type { Connection, Model } from 'mongoose';
import { stringIdModels } from './string-id-model.ts';
import type { NameClaimRecord } from './name-claims.ts';

/**
 * A webhook sender added from the console (the configuration file's sources stay there):
 * `_id` is the source's id. The secret is kept as is, as the configuration file keeps its
 * sources' secrets: verifying an HMAC needs the key itself.
 */
export interface StoredSourceRecord {
  _id: string;
  kind: 'xiaoer' | 'woocommerce';
  secret: string;
  createdAt: Date;
  createdBy: string;
  /** The last rotation of the secret, if any. */
  rotatedAt?: Date;
  rotatedBy?: string;
  /**
   * The secret before the last rotation and when it stops being taken (the grace the rotation
   * gave); kept after that, so a delivery signed with it is refused saying why.
   */
  previousSecret?: string;
  previousSecretUntil?: Date;
  /** The event types it may send (`intake/event-type-scope.ts`); absent: every type. */
  eventTypes?: string[];
  /**
   * How many times it was changed (rotations, scopes, graces ended); absent: never. Each change
   * first claims the next number (`SourceChanges`, sources/stored-sources.ts).
   */
  revision?: number;
}

export function storedSourceModels(connection: Connection): {
  StoredSources: Model<StoredSourceRecord>;
  SourceChanges: Model<NameClaimRecord>;
} {
  const model = stringIdModels(connection);
  return {
    StoredSources: model<StoredSourceRecord>('StoredSource', 'sources', {
      kind: { type: String, required: true },
      secret: { type: String, required: true },
      createdAt: { type: Date, required: true },
      createdBy: { type: String, required: true },
      rotatedAt: Date,
      rotatedBy: String,
      previousSecret: String,
      previousSecretUntil: Date,
      // No default: an absent scope is every type, an empty list would be none.
      eventTypes: { type: [String], default: undefined },
      revision: Number,
    }),
    // `<source>@<revision>`: the change that makes that revision, claimed before it is written.
    SourceChanges: model<NameClaimRecord>('SourceChange', 'sourceChanges', {
      holder: { type: String, required: true },
      claimedAt: { type: Date, required: true },
    }),
  };
}
