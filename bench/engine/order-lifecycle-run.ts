import { readFileSync } from 'node:fs';
import {
  compile,
  ENGINE_EVENTS,
  start,
  step,
  type JourneyEvent,
  type JourneyMachine,
  type JourneySnapshot,
  type StepResult,
} from '@xiaoer/engine';

/** The shipped order lifecycle journey, compiled. */
export function orderLifecycleMachine(): JourneyMachine {
  const url = new URL('../../workflows/order-lifecycle.json', import.meta.url);
  return compile(JSON.parse(readFileSync(url, 'utf8')));
}

/** How a host keeps snapshots between steps: as objects, or through JSON as in the database. */
export type SnapshotHandling = 'in-memory' | 'json-round-trip';

const base = Date.parse('2026-03-02T09:00:00+08:00');
const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();

/**
 * Runs one order lifecycle from `order.created` to a five-star survey reply, answering each
 * message's delivery as a channel would. Returns the number of steps and the largest snapshot.
 */
export function runOrderLifecycle(
  machine: JourneyMachine,
  orderId: string,
  handling: SnapshotHandling,
): { steps: number; snapshots: string[] } {
  const snapshots: string[] = [];
  let minute = 0;
  let steps = 0;
  let result: StepResult = start(machine, {
    type: 'order.created',
    at: at(minute),
    data: { orderId, customer: { name: '韩梅梅', phone: '13900000000' }, total: 268 },
  });
  const keep = (r: StepResult): JourneySnapshot => {
    if (handling === 'in-memory') return r.snapshot;
    const json = JSON.stringify(r.snapshot);
    snapshots.push(json);
    return JSON.parse(json) as JourneySnapshot;
  };
  let snapshot = keep(result);
  steps++;
  const apply = (event: Omit<JourneyEvent, 'at'>): void => {
    result = step(machine, snapshot, { ...event, at: at(++minute) } as JourneyEvent);
    snapshot = keep(result);
    steps++;
  };
  const confirmDelivery = (): void => {
    const send = result.effects.find((e) => e.kind === 'send' && e.expectsResult);
    if (send) apply({ type: ENGINE_EVENTS.sendSucceeded, effectId: send.id });
  };
  const shipment = {
    orderId,
    carrier: '顺丰速运',
    trackingNumber: 'SF1234567890',
    trackingUrl: 'https://www.sf-express.com/track/SF1234567890',
  };
  confirmDelivery();
  apply({ type: 'order.shipped', data: shipment });
  confirmDelivery();
  apply({ type: 'order.delivered', data: { orderId } });
  const wait = result.effects.find((e) => e.kind === 'schedule');
  if (wait?.kind !== 'schedule') throw new Error('the survey wait scheduled no timer');
  minute += 24 * 60;
  apply({ type: ENGINE_EVENTS.timerFired, timerId: wait.timerId });
  apply({ type: ENGINE_EVENTS.customerReplied, data: { option: 's5', text: '5' } });
  confirmDelivery();
  if (result.status !== 'done') throw new Error(`the run ended at ${result.node}, not done`);
  return { steps, snapshots };
}
