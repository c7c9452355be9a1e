import { describe, expect, it } from 'vitest';
import { getNodeType } from '@xiaoer/engine';
import { uiSchemaOf } from './ui-schema.ts';

describe('the form UI schema from x-ui hints', () => {
  it('should give templates, conditions and free JSON their widgets, deep in objects and arrays', () => {
    expect(uiSchemaOf(getNodeType('sendMessage')!.configSchema)).toMatchObject({
      to: { 'ui:widget': 'template' },
      message: { zh: { 'ui:widget': 'template' }, en: { 'ui:widget': 'template' } },
    });
    expect(uiSchemaOf(getNodeType('condition')!.configSchema)).toEqual({
      branches: { items: { when: { 'ui:field': 'condition' } } },
    });
    expect(uiSchemaOf(getNodeType('trigger')!.configSchema)).toMatchObject({
      filter: { 'ui:field': 'condition' },
      data: { 'ui:field': 'dataSchema' },
    });
    expect(uiSchemaOf(getNodeType('end')!.configSchema)).toEqual({});
  });
});
