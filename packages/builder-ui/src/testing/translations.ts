import type { TFunction } from 'i18next';
import { setUpI18n } from '../i18n/i18n.ts';

/** The console's texts set up as in the browser, shown in English, and `t` of each language. */
export async function translations(): Promise<{ en: TFunction; zh: TFunction }> {
  const i18n = setUpI18n();
  await i18n.changeLanguage('en');
  return { en: i18n.getFixedT('en'), zh: i18n.getFixedT('zh') };
}
