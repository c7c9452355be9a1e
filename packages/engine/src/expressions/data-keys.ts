/**
 * The store (MongoDB / FerretDB 1.x) cannot keep keys with dots or a leading `$`, so journey
 * data is checked before it is accepted.
 */
export function isStorableKey(key: string): boolean {
  return key.length > 0 && !key.includes('.') && !key.startsWith('$') && !key.includes('\0');
}

/** A variable name journeys can assign: a letter (any script) or `_`, then letters, digits, `_`. */
export const VARIABLE_NAME_PATTERN = '^[\\p{L}_][\\p{L}\\p{N}_]*$';
/** A dotted path into journey or event data, e.g. `order.address.city`. */
export const DATA_PATH_PATTERN = '^[\\p{L}_][\\p{L}\\p{N}_]*(\\.[\\p{L}_][\\p{L}\\p{N}_]*)*$';
const variableName = new RegExp(VARIABLE_NAME_PATTERN, 'u');

export function isVariableName(name: string): boolean {
  return variableName.test(name);
}

/** Finds the first key that cannot be stored, with a JSON Pointer to it; null when all can. */
export function findUnstorableKey(
  value: unknown,
  at = '',
): { key: string; pointer: string } | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableKey(value[i], `${at}/${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const here = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!isStorableKey(key)) return { key, pointer: here };
    const found = findUnstorableKey(child, here);
    if (found) return found;
  }
  return null;
}
