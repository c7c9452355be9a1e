import { fileURLToPath } from 'node:url';

/**
 * The held-back generated messages (`<intent>.json`, written by `npm run intents:generate`):
 * from grammar templates that never train the model; `npm run eval:intents` measures on them.
 */
export const HELD_BACK = fileURLToPath(new URL('./held-back', import.meta.url));
