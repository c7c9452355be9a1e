import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intentsApi } from '../api/intents-api.ts';
import { languageOf } from '../i18n/i18n.ts';

type Titles = ReadonlyMap<string, { zh: string; en: string }>;

/** What the recogniser answers when no intent is sure enough: not one of the listed intents. */
const NOT_RECOGNISED = { zh: '未识别', en: 'Not recognised' };

/** The intents' titles, asked once per page load (they change only with a new release). */
let titles: Promise<Titles> | undefined;
const loadTitles = () =>
  (titles ??= intentsApi.list().then(
    ({ intents }) => new Map(intents.map((i) => [i.intent, i.title])),
    () => {
      titles = undefined; // asked again next time
      return new Map();
    },
  ));

/** An intent's name in the console's language (`refund` → 退款); the id until titles load. */
export function useIntentTitle(): (intent: string) => string {
  const { i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const [known, setKnown] = useState<Titles>(new Map());
  useEffect(() => {
    void loadTitles().then(setKnown);
  }, []);
  return (intent) =>
    (known.get(intent) ?? (intent === 'unknown' ? NOT_RECOGNISED : undefined))?.[language] ??
    intent;
}
