import { InputNumber, Select, Space, Input } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { numberControls } from '../app/antd-icons.tsx';

const UNITS = ['m', 'h', 'd', 'w'] as const;
const SIMPLE = /^(\d+)([mhdw])$/;

/**
 * A duration as a number and a unit (minutes, hours, days, weeks) saved as `30m`, `2h`, `3d`;
 * any other value the engine accepts (`PT48H`, `1d 2h`, a template) stays a text field.
 */
export function DurationWidget(props: WidgetProps) {
  const { t } = useTranslation();
  const value = typeof props.value === 'string' ? props.value : '';
  const match = SIMPLE.exec(value);
  const disabled = props.disabled || props.readonly;
  if (value && !match)
    return (
      <Input
        id={props.id}
        value={value}
        disabled={disabled}
        onChange={(e) => props.onChange(e.target.value || props.options.emptyValue)}
      />
    );
  const amount = match ? Number(match[1]) : null;
  const unit = (match?.[2] ?? 'h') as (typeof UNITS)[number];
  return (
    <Space.Compact data-testid={`duration-${props.id}`}>
      <InputNumber
        controls={numberControls}
        id={props.id}
        min={1}
        precision={0}
        value={amount}
        disabled={disabled}
        onChange={(next) => props.onChange(next ? `${next}${unit}` : props.options.emptyValue)}
      />
      <Select
        style={{ width: 100 }}
        value={unit}
        disabled={disabled}
        onChange={(next) => props.onChange(`${amount ?? 1}${next}`)}
        options={UNITS.map((u) => ({ value: u, label: t(`durationUnits.${u}`) }))}
      />
    </Space.Compact>
  );
}
