import { parseDuration } from '../../time/duration.ts';
import { isValidTimeZone } from '../../time/allowed-hours.ts';
import type { ConfigProblem } from '../node-type.ts';

export function checkDuration(value: string | undefined, pointer: string): ConfigProblem[] {
  if (value === undefined || parseDuration(value) !== null) return [];
  return [{ code: 'duration.invalid', pointer, value }];
}

export function checkTimeZone(value: string | undefined, pointer: string): ConfigProblem[] {
  if (value === undefined || isValidTimeZone(value)) return [];
  return [{ code: 'timezone.invalid', pointer, value }];
}

export function checkUniqueIds(
  nodeIds: string[],
  pointer: (index: number) => string,
): ConfigProblem[] {
  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  nodeIds.forEach((id, index) => {
    if (seen.has(id))
      problems.push({ code: 'option.duplicateId', pointer: pointer(index), value: id });
    seen.add(id);
  });
  return problems;
}
