import { useMemo, useState } from 'react';
import { Button, Input, Space, Tag, Typography } from 'antd';
import { getUiOptions, type FieldProps, type WidgetProps } from '@rjsf/utils';
import {
  QueryBuilder,
  defaultOperators,
  formatQuery,
  type RuleGroupType,
  type Translations,
} from 'react-querybuilder';
import { parseJsonLogic } from 'react-querybuilder/parseJsonLogic';
import { QueryBuilderAntD } from '@react-querybuilder/antd';
import 'react-querybuilder/dist/query-builder.css';
import { useTranslation } from 'react-i18next';
import { renderTemplate, type JsonObject, type JsonValue } from '@xiaoer/engine';
import { stableJson } from '../graph/journey-graph.ts';
import { withPlaceholders } from '../simulation/preview-samples.ts';

/** What the inspector's forms know beyond the schema: the variables available at the node. */
export interface FormContext {
  variables: string[];
  /** Sample journey data (the simulation's sample order) to preview messages with. */
  sample?: JsonObject;
}

/** A field's label: the console's language from the UI schema, else the schema's title. */
const titleOf = (props: FieldProps) => getUiOptions(props.uiSchema).title ?? props.schema.title;

const variablesOf = (context: unknown) => (context as FormContext | undefined)?.variables ?? [];

/**
 * A message text rendered with sample data, a variable the sample lacks shown as «name»;
 * nothing while the template cannot render.
 */
function preview(template: string, sample: JsonObject | undefined): string | undefined {
  if (!sample || !template.includes('{{')) return undefined;
  try {
    return renderTemplate(template, withPlaceholders(template, sample));
  } catch {
    return undefined;
  }
}

/**
 * A template text with the node's variables listed below it (a click inserts `{{name}}`); a
 * message text in Chinese or English (`…_zh`, `…_en`) also shows itself rendered with sample
 * data.
 */
export function TemplateWidget(props: WidgetProps) {
  const { t } = useTranslation();
  const value = typeof props.value === 'string' ? props.value : '';
  const variables = variablesOf(props.registry.formContext);
  const sample = (props.registry.formContext as FormContext | undefined)?.sample;
  const rendered = /_(zh|en)$/.test(props.id) ? preview(value, sample) : undefined;
  return (
    <div>
      <Input.TextArea
        id={props.id}
        autoSize={{ minRows: 1, maxRows: 6 }}
        value={value}
        disabled={props.disabled || props.readonly}
        onChange={(e) =>
          props.onChange(e.target.value === '' ? props.options.emptyValue : e.target.value)
        }
        onBlur={() => props.onBlur(props.id, value)}
        onFocus={() => props.onFocus(props.id, value)}
      />
      {rendered !== undefined && (
        <div className="template-preview" data-testid={`preview-${props.id}`}>
          <Typography.Text type="secondary">{t('preview.label')} </Typography.Text>
          {rendered}
        </div>
      )}
      {variables.length > 0 && (
        <div className="template-variables" data-testid={`variables-${props.id}`}>
          <Typography.Text type="secondary">{t('form.variables')} </Typography.Text>
          {variables.map((name) => (
            <Tag
              key={name}
              className="template-variable"
              onClick={() => !props.disabled && props.onChange(`${value}{{${name}}}`)}
            >
              {name}
            </Tag>
          ))}
        </div>
      )}
    </div>
  );
}

/** Free JSON (a data schema, an event's data): a text area that applies valid JSON only. */
export function JsonField(props: FieldProps) {
  const [text, setText] = useState(() => JSON.stringify(props.formData ?? {}, null, 2));
  const [error, setError] = useState<string>();
  return (
    <div className="json-field">
      <Typography.Text>{titleOf(props)}</Typography.Text>
      <Input.TextArea
        id={props.fieldPathId.$id}
        autoSize={{ minRows: 3, maxRows: 14 }}
        style={{ fontFamily: 'monospace' }}
        value={text}
        disabled={props.disabled || props.readonly}
        onChange={(e) => {
          setText(e.target.value);
          try {
            props.onChange(JSON.parse(e.target.value) as JsonValue, props.fieldPathId.path);
            setError(undefined);
          } catch (failure) {
            setError((failure as Error).message);
          }
        }}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </div>
  );
}

/**
 * A condition as a visual rule builder over the node's variables, producing JSON Logic, with a
 * raw JSON view for what the builder cannot show.
 */
export function ConditionField(props: FieldProps) {
  const { t } = useTranslation();
  const variables = variablesOf(props.registry.formContext);
  const [raw, setRaw] = useState(false);
  const [query, setQuery] = useState<RuleGroupType>(() => toQuery(props.formData));
  // Stable between renders: a new fields array makes the builder prepare (and report) the
  // query again, which re-rendered this field without end.
  const variableKey = variables.join('\n');
  const fields = useMemo(
    () =>
      variableKey
        ? variableKey.split('\n').map((name) => ({ name, label: name }))
        : [{ name: 'orderId', label: 'orderId' }],
    [variableKey],
  );
  const { language } = useTranslation().i18n;
  const labels = useMemo(() => builderLabels(t), [t, language]);
  return (
    <div className="condition-field" data-testid={`condition-${props.fieldPathId.$id}`}>
      <Space>
        <Typography.Text>{titleOf(props)}</Typography.Text>
        <Button
          size="small"
          onClick={() => {
            // Back to the builder: show what the raw view made of the condition.
            if (raw) setQuery(toQuery(props.formData));
            setRaw(!raw);
          }}
        >
          {raw ? t('form.builder') : t('form.rawJson')}
        </Button>
      </Space>
      {raw ? (
        <JsonField {...props} />
      ) : (
        <QueryBuilderAntD>
          <QueryBuilder
            fields={fields}
            query={query}
            {...labels}
            disabled={props.disabled || props.readonly}
            onQueryChange={(next) => {
              setQuery(next);
              const condition = toCondition(next);
              // The builder reports its query when it mounts too, in its own form (`{"and":
              // [rule]}` for a lone rule): only a change of meaning is an edit.
              if (stableJson(condition) !== stableJson(toCondition(toQuery(props.formData))))
                props.onChange(condition, props.fieldPathId.path);
            }}
          />
        </QueryBuilderAntD>
      )}
    </div>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

/** The builder's buttons, combinators and operators in the console's language. */
function builderLabels(t: Translate) {
  const button = (key: string) => ({ label: t(`form.${key}`), title: t(`form.${key}`) });
  const translations: Partial<Translations> = {
    addRule: button('addRule'),
    addGroup: button('addGroup'),
    removeRule: { label: '⨯', title: t('form.removeRule') },
    removeGroup: { label: '⨯', title: t('form.removeGroup') },
    value: { title: t('form.value') },
  };
  return {
    translations,
    combinators: [
      { name: 'and', value: 'and', label: t('form.and') },
      { name: 'or', value: 'or', label: t('form.or') },
    ],
    operators: defaultOperators.map((operator) => ({
      ...operator,
      label: t(`form.operators.${operator.name}`, { defaultValue: operator.label }),
    })),
  };
}

function toCondition(query: RuleGroupType): JsonValue {
  return query.rules.length ? (formatQuery(query, 'jsonlogic') as JsonValue) : true;
}

function toQuery(condition: unknown): RuleGroupType {
  if (condition && typeof condition === 'object') {
    try {
      return parseJsonLogic(condition as never);
    } catch {
      // Not expressible as rules: the raw view shows it.
    }
  }
  return { combinator: 'and', rules: [] };
}
