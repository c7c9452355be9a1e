// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { getNodeType, validate, type JsonObject, type WorkflowDocument } from '@xiaoer/engine';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { toGraph } from '../graph/journey-graph.ts';
import { Inspector } from './Inspector.tsx';
import { fieldErrorsOf, fieldIdOf } from './config-form.ts';

beforeAll(async () => {
  fillInBrowserForAntd();
  await setUpI18n().changeLanguage('en');
});
afterEach(cleanup);

const journey = (config: JsonObject): WorkflowDocument => ({
  id: 'form-test',
  name: 'Form test',
  version: 1,
  nodes: [
    {
      id: 'start',
      type: 'trigger',
      position: { x: 0, y: 0 },
      config: getNodeType('trigger')!.defaultConfig,
    },
    { id: 'tell', type: 'sendMessage', position: { x: 200, y: 0 }, config },
    { id: 'done', type: 'end', position: { x: 400, y: 0 }, config: { status: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'tell' },
    { id: 'e2', source: 'tell', sourceHandle: 'sent', target: 'done' },
    { id: 'e3', source: 'tell', sourceHandle: 'failed', target: 'done' },
  ],
});
const tellNode = (config: JsonObject) => {
  const document = journey(config);
  return toGraph(document, validate(document).problems).nodes[1]!;
};

describe('the inspector form generated from a node type', () => {
  it('should render a field per config property, filled from the node', () => {
    render(
      <Inspector
        node={tellNode({ channel: 'sms', to: '{{customer.phone}}', message: { zh: '您好' } })}
        readOnly={false}
        onConfig={() => {}}
        onLabel={() => {}}
      />,
    );
    expect((document.querySelector('#root_to') as HTMLInputElement).value).toBe(
      '{{customer.phone}}',
    );
    expect((document.querySelector('#root_message_zh') as HTMLInputElement).value).toBe('您好');
    expect(screen.getByText('Send message', { exact: false })).toBeTruthy();
  });

  it('should report each change as the new config', () => {
    const onConfig = vi.fn();
    render(
      <Inspector
        node={tellNode({ channel: 'sms', to: '{{customer.phone}}', message: { zh: '您好' } })}
        readOnly={false}
        onConfig={onConfig}
        onLabel={() => {}}
      />,
    );
    fireEvent.change(document.querySelector('#root_to')!, { target: { value: '13800000000' } });
    expect(onConfig).toHaveBeenLastCalledWith(
      'tell',
      expect.objectContaining({ to: '13800000000' }),
    );
  });

  it('should list the variables available at the node beside its templates', () => {
    render(
      <Inspector
        node={tellNode({ channel: 'sms', to: '{{customer.phone}}', message: { zh: '您好' } })}
        variables={['customer', 'orderId']}
        readOnly={false}
        onConfig={() => {}}
        onLabel={() => {}}
      />,
    );
    const listed = screen.getByTestId('variables-root_to');
    expect(listed.textContent).toContain('orderId');
  });

  /** The inspector of an SMS with this message, previewed with this sample. */
  const previewing = (message: JsonObject, sample: JsonObject) =>
    render(
      <Inspector
        node={tellNode({ channel: 'sms', to: '{{customer.phone}}', message })}
        sample={sample}
        readOnly={false}
        onConfig={() => {}}
        onLabel={() => {}}
      />,
    );

  it('should preview each language of a message with sample data', () => {
    previewing(
      { zh: '{{customer.name}}您好，订单 {{orderId}}', en: 'Hi {{customer.name}}' },
      { orderId: 'SIM-1', customer: { name: '张三' } },
    );
    expect(screen.getByTestId('preview-root_message_zh').textContent).toContain(
      '张三您好，订单 SIM-1',
    );
    expect(screen.getByTestId('preview-root_message_en').textContent).toContain('Hi 张三');
    // The recipient is a template too, but not a message: no preview.
    expect(screen.queryByTestId('preview-root_to')).toBeNull();
  });

  it('should preview a variable the sample lacks as a readable placeholder, not a gap', () => {
    previewing({ zh: '订单 {{orderId}} 退款 {{refund.amount}}' }, { orderId: 'SIM-1' });
    expect(screen.getByTestId('preview-root_message_zh').textContent).toContain(
      '订单 SIM-1 退款 «refund.amount»',
    );
  });

  it("should show the engine's problem under its field", () => {
    const node = tellNode({
      channel: 'sms',
      to: '{{customer.phone}}',
      message: { zh: '您好 {{ unclosed' },
    });
    expect(node.data.problems.length).toBeGreaterThan(0);
    render(<Inspector node={node} readOnly={false} onConfig={() => {}} onLabel={() => {}} />);
    const messages = node.data.problems.map((p) => p.message.en);
    expect(screen.getAllByText(messages[0]!, { exact: false }).length).toBeGreaterThan(0);
  });

  it('should map problem pointers into the config to field errors, and no others', () => {
    const errors = fieldErrorsOf(
      [
        {
          code: 'template.invalid',
          pointer: '/nodes/1/config/message/zh',
          message: { zh: '模板错误', en: 'Bad template' },
          nodeId: 'tell',
        },
        {
          code: 'node.unreachable',
          pointer: '/nodes/1',
          message: { zh: '不可达', en: 'Unreachable' },
          nodeId: 'tell',
        },
      ] as never,
      'en',
    );
    expect(errors).toEqual({ message: { zh: { __errors: ['Bad template'] } } });
    // The same pointer names the input a click on the problem focuses.
    expect(fieldIdOf('/nodes/1/config/message/zh')).toBe('root_message_zh');
    expect(fieldIdOf('/nodes/1')).toBeUndefined();
  });
});

const conditionNode = (when: JsonObject) => {
  const document: WorkflowDocument = {
    ...journey({ channel: 'sms', to: '{{customer.phone}}', message: { zh: '您好' } }),
    nodes: [
      {
        id: 'start',
        type: 'trigger',
        position: { x: 0, y: 0 },
        config: getNodeType('trigger')!.defaultConfig,
      },
      {
        id: 'check',
        type: 'condition',
        position: { x: 200, y: 0 },
        config: { branches: [{ id: 'vip', when }] },
      },
    ],
    edges: [],
  };
  return toGraph(document, []).nodes[1]!;
};

/** The inspector of a condition node whose one branch holds for VIP customers. */
function renderVipCondition() {
  const onConfig = vi.fn();
  render(
    <Inspector
      node={conditionNode({ '==': [{ var: 'tier' }, 'vip'] })}
      variables={['tier', 'amount']}
      readOnly={false}
      onConfig={onConfig}
      onLabel={() => {}}
    />,
  );
  return onConfig;
}

describe('the condition field', () => {
  it('should apply JSON Logic typed into the raw view to the config', () => {
    const onConfig = renderVipCondition();
    fireEvent.click(within(screen.getByTestId('condition-root_branches_0_when')).getByText('JSON'));
    const textarea = document.querySelector('#root_branches_0_when') as HTMLTextAreaElement;
    fireEvent.change(textarea, { target: { value: '{">": [{"var": "amount"}, 100]}' } });
    expect(onConfig).toHaveBeenLastCalledWith('check', {
      branches: [{ id: 'vip', when: { '>': [{ var: 'amount' }, 100] } }],
    });
  });
});

describe('the visual rule builder', () => {
  it('should turn an added rule and its typed value into JSON Logic', () => {
    const onConfig = renderVipCondition();
    const builder = screen.getByTestId('condition-root_branches_0_when');
    // Shown as rules: the existing condition's value is in the value editor.
    const values = () =>
      builder.querySelectorAll<HTMLInputElement>('.rule-value input, input.rule-value');
    expect([...values()].map((input) => input.value)).toEqual(['vip']);
    expect(onConfig).not.toHaveBeenCalled();
    fireEvent.click(within(builder).getByText('+ Rule'));
    fireEvent.change(values()[1]!, { target: { value: 'gold' } });
    expect(onConfig).toHaveBeenLastCalledWith('check', {
      branches: [
        {
          id: 'vip',
          when: {
            and: [{ '==': [{ var: 'tier' }, 'vip'] }, { '==': [{ var: 'tier' }, 'gold'] }],
          },
        },
      ],
    });
  });
});
