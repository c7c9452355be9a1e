import { isDuplicateKey, type RuntimeModels } from '../model/models.ts';

/**
 * Creates a job unless its marker says it exists already, then writes the marker: a
 * re-dispatch after a crash makes only the jobs that were lost, instead of a duplicate per
 * recovery sweep. `fresh` skips the look (the caller just created what the job is for).
 * Job first, marker second: a crash in between costs a duplicate job, never a lost one.
 */
export async function ensureJob(
  models: RuntimeModels,
  marker: string,
  fresh: boolean,
  create: () => Promise<unknown>,
): Promise<void> {
  if (!fresh && (await models.JobMarkers.exists({ _id: marker }))) return;
  await create();
  await models.JobMarkers.create({ _id: marker, at: new Date() }).catch((error: unknown) => {
    if (!isDuplicateKey(error)) throw error;
  });
}
