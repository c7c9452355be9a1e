// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { getNodeType, validate, type JsonObject, type WorkflowDocument } from '@xiaoer/engine';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import type { JourneyFlowNode } from '../graph/journey-graph.ts';
import { Inspector } from './Inspector.tsx';
import { formSchemaOf } from './config-form.ts';
import { eventChoices, KNOWN_EVENTS } from './PickerWidgets.tsx';

beforeAll(async () => {
  fillInBrowserForAntd();
  await setUpI18n().changeLanguage('en');
});
afterEach(cleanup);

const nodeOf = (id: string, nodeType: string, config: JsonObject): JourneyFlowNode => ({
  id,
  type: 'journey',
  position: { x: 0, y: 0 },
  data: { nodeType, config, problems: [] },
});

/** The inspector of one node; returns the spy told of each config change. */
function renderNode(id: string, nodeType: string, config: JsonObject) {
  const onConfig = vi.fn();
  render(
    <Inspector
      node={nodeOf(id, nodeType, config)}
      readOnly={false}
      onConfig={onConfig}
      onLabel={() => {}}
    />,
  );
  return onConfig;
}
const renderWait = (config: JsonObject) => renderNode('pause', 'wait', config);
const renderTrigger = () => renderNode('start', 'trigger', getNodeType('trigger')!.defaultConfig);

describe("the wait node's form", () => {
  it('should show duration and until as fields, with no "Option 1 / Option 2" choice', () => {
    renderWait({ duration: '2h' });
    expect(screen.queryByText(/Option 1/)).toBeNull();
    expect(document.querySelector('#root_until')).not.toBeNull();
    expect(formSchemaOf(getNodeType('wait')!.configSchema)['oneOf']).toBeUndefined();
  });

  it('should pick a duration as a number and a unit, saved as the engine writes it', () => {
    const onConfig = renderWait({ duration: '2h' });
    const amount = document.querySelector('#root_duration') as HTMLInputElement;
    expect(amount.value).toBe('2');
    expect(screen.getByTestId('duration-root_duration').textContent).toContain('hours');
    fireEvent.change(amount, { target: { value: '36' } });
    expect(onConfig).toHaveBeenLastCalledWith('pause', { duration: '36h' });
  });

  it('should keep a duration it cannot split (ISO, several parts) as text', () => {
    renderWait({ duration: 'PT48H' });
    expect((document.querySelector('#root_duration') as HTMLInputElement).value).toBe('PT48H');
    expect(screen.queryByTestId('duration-root_duration')).toBeNull();
  });
});

describe('the pickers', () => {
  it('should name channels in the language shown and offer known events with their meaning', () => {
    renderNode('tell', 'sendMessage', {
      channel: 'sms',
      to: '{{customer.phone}}',
      message: { zh: '您好' },
    });
    expect(screen.getByTestId('channel-picker-root_channel').textContent).toContain('SMS (sms)');
    cleanup();
    renderTrigger();
    expect(screen.getByTestId('event-picker-root_event')).toBeTruthy();
    expect(document.querySelector('input#root_event')).not.toBeNull();
  });

  it('should offer every known event while the trigger holds one, so another is one click away', async () => {
    // A new trigger holds order.created: the operator looking for 订单发货 sees it offered.
    renderTrigger();
    const input = document.querySelector('input#root_event') as HTMLInputElement;
    expect(input.value).toBe('order.created');
    fireEvent.mouseDown(input);
    fireEvent.focus(input);
    await screen.findAllByRole('option');
    // (The list draws the first ten of them; the rest show as it scrolls.)
    const offered = Array.from(
      document.querySelectorAll('.ant-select-item-option'),
      (option) => option.textContent,
    );
    expect(offered.length).toBe(Math.min(10, KNOWN_EVENTS.length));
    expect(offered).toContain('order.shipped · Order shipped');
    // Typing narrows the list to what is typed.
    fireEvent.change(input, { target: { value: 'ship' } });
    await vi.waitFor(() =>
      expect(
        Array.from(
          document.querySelectorAll('.ant-select-item-option'),
          (option) => option.textContent,
        ),
      ).toEqual(['order.shipped · Order shipped']),
    );
    // What is typed narrows the list, by the type or its meaning.
    expect(eventChoices('发货', 'zh').map((e) => e.type)).toEqual(['order.shipped']);
    expect(eventChoices('refund.', 'en').map((e) => e.type)).toEqual([
      'refund.requested',
      'refund.reviewed',
    ]);
  });
});

describe("the end node's status", () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should show the chosen status in the language shown, not as stored', async () => {
    await i18next.changeLanguage('zh');
    renderNode('done', 'end', { status: 'failed' });
    const chosen = () => screen.getByTestId('inspector').querySelector('.ant-select-content');
    expect(chosen()?.textContent).toBe('失败');
    cleanup();
    await i18next.changeLanguage('en');
    renderNode('done', 'end', { status: 'completed' });
    expect(chosen()?.textContent).toBe('Completed');
  });
});

