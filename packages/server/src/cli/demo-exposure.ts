import { isIP } from 'node:net';

/** Whether `host` takes connections from this machine only. */
function loopbackOnly(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/**
 * The warning `xiaoer serve` prints when the demo (no `--config`) listens beyond this machine:
 * its agents log in with a password printed in the README unless XIAOER_DEMO_AGENT_PASSWORD
 * replaces it, and an agent reads every conversation. Undefined when there is nothing to say.
 */
export function demoExposureWarning(host: string, env: NodeJS.ProcessEnv): string | undefined {
  if (loopbackOnly(host)) return undefined;
  const agents = env['XIAOER_DEMO_AGENT_PASSWORD']
    ? ''
    : '演示客服 agent-li、agent-wang 使用 README 中公开的密码，请设置 XIAOER_DEMO_AGENT_PASSWORD；';
  const agentsEn = env['XIAOER_DEMO_AGENT_PASSWORD']
    ? ''
    : ' the demo agents agent-li and agent-wang log in with the password printed in the README: set XIAOER_DEMO_AGENT_PASSWORD;';
  return `⚠ 演示模式（未给 --config）正在 ${host} 上对外监听：${agents}为真实店铺请用 --config 启动 / the demo (no --config) listens on ${host}, beyond this machine:${agentsEn} for a real shop start with --config`;
}
