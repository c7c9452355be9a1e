import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { messages, type Language } from './messages.ts';
import { operatorMessages } from './operator-messages.ts';
import { deskToolsMessages } from './desk-tools-messages.ts';
import { firstLanguage } from './first-language.ts';

/** Reads the browser's preferred languages once, on a first visit (see first-language.ts). */
const browserLanguage = {
  name: 'browserLanguage',
  lookup: () =>
    typeof navigator === 'undefined'
      ? undefined
      : firstLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]),
};

/**
 * i18next with the console's texts. The language is the one chosen before (the switch, kept in
 * localStorage), else the browser's: Chinese browsers start in zh, all others in en.
 */
export function setUpI18n() {
  const detector = new LanguageDetector();
  detector.addDetector(browserLanguage);
  void i18next
    .use(detector)
    .use(initReactI18next)
    .init({
      resources: {
        zh: { translation: { ...messages.zh, ...operatorMessages.zh, ...deskToolsMessages.zh } },
        en: { translation: { ...messages.en, ...operatorMessages.en, ...deskToolsMessages.en } },
      },
      supportedLngs: ['zh', 'en'],
      nonExplicitSupportedLngs: true,
      fallbackLng: 'zh',
      interpolation: { escapeValue: false },
      detection: { order: ['localStorage', 'browserLanguage'], caches: ['localStorage'] },
    });
  return i18next;
}

/** The language in use, as the engine's texts name it. */
export function languageOf(code: string | undefined): Language {
  return code?.startsWith('en') ? 'en' : 'zh';
}
