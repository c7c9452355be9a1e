import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import type { Language } from '../i18n/messages.ts';
import { useAntdIcons } from './antd-icons.tsx';
import { labelNumberSteps } from './number-step-labels.ts';

/** People who asked their system for less motion get no zooming dialogs or sliding panels. */
const REDUCED_MOTION =
  typeof window !== 'undefined' &&
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * antd's secondary text (Typography type="secondary", descriptions, hints, icons) is its
 * tertiary colour, black at 45 % (3.3:1 on white, 3.0 on the desk's light blue): at 58 % it is
 * 5.3:1 on white and at least 5.1 on the console's light greys and blues (WCAG AA, 4.5).
 */
const TEXT_TERTIARY = 'rgba(0, 0, 0, 0.58)';

/**
 * Placeholders and disabled text are black at 25 % in antd (1.9:1 on white): at 56 % they are
 * 4.9:1 on white and 4.8 on a disabled control's grey (#f5f5f5), still lighter than hints.
 */
const TEXT_FAINT = 'rgba(0, 0, 0, 0.56)';

/**
 * Ant Design as the console sets it up, in the console's language: its own texts (pagination,
 * empty lists, date pickers, close buttons) from its zh_CN or en_US locale, its icons named in
 * that language or hidden from screen readers (`antd-icons.tsx`), two-character Chinese buttons
 * unspaced ("登录", not antd's "登 录", which a screen reader reads as two words), the
 * console's contrast and the user's motion preference. Number fields' step buttons are named in
 * that language too (`number-step-labels.ts`: no prop names them).
 */
export function ConsoleConfig({ language, children }: { language: Language; children: ReactNode }) {
  const icons = useAntdIcons();
  const { t } = useTranslation();
  const up = t('icons.increase');
  const down = t('icons.decrease');
  useEffect(() => labelNumberSteps(document.body, { up, down }), [up, down]);
  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      {...icons}
      theme={{
        token: {
          motion: !REDUCED_MOTION,
          colorTextTertiary: TEXT_TERTIARY,
          colorTextPlaceholder: TEXT_FAINT,
          colorTextDisabled: TEXT_FAINT,
        },
      }}
    >
      {children}
    </ConfigProvider>
  );
}
