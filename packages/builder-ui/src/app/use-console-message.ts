import { isValidElement, useMemo, type ReactNode } from 'react';
import { App as AntApp, type MessageArgsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { kindIcons, type KindIcons } from './antd-icons.tsx';

/** Ant Design's `message` of its `App` (`App.useApp().message`). */
type MessageInstance = ReturnType<typeof AntApp.useApp>['message'];

/** The kinds of short message the console shows. */
type MessageKind = 'success' | 'error' | 'warning' | 'info';

/**
 * The console's short messages: Ant Design's `message.success(content, duration, onClose)`
 * and its kin, taking the same arguments and answering the same.
 */
export type ConsoleMessage = Pick<MessageInstance, MessageKind>;

/** A message's whole set-up (`{ content, key, duration }`), not content alone. */
const isArgs = (content: ReactNode | MessageArgsProps): content is MessageArgsProps =>
  typeof content === 'object' &&
  content !== null &&
  !isValidElement(content) &&
  'content' in content;

/**
 * Ant Design's short messages (`message.success(...)`) as the console shows them: their icon
 * named in the console's language ("成功" / "Success"), where Ant Design names it by its
 * English file name ("check-circle", "close-circle"...). Neither `ConfigProvider` nor `App`'s
 * `message` config sets those icons, so every message of the console goes through here; the
 * rest (content, duration, key, onClose) is passed on as given. Inside Ant Design's `App`.
 *
 * @example
 * const message = useConsoleMessage();
 * void message.success(t('profile.saved'));
 */
export function useConsoleMessage(): ConsoleMessage {
  const { message } = AntApp.useApp();
  // The i18next instance, the same in every language: the icons are named when a message
  // shows, in the language of then, and the answer stays the same object when the language
  // changes (pages load again when the `message` they depend on changes).
  const { i18n } = useTranslation();
  return useMemo(() => {
    const kind =
      (open: MessageInstance[MessageKind], icon: keyof KindIcons): MessageInstance[MessageKind] =>
      (content, duration, onClose) => {
        const named = kindIcons(i18n.t)[icon];
        return open(
          isArgs(content) ? { icon: named, ...content } : { content, icon: named },
          duration,
          onClose,
        );
      };
    return {
      success: kind(message.success, 'successIcon'),
      error: kind(message.error, 'errorIcon'),
      warning: kind(message.warning, 'warningIcon'),
      info: kind(message.info, 'infoIcon'),
    };
  }, [message, i18n]);
}
