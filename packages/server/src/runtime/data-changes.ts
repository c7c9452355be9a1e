import { isDeepStrictEqual } from 'node:util';
import type { JsonObject } from '@xiaoer/engine';
import type { DataChange } from '../model/instance.model.ts';

/** The journey variables a step set, changed or removed, for the instance timeline. */
export function dataChanges(before: JsonObject, after: JsonObject): DataChange[] {
  const changes: DataChange[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[key];
    const now = after[key];
    if (isDeepStrictEqual(was, now)) continue;
    changes.push({
      key,
      ...(was !== undefined ? { before: was } : {}),
      ...(now !== undefined ? { after: now } : {}),
    });
  }
  return changes;
}
