import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { messages, type Language } from './messages.ts';
import { operatorMessages } from './operator-messages.ts';
import { deskToolsMessages } from './desk-tools-messages.ts';

/** i18next with the editor's texts; the language comes from the browser, then the switch. */
export function setUpI18n() {
  void i18next
    .use(LanguageDetector)
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
      detection: { order: ['localStorage', 'navigator'], caches: ['localStorage'] },
    });
  return i18next;
}

/** The language in use, as the engine's texts name it. */
export function languageOf(code: string | undefined): Language {
  return code?.startsWith('en') ? 'en' : 'zh';
}
