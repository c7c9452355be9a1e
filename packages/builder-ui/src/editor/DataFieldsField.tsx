import { useState } from 'react';
import { Button, Checkbox, Input, Select, Space, Typography } from 'antd';
import type { FieldProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { JsonValue } from '@xiaoer/engine';
import { JsonField } from './form-widgets.tsx';
import { fieldsOf, schemaOf, type DataField } from './data-fields.ts';

const TYPES: DataField['type'][] = ['string', 'number', 'integer', 'boolean', 'object', 'array'];

/**
 * The trigger's data as a list of fields — name, type, required — instead of a JSON Schema
 * text; the JSON view stays one click away for nested fields and other keywords.
 */
export function DataFieldsField(props: FieldProps) {
  const { t } = useTranslation();
  const [raw, setRaw] = useState(false);
  const fields = fieldsOf(props.formData as JsonValue | undefined);
  const disabled = props.disabled || props.readonly;
  const change = (next: DataField[]) =>
    props.onChange(schemaOf(next, props.formData as JsonValue | undefined), props.fieldPathId.path);
  const update = (index: number, patch: Partial<DataField>) =>
    change(fields.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  if (raw)
    return (
      <div>
        <Button size="small" onClick={() => setRaw(false)}>
          {t('dataFields.list')}
        </Button>
        <JsonField {...props} />
      </div>
    );
  return (
    <div className="data-fields" data-testid="data-fields">
      <Space style={{ marginBottom: 4 }}>
        <Typography.Text>{t('dataFields.title')}</Typography.Text>
        <Button size="small" onClick={() => setRaw(true)} data-testid="data-fields-json">
          JSON
        </Button>
      </Space>
      {fields.map((field, index) => (
        <Space key={index} className="data-field" data-testid={`data-field-${index}`} wrap>
          <Input
            size="small"
            style={{ width: 120 }}
            value={field.name}
            disabled={disabled}
            placeholder={t('dataFields.name')}
            onChange={(e) => update(index, { name: e.target.value })}
          />
          <Select
            size="small"
            style={{ width: 100 }}
            value={field.type}
            disabled={disabled}
            options={TYPES.map((type) => ({ value: type, label: t(`dataFields.types.${type}`) }))}
            onChange={(type) => update(index, { type })}
          />
          <Checkbox
            checked={field.required}
            disabled={disabled}
            onChange={(e) => update(index, { required: e.target.checked })}
          >
            {t('dataFields.required')}
          </Checkbox>
          {field.type === 'object' && (
            <Typography.Text type="secondary">
              {t('dataFields.nested', { count: fieldsOf(field.schema).length })}
            </Typography.Text>
          )}
          <Button
            size="small"
            type="text"
            danger
            disabled={disabled}
            aria-label={t('dataFields.remove')}
            onClick={() => change(fields.filter((_, i) => i !== index))}
          >
            ✕
          </Button>
        </Space>
      ))}
      <Button
        size="small"
        type="dashed"
        disabled={disabled}
        data-testid="data-field-add"
        onClick={() =>
          change([
            ...fields,
            { name: `field${fields.length + 1}`, type: 'string', required: false, schema: {} },
          ])
        }
      >
        + {t('dataFields.add')}
      </Button>
    </div>
  );
}
