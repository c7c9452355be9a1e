import { useState } from 'react';
import { Button, Checkbox, Input, Select, Space, Typography } from 'antd';
import type { FieldProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { JsonValue } from '@xiaoer/engine';
import { JsonField } from './form-widgets.tsx';
import { stableJson } from '../graph/journey-graph.ts';
import { fieldsOf, schemaOf, type DataField } from './data-fields.ts';

const TYPES: DataField['type'][] = ['string', 'number', 'integer', 'boolean', 'object', 'array'];

/**
 * The trigger's data as a list of fields — name, type, required — instead of a JSON Schema
 * text; a field inside an object is named by its path (`customer.phone`). The JSON view stays
 * one click away for other keywords.
 */
export function DataFieldsField(props: FieldProps) {
  const { t } = useTranslation();
  const [raw, setRaw] = useState(false);
  const data = props.formData as JsonValue | undefined;
  // The rows as typed, while the schema is still what they wrote (a name being typed may be
  // empty or half a path, `customer.`, and is not in the schema yet); else the schema's rows
  // (an undo, the JSON view, another node).
  const [typed, setTyped] = useState<{ fields: DataField[]; wrote: string }>();
  const fields = typed && typed.wrote === stableJson(data ?? null) ? typed.fields : fieldsOf(data);
  const disabled = props.disabled || props.readonly;
  const change = (next: DataField[]) => {
    const schema = schemaOf(next, data);
    setTyped({ fields: next, wrote: stableJson(schema) });
    props.onChange(schema, props.fieldPathId.path);
  };
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
            style={{ width: 150 }}
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
              {t('dataFields.inside', { example: `${field.name}.phone` })}
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
