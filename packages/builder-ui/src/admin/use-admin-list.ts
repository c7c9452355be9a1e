import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';
import { useConsoleMessage } from '../app/use-console-message.ts';

/**
 * A list loaded from the API, reloadable, and `act` for a change that reloads it after; a
 * failure shows the server's message in the console's language.
 */
export function useAdminList<T>(load: () => Promise<T[]>) {
  const message = useConsoleMessage();
  const { i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const [rows, setRows] = useState<T[]>();
  const reload = useCallback(() => {
    load().then(setRows, (error: unknown) => void message.error(errorText(error, language)));
  }, [load, message, language]);
  useEffect(reload, [reload]);
  const act = async (action: () => Promise<unknown>, done?: string): Promise<boolean> => {
    try {
      await action();
      if (done) void message.success(done);
      reload();
      return true;
    } catch (error) {
      void message.error(errorText(error, language));
      return false;
    }
  };
  return { rows, reload, act };
}
