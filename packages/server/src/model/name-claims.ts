import type { Model } from 'mongoose';
import { insertNew } from './insert-new.ts';

/**
 * A name taken by a document that is not named by its `_id` (an API key's `_id` is its hash):
 * `_id` is the name, `holder` the `_id` of the document that has it.
 */
export interface NameClaimRecord {
  _id: string;
  holder: string;
  claimedAt: Date;
}

/**
 * How long a claim whose document never appeared keeps its name. The document is written one
 * statement after its claim; a claim older than this without it was left by a crash between
 * the two, and the next claimer takes the name over.
 */
export const CLAIM_GRACE_MS = 5 * 60_000;

/** How a claimer learns whether the holder of an existing claim was written. */
export type HolderExists = (holder: string) => Promise<boolean>;

/**
 * Claims `name` for the document `holder` by inserting `_id` `name`: of any number of claimers
 * at once exactly one wins (FerretDB 1.x makes `_id` inserts the one atomic operation,
 * docs/runtime.md; there is no unique secondary index). True when this claimer has the name.
 *
 * A claim that exists is kept while its holder exists or is younger than
 * {@link CLAIM_GRACE_MS}; an older one without its holder is taken over by inserting a retake
 * mark `name#holder` (again one winner), then replacing the claim. Names must not contain `#`.
 *
 * Marks are never deleted: one is left per takeover (each follows a crash), and it is what
 * keeps a claimer that read the claim before the takeover from taking it over a second time.
 * A mark whose taker died before replacing the claim stands for the claim: the taker is
 * followed, and taken over in turn once its grace passes without its document.
 */
export async function claimName(
  claims: Model<NameClaimRecord>,
  name: string,
  holder: string,
  now: Date,
  holderExists: HolderExists,
): Promise<boolean> {
  // A claim released between the failed insert and its read is claimed again (at most twice).
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await inserted(claims, { _id: name, holder, claimedAt: now })) return true;
    const found = await claims.findById(name).lean<NameClaimRecord>();
    if (!found) continue;
    let claim: NameClaimRecord = found;
    // Each mark names a later holder than the claim it took over: the chain ends.
    for (;;) {
      if (now.getTime() - claim.claimedAt.getTime() < CLAIM_GRACE_MS) return false;
      if (await holderExists(claim.holder)) return false;
      const mark: NameClaimRecord = { _id: `${name}#${claim.holder}`, holder, claimedAt: now };
      if (await inserted(claims, mark)) {
        await claims.replaceOne({ _id: name }, { _id: name, holder, claimedAt: now });
        return true;
      }
      // Taken over already: by a claimer still at it (young), done (its document exists), or
      // that died before pointing the claim at itself.
      const taker: NameClaimRecord | null = await claims.findById(mark._id).lean<NameClaimRecord>();
      if (!taker) return false;
      claim = taker;
    }
  }
  return false;
}

/** Gives `name` up; the next claim of it wins at once. */
export async function releaseName(claims: Model<NameClaimRecord>, name: string): Promise<void> {
  await claims.deleteOne({ _id: name });
}

/** Points the claim of `name` at `holder` (a document written before claims existed). */
export async function moveClaim(
  claims: Model<NameClaimRecord>,
  name: string,
  holder: string,
  now: Date,
): Promise<void> {
  await claims.replaceOne({ _id: name }, { _id: name, holder, claimedAt: now });
}

async function inserted(claims: Model<NameClaimRecord>, claim: NameClaimRecord): Promise<boolean> {
  return (await insertNew(claims, [claim])).size === 0;
}
