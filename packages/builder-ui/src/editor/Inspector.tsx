import { useEffect, useRef } from 'react';
import { Empty, Input, Typography } from 'antd';
import Form from '@rjsf/antd';
import type CheckedForm from '@rjsf/core';
import { useTranslation } from 'react-i18next';
import { getNodeType, type JsonObject } from '@xiaoer/engine';
import { languageOf } from '../i18n/i18n.ts';
import type { JourneyFlowNode } from '../graph/journey-graph.ts';
import { configValidators, fieldErrorsOf, formSchemaOf } from './config-form.ts';
import { uiSchemaOf } from './ui-schema.ts';
import { useFieldLabeller } from './field-labels.ts';
import { formStringTranslator } from './form-strings.ts';
import { DurationWidget } from './DurationWidget.tsx';
import { DataFieldsField } from './DataFieldsField.tsx';
import { ChannelWidget, EventTypeWidget } from './PickerWidgets.tsx';
import { ConditionField, JsonField, TemplateWidget, type FormContext } from './form-widgets.tsx';

const widgets = {
  template: TemplateWidget,
  duration: DurationWidget,
  eventType: EventTypeWidget,
  channel: ChannelWidget,
};
const fields = { condition: ConditionField, json: JsonField, dataSchema: DataFieldsField };

export interface InspectorProps {
  /** The selected node: its id and data (its position does not matter here). */
  node: Pick<JourneyFlowNode, 'id' | 'data'> | undefined;
  /** Variables available at the selected node (listed beside templates and conditions). */
  variables?: string[];
  /** Sample journey data to preview messages with. */
  sample?: JsonObject;
  readOnly: boolean;
  onConfig: (id: string, config: JsonObject) => void;
  onLabel: (id: string, label: string | undefined) => void;
}

/**
 * The selected node's form, generated from its type's `configSchema`; schema errors show under
 * their fields as the operator types, and the engine's own checks (templates, durations) too.
 */
export function Inspector({
  node,
  variables = [],
  sample,
  readOnly,
  onConfig,
  onLabel,
}: InspectorProps) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  // The form checks what it opens with, not only what is typed: a value saved earlier that
  // breaks the node type's schema is told under its field, in the language shown.
  const form = useRef<CheckedForm>(null);
  const labelOf = useFieldLabeller();
  const nodeId = node?.id;
  useEffect(() => {
    form.current?.validateForm();
  }, [nodeId, language]);
  if (!node) return <Empty description={t('editor.nothingSelected')} />;
  const nodeType = getNodeType(node.data.nodeType);
  if (!nodeType) return <Typography.Text type="danger">{node.data.nodeType}</Typography.Text>;
  const extraErrors = fieldErrorsOf(node.data.problems, language);
  return (
    <div className="inspector" data-testid="inspector">
      <Typography.Title level={5}>{nodeType.title[language]}</Typography.Title>
      <Typography.Paragraph type="secondary">{nodeType.description[language]}</Typography.Paragraph>
      <label className="inspector-label">
        {t('editor.label')}
        <Input
          value={node.data.label ?? ''}
          placeholder={node.id}
          disabled={readOnly}
          onChange={(e) => onLabel(node.id, e.target.value || undefined)}
        />
      </label>
      <Form
        key={node.id}
        ref={form}
        schema={formSchemaOf(nodeType.configSchema)}
        uiSchema={uiSchemaOf(nodeType.configSchema, labelOf)}
        widgets={widgets}
        fields={fields}
        formContext={{ variables, ...(sample ? { sample } : {}) } satisfies FormContext}
        formData={node.data.config}
        validator={configValidators[language]}
        translateString={formStringTranslator((key) => t(key))}
        liveValidate
        // Defaults only for required fields: an optional object such as the wait's allowed
        // hours is not added (with 09:00-21:00) just by opening the form.
        experimental_defaultFormStateBehavior={{ emptyObjectFields: 'populateRequiredDefaults' }}
        showErrorList={false}
        disabled={readOnly}
        {...(extraErrors ? { extraErrors } : {})}
        onChange={(event) => onConfig(node.id, event.formData as JsonObject)}
      >
        {/* No submit button: every change is applied at once. */}
        <></>
      </Form>
    </div>
  );
}
