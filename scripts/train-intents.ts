import { createIntentRecognizer, defaultIntentModelDirectory } from '@xiaoer/server/internal';

/**
 * `npm run intents:train` (and `npm install`, through `prepare`): trains the local intent model
 * from the shipped intents and keeps it in the cache a server start reads
 * (`intent-model-cache.ts`), so the first `npm start` or test run does not train.
 */
const started = performance.now();
await createIntentRecognizer();
const ms = Math.round(performance.now() - started);
console.log(`意图模型已就绪 / intent model ready (${ms} ms): ${defaultIntentModelDirectory()}`);
