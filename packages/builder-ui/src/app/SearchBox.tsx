import { Input } from 'antd';
import type { SearchProps } from 'antd/es/input';
import { CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConsoleIcon } from './ConsoleIcon.tsx';

/**
 * Ant Design's search field with the console's clear button: Ant Design's is a button whose
 * only name is its icon's English file name ("close-circle"), and no `ConfigProvider` setting
 * changes it without giving every field of the console a clear button. The search button's
 * icon comes named from the console's `ConfigProvider` (`antd-icons.tsx`).
 */
export function SearchBox({ allowClear, ...props }: SearchProps) {
  const { t } = useTranslation();
  return (
    <Input.Search
      {...props}
      allowClear={
        allowClear === true
          ? { clearIcon: <ConsoleIcon icon={CloseCircleFilled} label={t('icons.clear')} /> }
          : allowClear
      }
    />
  );
}