describe("the trigger's data fields", () => {
  it('should list the fields of the event data and add one as a schema property', () => {
    const onConfig = renderTrigger();
    const list = screen.getByTestId('data-fields');
    expect((list.querySelector('input') as HTMLInputElement).value).toBe('orderId');
    fireEvent.click(screen.getByTestId('data-field-add'));
    const config = onConfig.mock.lastCall?.[1] as {
      data: { properties: object; required: string[] };
    };
    expect(Object.keys(config.data.properties)).toEqual(['orderId', 'field2']);
    expect(config.data.required).toEqual(['orderId']);
  });

  it('should add a field inside an object by its path, customer.phone, with no JSON', () => {
    const onConfig = renderTrigger();
    fireEvent.click(screen.getByTestId('data-field-add'));
    const name = () =>
      screen.getByTestId('data-field-1').querySelector('input') as HTMLInputElement;
    // Cleared and typed again: the row stays while its name is empty or half a path.
    fireEvent.change(name(), { target: { value: '' } });
    expect(screen.getByTestId('data-field-1')).toBeTruthy();
    fireEvent.change(name(), { target: { value: 'customer.' } });
    expect(name().value).toBe('customer.');
    fireEvent.change(name(), { target: { value: 'customer.phone' } });
    expect(name().value).toBe('customer.phone');
    const data = (onConfig.mock.lastCall?.[1] as { data: JsonObject }).data;
    expect(data['properties']).toEqual({
      orderId: { type: 'string' },
      customer: { type: 'object', properties: { phone: { type: 'string' } } },
    });
    // The engine then knows {{customer.phone}} at the nodes after the trigger.
    expect(
      validate({
        id: 'j',
        name: 'j',
        version: 1,
        nodes: [
          {
            id: 'start',
            type: 'trigger',
            position: { x: 0, y: 0 },
            config: { ...getNodeType('trigger')!.defaultConfig, data } as JsonObject,
          },
        ],
        edges: [],
      }).problems.filter((p) => p.code === 'variable.unstorable'),
    ).toEqual([]);
  });
});

describe("the forms' labels", () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should show each label in the language shown only, a sub-label included', async () => {
    const hours = { duration: '2h', allowedHours: { from: '09:00', to: '21:00' } };
    renderWait(hours);
    const labels = () =>
      [...document.querySelectorAll('.ant-form-item-label')].map((label) => label.textContent);
    expect(labels()).toEqual(expect.arrayContaining(['Duration', 'Allowed hours', 'From', 'To']));
    expect(labels().join()).not.toMatch(/[\u3400-\u9fff]/);
    cleanup();
    await i18next.changeLanguage('zh');
    renderWait(hours);
    expect(labels()).toEqual(expect.arrayContaining(['时长', '允许时段', '开始时间', '结束时间']));
    expect(labels().join()).not.toMatch(/[A-Za-z]{3,}/);
  });

  it("should show a list's items and the form's own buttons in the language shown", async () => {
    await i18next.changeLanguage('zh');
    renderNode('ask', 'askCustomer', getNodeType('askCustomer')!.defaultConfig);
    const inspector = screen.getByTestId('inspector');
    const titles = [...inspector.querySelectorAll('[title]')].map((e) => e.getAttribute('title'));
    expect(titles).toEqual(expect.arrayContaining(['上移', '删除', '添加一项']));
    expect(titles.join()).not.toMatch(/Move|Remove|Add/);
    expect(inspector.textContent).not.toMatch(/Options|keywords-1/);
  });
});

describe("the form checker's own messages", () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  const errorsShown = () =>
    [...document.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent);
  const hours = { duration: '2h', allowedHours: { from: '09:00', to: '21:00' } };
  /** Types `value` into the input `id`: the form checks it at once. */
  const type = (id: string, value: string) =>
    fireEvent.change(document.querySelector(`#${id}`) as HTMLInputElement, { target: { value } });

  it('should tell a value that does not fit in the language shown, by what the field takes', async () => {
    await i18next.changeLanguage('zh');
    renderWait(hours);
    type('root_allowedHours_from', '9am');
    // The field's description, not its pattern ("^([01][0-9]|2[0-3]):…").
    expect(errorsShown().join()).toContain('时间，格式 HH:mm，如 09:00');
    expect(errorsShown().join()).not.toMatch(/must|\^\(/);
    cleanup();
    await i18next.changeLanguage('en');
    renderWait(hours);
    type('root_allowedHours_from', '9am');
    expect(errorsShown().join()).toContain('A time as HH:mm, e.g. 09:00');
    expect(errorsShown().join()).not.toMatch(/[\u3400-\u9fff]|\^\(/);
  });

  it("should tell a field that breaks the schema once, not again in the engine's words", () => {
    const config = { ...hours, allowedHours: { from: '9am', to: '21:00' } };
    const at = { x: 0, y: 0 };
    const journey: WorkflowDocument = {
      id: 'twice',
      name: 'Twice',
      version: 1,
      nodes: [
        {
          id: 'start',
          type: 'trigger',
          position: at,
          config: getNodeType('trigger')!.defaultConfig,
        },
        { id: 'pause', type: 'wait', position: at, config },
      ],
      edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'pause' }],
    };
    const problems = validate(journey).problems.filter((p) => p.nodeId === 'pause');
    // The engine finds it too (the problems panel lists it there)...
    expect(problems.map((p) => p.code)).toContain('config.invalid');
    render(
      <Inspector
        node={{ id: 'pause', data: { nodeType: 'wait', config, problems } }}
        readOnly={false}
        onConfig={() => {}}
        onLabel={() => {}}
      />,
    );
    // ...and under the field it is told once, by the form, in what the field takes.
    const under = [
      ...(document
        .querySelector('#root_allowedHours_from')
        ?.closest('.ant-form-item')
        ?.querySelectorAll('.ant-form-item-explain-error') ?? []),
    ].map((e) => e.textContent);
    expect(under).toEqual(['A time as HH:mm, e.g. 09:00']);
  });

  it('should tell a number out of range and a missing field in the language shown', async () => {
    await i18next.changeLanguage('zh');
    const agent = { ...getNodeType('handoffToAgent')!.defaultConfig, priority: 7 };
    renderNode('agent', 'handoffToAgent', agent);
    type('root_group', 'vip');
    expect(errorsShown()).toContain('应当为 <= 3');
    cleanup();
    renderWait(hours);
    type('root_allowedHours_from', '');
    expect(errorsShown()).toContain("应当有必需属性 '开始时间'");
  });
});
