import type { UiSchema } from '@rjsf/utils';
import type { JsonSchema } from '@xiaoer/engine';
import type { FieldLabeller } from './field-labels.ts';

/** The widget or field an `x-ui` hint asks for. */
function widgetOf(schema: JsonSchema): UiSchema {
  const hint = (schema['x-ui'] as { widget?: string } | undefined)?.widget;
  if (hint === 'template') return { 'ui:widget': 'template' };
  if (hint === 'duration') return { 'ui:widget': 'duration' };
  if (hint === 'eventType') return { 'ui:widget': 'eventType' };
  if (hint === 'channel') return { 'ui:widget': 'channel' };
  if (hint === 'dataSchema') return { 'ui:field': 'dataSchema' };
  if (hint === 'condition') return { 'ui:field': 'condition' };
  if (hint === 'json' || hint === 'templates') return { 'ui:field': 'json' };
  return {};
}

const isSchema = (value: unknown): value is JsonSchema =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/**
 * The form's UI schema from the node type's `x-ui` hints: templates get the template widget
 * (with the variables available at the node), conditions the rule builder, free JSON a text
 * area. With `labelOf`, each field also gets its label and help text in the console's
 * language. Walks object properties and array items.
 */
export function uiSchemaOf(schema: JsonSchema, labelOf?: FieldLabeller, name = ''): UiSchema {
  const label = labelOf?.(schema, name) ?? {};
  const ui: UiSchema = {
    ...widgetOf(schema),
    ...(label.title === undefined ? {} : { 'ui:title': label.title }),
    ...(label.description === undefined ? {} : { 'ui:description': label.description }),
  };
  // A picker of its own (the channel's) names its options itself.
  if (label.options && !ui['ui:widget']) ui['ui:enumNames'] = label.options;
  if (ui['ui:field']) return ui;
  const properties = schema['properties'];
  if (isSchema(properties))
    for (const [key, child] of Object.entries(properties))
      if (isSchema(child)) {
        const childUi = uiSchemaOf(child, labelOf, key);
        if (Object.keys(childUi).length) ui[key] = childUi;
      }
  const items = schema['items'];
  if (isSchema(items)) {
    // An item is titled as its list (else the library titles it "Options / 选项-1").
    const itemsUi = uiSchemaOf(items, labelOf);
    if (label.title !== undefined && itemsUi['ui:title'] === undefined)
      itemsUi['ui:title'] = label.title;
    if (Object.keys(itemsUi).length) ui['items'] = itemsUi;
  }
  return ui;
}
