import type { UiSchema } from '@rjsf/utils';
import type { JsonSchema } from '@xiaoer/engine';

/**
 * The form's UI schema from the node type's `x-ui` hints: templates get the template widget
 * (with the variables available at the node), conditions the rule builder, free JSON a text
 * area. Walks object properties and array items.
 */
export function uiSchemaOf(schema: JsonSchema): UiSchema {
  const hint = (schema['x-ui'] as { widget?: string } | undefined)?.widget;
  if (hint === 'template') return { 'ui:widget': 'template' };
  if (hint === 'duration') return { 'ui:widget': 'duration' };
  if (hint === 'eventType') return { 'ui:widget': 'eventType' };
  if (hint === 'channel') return { 'ui:widget': 'channel' };
  if (hint === 'dataSchema') return { 'ui:field': 'dataSchema' };
  if (hint === 'condition') return { 'ui:field': 'condition' };
  if (hint === 'json' || hint === 'templates') return { 'ui:field': 'json' };
  const ui: UiSchema = {};
  const properties = schema['properties'];
  if (properties && typeof properties === 'object' && !Array.isArray(properties))
    for (const [key, child] of Object.entries(properties))
      if (child && typeof child === 'object' && !Array.isArray(child)) {
        const childUi = uiSchemaOf(child as JsonSchema);
        if (Object.keys(childUi).length) ui[key] = childUi;
      }
  const items = schema['items'];
  if (items && typeof items === 'object' && !Array.isArray(items)) {
    const itemsUi = uiSchemaOf(items as JsonSchema);
    if (Object.keys(itemsUi).length) ui['items'] = itemsUi;
  }
  return ui;
}
