import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';
import { useDesk, type DeskStore } from './desk-store.ts';
import { useConsoleMessage } from '../app/use-console-message.ts';

/** Skill groups and customer tiers by their names in the language shown, not their ids. */
export function useDeskNames(desk: DeskStore) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const groups = useDesk(desk, (s) => s.groups);
  return {
    groupName: (id: string) => groups.find((g) => g._id === id)?.title[language] ?? id,
    tierName: (tier: string) => t(`desk.tier.${tier}`, { defaultValue: tier }),
  };
}

/** Shows a failed request's error in the language shown. */
export function useDeskFailure(): (error: unknown) => void {
  const { i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const message = useConsoleMessage();
  return useCallback(
    (error: unknown) => void message.error(errorText(error, language)),
    [message, language],
  );
}
