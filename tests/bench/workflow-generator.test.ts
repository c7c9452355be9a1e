import { describe, expect, it } from 'vitest';
import { compile, validate } from '@xiaoer/engine';
import { generateWorkflow } from '../../bench/engine/workflow-generator.ts';

describe('generateWorkflow', () => {
  it.each([4, 10, 100, 1000])('should build a valid %i-node workflow', (size) => {
    const workflow = generateWorkflow(size);
    expect(workflow.nodes).toHaveLength(size);
    expect(validate(workflow).problems).toEqual([]);
    expect(() => compile(workflow)).not.toThrow();
  });

  it('should refuse a size too small for a trigger, a step and two ends', () => {
    expect(() => generateWorkflow(3)).toThrow(RangeError);
  });
});
