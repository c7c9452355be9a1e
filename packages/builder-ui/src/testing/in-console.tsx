import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import i18next from 'i18next';
import type { Language } from '../i18n/messages.ts';
import { ConsoleConfig } from '../app/ConsoleConfig.tsx';

/**
 * `ui` as the console shows it in `language`: Ant Design set up by `ConsoleConfig`, inside
 * Ant Design's `App`, which the console's dialogs and short messages come from. Call
 * `setUpI18n()` once first.
 */
export async function renderInConsole(language: Language, ui: ReactNode) {
  await i18next.changeLanguage(language);
  return render(
    <ConsoleConfig language={language}>
      <AntApp>{ui}</AntApp>
    </ConsoleConfig>,
  );
}
