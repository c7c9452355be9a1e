import type { ComponentProps, ComponentType } from 'react';
import type { SearchOutlined } from '@ant-design/icons';

/** What an Ant Design icon takes (every icon takes the same). */
type AntdIconProps = ComponentProps<typeof SearchOutlined>;

export interface ConsoleIconProps extends Omit<
  AntdIconProps,
  'aria-label' | 'aria-hidden' | 'ref'
> {
  /** The icon, `SearchOutlined` and the like from `@ant-design/icons`. */
  icon: ComponentType<AntdIconProps>;
  /**
   * What the icon means, in the console's language (`t('icons.search')`), when nothing beside
   * it says so: a screen reader reads it. Without it the icon is decoration and hidden from
   * screen readers, for an icon beside words or in a control that has a name of its own.
   */
  label?: string;
}

/**
 * An Ant Design icon as the console shows it. Ant Design names every icon by its English file
 * name (`<span role="img" aria-label="search">`), so a screen reader in the Chinese console
 * said "search", "left" or "download": here an icon is either named in the console's language
 * or hidden from screen readers. Ant Design's own icons get the same through `antd-icons.tsx`.
 *
 * @example
 * <ConsoleIcon icon={SearchOutlined} label={t('icons.search')} />
 * <Button icon={<ConsoleIcon icon={DownloadOutlined} />}>{t('analytics.export')}</Button>
 */
export function ConsoleIcon({ icon: Icon, label, ...props }: ConsoleIconProps) {
  return label ? (
    <Icon {...props} aria-label={label} />
  ) : (
    <Icon {...props} aria-label={undefined} aria-hidden />
  );
}
