import { describe, expect, it } from 'vitest';
import { demoExposureWarning } from './demo-exposure.ts';

describe('the demo listening beyond this machine', () => {
  it('should say nothing on a loopback address', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]'])
      expect(demoExposureWarning(host, {})).toBeUndefined();
  });

  it('should warn, in zh and en, that the demo agents have a public password', () => {
    const line = demoExposureWarning('0.0.0.0', {});
    expect(line).toContain('演示客服 agent-li、agent-wang 使用 README 中公开的密码');
    expect(line).toContain(
      'the demo agents agent-li and agent-wang log in with the password printed in the README',
    );
    expect(line).toContain('start with --config');
    const replaced = demoExposureWarning('::', {
      XIAOER_DEMO_AGENT_PASSWORD: 'our-own-demo-password',
    });
    expect(replaced).toContain('listens on ::');
    expect(replaced).not.toContain('agent-li');
  });
});
