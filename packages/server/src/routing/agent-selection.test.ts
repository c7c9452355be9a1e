import { describe, expect, it } from 'vitest';
import { selectAgent, type AgentCandidate } from './agent-selection.ts';

const agent = (id: string, change: Partial<AgentCandidate> = {}): AgentCandidate => ({
  _id: id,
  skills: ['after-sales'],
  status: 'online',
  maxConcurrent: 2,
  active: 0,
  lastActiveAt: new Date('2026-01-01T10:00:00Z'),
  ...change,
});

describe('agent selection', () => {
  it('should skip agents who are not online, lack the skill or are full', () => {
    const agents = [
      agent('away', { status: 'away' }),
      agent('busy', { status: 'busy' }),
      agent('other', { skills: ['logistics'] }),
      agent('full', { active: 2 }),
    ];
    expect(selectAgent(agents, 'after-sales')).toBeUndefined();
    expect(selectAgent([...agents, agent('ok')], 'after-sales')?._id).toBe('ok');
  });

  it('should prefer the agent who served the customer last when available', () => {
    const agents = [agent('a'), agent('b', { active: 1 })];
    expect(selectAgent(agents, 'after-sales', 'b')?._id).toBe('b');
    expect(selectAgent([agent('a'), agent('b', { active: 2 })], 'after-sales', 'b')?._id).toBe('a');
  });

  it('should choose the least loaded, then the longest idle', () => {
    const early = new Date('2026-01-01T09:00:00Z');
    expect(selectAgent([agent('a', { active: 1 }), agent('b')], 'after-sales')?._id).toBe('b');
    expect(selectAgent([agent('a'), agent('b', { lastActiveAt: early })], 'after-sales')?._id).toBe(
      'b',
    );
  });
});
