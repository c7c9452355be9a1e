import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { BarSeriesOption } from 'echarts/charts';
import { translations } from '../testing/translations.ts';
import { formatRate } from './analytics-format.ts';
import type { FunnelNode } from './analytics-api.ts';
import { funnel } from './fixtures/analytics-fixtures.ts';
import { BIGGEST_DROP_OFF_COLOR, funnelOption, nodeName } from './funnel-series.ts';
import { funnelText } from './funnel-text.ts';

let en: TFunction;
let zh: TFunction;
beforeAll(async () => {
  ({ en, zh } = await translations());
});

const rate = (value: number | null) => formatRate(value, 'en');

/**
 * The order journey of the fixture with a loop and customers still waiting: `notify` entered 300
 * times by its 150 instances (a notice sent again), 10 of them still waiting at `waitDelivery`.
 */
const looping: FunnelNode[] = funnel.nodes.map((n) => {
  if (n.nodeId === 'notify') return { ...n, entered: 300, left: 290 };
  if (n.nodeId === 'waitDelivery') return { ...n, left: 120, waiting: 10, dropped: 10 };
  return n;
});

/** Each series' values, by series name, and each bar's length (the series added up). */
function bars(nodes: FunnelNode[], t: TFunction) {
  const series = funnelOption(nodes, t, rate).series as BarSeriesOption[];
  const values = Object.fromEntries(
    series.map((s) => [
      String(s.name),
      (s.data as (number | { value: number })[]).map((d) => (typeof d === 'number' ? d : d.value)),
    ]),
  );
  const lengths = nodes.map((_, i) =>
    Object.values(values).reduce((sum, data) => sum + (data[i] ?? 0), 0),
  );
  return { series, values, lengths };
}

describe('the journey funnel chart', () => {
  it('should draw one bar a node in workflow order, as long as the instances that reached it', () => {
    const option = funnelOption(funnel.nodes, en, rate);
    expect((option.yAxis as { data: string[] }).data).toEqual(funnel.nodes.map(nodeName));
    expect(nodeName(funnel.nodes[2]!)).toBe('notify'); // no label: the id
    const { series, values, lengths } = bars(funnel.nodes, en);
    expect(lengths).toEqual(funnel.nodes.map((n) => n.reached));
    // All parts of one stack: nothing drawn beside or on top of the instances reached.
    expect(new Set(series.map((s) => s.stack))).toEqual(new Set(['reached']));
    expect(values).toEqual({
      'Moved on': [200, 150, 140, 120, 115, 0],
      'Ended here': [0, 0, 0, 0, 0, 120],
      Waiting: [0, 0, 0, 0, 0, 0],
      Dropped: [0, 50, 10, 20, 5, 0],
    });
    expect(option.xAxis).toMatchObject({ name: 'Instances reached' });
    const dropped = series.at(-1)!.data as { itemStyle: { color: string } }[];
    expect(dropped[1]!.itemStyle.color).toBe(BIGGEST_DROP_OFF_COLOR);
  });

  it('should not count a looping node’s entries again, nor those still waiting as moved on', () => {
    const { values, lengths } = bars(looping, en);
    // notify: 150 instances, not its 300 entries; waitDelivery: 140 = 110 on, 10 waiting, 10 lost.
    expect(lengths).toEqual([200, 200, 150, 140, 120, 120]);
    expect(values['Moved on']?.[3]).toBe(120);
    expect(values['Waiting']?.[3]).toBe(10);
    expect(values['Dropped']?.[3]).toBe(10);
  });

  it('should end each bar with the number reached and give the entries apart in the tooltip', () => {
    const option = funnelOption(looping, en, rate);
    const last = (option.series as BarSeriesOption[]).at(-1)!;
    const label = last.label as { show: boolean; formatter: (p: { dataIndex: number }) => string };
    expect(label.show).toBe(true);
    expect(looping.map((_, dataIndex) => label.formatter({ dataIndex }))).toEqual([
      '200',
      '200',
      '150',
      '140',
      '120',
      '120',
    ]);
    const tooltip = option.tooltip as { formatter: (p: { dataIndex: number }[]) => string };
    const notify = tooltip.formatter([{ dataIndex: 2 }]);
    expect(notify).toContain('Instances reached: 150 (75.0%)');
    expect(notify).toContain('Entries: 300 (an instance that loops back counts again)');
    expect(tooltip.formatter([{ dataIndex: 1 }])).not.toContain('Entries');
  });

  it('should escape a node label in the tooltip', () => {
    const nodes = [{ ...funnel.nodes[0]!, label: '<img src=x onerror=alert(1)>' }];
    const tooltip = funnelOption(nodes, en, rate).tooltip as {
      formatter: (p: { dataIndex: number }[]) => string;
    };
    expect(tooltip.formatter([{ dataIndex: 0 }])).toContain('&lt;img src=x');
    expect(tooltip.formatter([{ dataIndex: 0 }])).not.toContain('<img');
  });

  it('should say the same in words, in English and Chinese', () => {
    const english = funnelText(looping, en, rate);
    expect(english.title).toContain('as long as the instances that reached it');
    expect(english.lines).toEqual([
      '下单: 200 instances reached (100.0%); 200 moved on, 0 waiting, 0 dropped',
      '等待付款: 200 instances reached (100.0%); 150 moved on, 0 waiting, 50 dropped',
      'notify: 150 instances reached (75.0%); 140 moved on, 0 waiting, 10 dropped',
      '等待签收: 140 instances reached (70.0%); 120 moved on, 10 waiting, 10 dropped',
      '满意度调查: 120 instances reached (60.0%); 115 moved on, 0 waiting, 5 dropped',
      '完成: 120 instances reached (60.0%); 120 ended here, 0 waiting',
    ]);
    const chinese = funnelText(looping, zh, (value) => formatRate(value, 'zh'));
    expect(chinese.title).toContain('每个实例只计一次');
    expect(chinese.lines[2]).toBe('notify：到达实例 150（75.0%），已继续 140，等待中 0，流失 10');
    expect(chinese.lines[5]).toBe('完成：到达实例 120（60.0%），在此结束 120，等待中 0');
  });
});
