import { cloneElement, isValidElement, useMemo, type ReactNode } from 'react';
import type { ConfigProviderProps, InputNumberProps, PaginationProps } from 'antd';
import {
  CalendarOutlined,
  CheckCircleFilled,
  CheckOutlined,
  CloseCircleFilled,
  CloseOutlined,
  CopyOutlined,
  DownOutlined,
  EllipsisOutlined,
  ExclamationCircleFilled,
  EyeInvisibleOutlined,
  EyeOutlined,
  InfoCircleFilled,
  SearchOutlined,
  UpOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ConsoleIcon } from './ConsoleIcon.tsx';

/** The parts of the console's `ConfigProvider` that set Ant Design's own icons. */
export type AntdIconConfig = Pick<
  ConfigProviderProps,
  'inputSearch' | 'inputPassword' | 'select' | 'tabs' | 'datePicker' | 'alert' | 'modal'
>;

/** The icon of each kind of notice (success, info, warning, error), named in a language. */
export interface KindIcons {
  successIcon: ReactNode;
  infoIcon: ReactNode;
  warningIcon: ReactNode;
  errorIcon: ReactNode;
}

/**
 * Ant Design's icons of the kinds of notice, named by `t` ("成功" / "Success"): for alerts,
 * dialogs (here) and short messages (`useConsoleMessage`).
 */
export const kindIcons = (t: TFunction): KindIcons => ({
  successIcon: <ConsoleIcon icon={CheckCircleFilled} label={t('icons.success')} />,
  infoIcon: <ConsoleIcon icon={InfoCircleFilled} label={t('icons.info')} />,
  warningIcon: <ConsoleIcon icon={ExclamationCircleFilled} label={t('icons.warning')} />,
  errorIcon: <ConsoleIcon icon={CloseCircleFilled} label={t('icons.error')} />,
});

/**
 * Ant Design's own icons where its `ConfigProvider` lets them be set, as {@link ConsoleIcon}
 * draws them: named in the console's language where the icon is all a control shows (the
 * search button, a picker's clear button, the tabs' "more", the password's show/hide) and for
 * an alert's or a dialog's kind, hidden from screen readers where it only decorates (a
 * select's or date picker's arrow). Close buttons need nothing: Ant Design names them from its
 * locale. Its short messages take no icon from any `ConfigProvider` (nor from `App`'s
 * `message` config): the console shows them through `useConsoleMessage`, which names theirs.
 */
export function useAntdIcons(): AntdIconConfig {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const clear = <ConsoleIcon icon={CloseCircleFilled} label={t('icons.clear')} />;
    const kinds = kindIcons(t);
    return {
      inputSearch: { searchIcon: <ConsoleIcon icon={SearchOutlined} label={t('icons.search')} /> },
      inputPassword: {
        iconRender: (visible: boolean) =>
          visible ? (
            <ConsoleIcon icon={EyeOutlined} label={t('icons.hidePassword')} />
          ) : (
            <ConsoleIcon icon={EyeInvisibleOutlined} label={t('icons.showPassword')} />
          ),
      },
      select: {
        suffixIcon: <ConsoleIcon icon={DownOutlined} />,
        clearIcon: clear,
        removeIcon: <ConsoleIcon icon={CloseOutlined} label={t('icons.remove')} />,
        menuItemSelectedIcon: <ConsoleIcon icon={CheckOutlined} />,
      },
      tabs: { moreIcon: <ConsoleIcon icon={EllipsisOutlined} label={t('icons.more')} /> },
      datePicker: { suffixIcon: <ConsoleIcon icon={CalendarOutlined} />, clearIcon: clear },
      alert: kinds,
      // The kind of a confirmation or error dialog (`modal.confirm`, `modal.error`).
      modal: kinds,
    };
  }, [t, i18n.language]);
}

/**
 * A table's or list's page arrows, for `pagination={{ itemRender: pageArrows }}` (Ant Design
 * lets no `ConfigProvider` set them): the page item around an arrow is what takes the focus
 * and has the name ("上一页" / "Previous Page", from Ant Design's locale), so the arrow and
 * the "five pages on" dots inside it are hidden from screen readers.
 */
export const pageArrows: NonNullable<PaginationProps['itemRender']> = (_page, type, original) =>
  type !== 'page' && isValidElement<{ 'aria-hidden'?: boolean }>(original)
    ? cloneElement(original, { 'aria-hidden': true })
    : original;

/**
 * A number field's step buttons, for `controls={numberControls}` (no `ConfigProvider` sets
 * them): the arrows are decoration, the field itself steps with the arrow keys.
 */
export const numberControls: NonNullable<InputNumberProps['controls']> = {
  upIcon: <ConsoleIcon icon={UpOutlined} />,
  downIcon: <ConsoleIcon icon={DownOutlined} />,
};

/** Typography's copy button's icons (`copyable={{ icon: copyIcons }}`): it has its name. */
export const copyIcons: [ReactNode, ReactNode] = [
  <ConsoleIcon key="copy" icon={CopyOutlined} />,
  <ConsoleIcon key="copied" icon={CheckOutlined} />,
];
