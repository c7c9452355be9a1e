import { Alert } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EventNotAcceptedError, JourneyEndedError } from '@xiaoer/engine';
import { JourneyAssertionError, type ScenarioStep } from '@xiaoer/engine/testing';
import { languageOf } from '../i18n/i18n.ts';
import type { Language } from '../i18n/messages.ts';
import type { ReplayRefusal } from './browser-simulation.ts';
import { callName, eventName } from './simulation-words.ts';

/** A scenario step in words: 发送 订单签收, 拨快时钟 2d, 退款 成功. */
function stepName(step: ScenarioStep, t: TFunction, language: Language): string {
  if ('advance' in step) return t('simulation.refused.step.advance', { duration: step.advance });
  if ('event' in step)
    return t('simulation.refused.step.event', { event: eventName(step.event, language) });
  if ('reply' in step) return t('simulation.refused.step.reply', { text: step.reply });
  if ('callSucceeded' in step)
    return t('simulation.refused.step.callSucceeded', {
      call: callName(step.callSucceeded, language),
    });
  if ('callFailed' in step)
    return t('simulation.refused.step.callFailed', { call: callName(step.callFailed, language) });
  if ('sendSucceeded' in step) return t('simulation.refused.step.sendSucceeded');
  if ('sendFailed' in step) return t('simulation.refused.step.sendFailed');
  return t('simulation.refused.step.expectNode', { node: step.expectNode });
}

/** Why the journey refused the step, said for the step; the engine's words when not known. */
function reasonOf(refusal: ReplayRefusal, t: TFunction, language: Language): string {
  const { error, step, node } = refusal;
  if (error instanceof EventNotAcceptedError) {
    const { eventType, nodeId, accepted } = error.details as {
      eventType: string;
      nodeId: string;
      accepted: string[];
    };
    return t('simulation.refused.reason.notAccepted', {
      node: nodeId,
      event: eventName(eventType, language),
      accepted: accepted.length
        ? accepted.map((type) => eventName(type, language)).join(language === 'zh' ? '、' : ', ')
        : t('simulation.refused.reason.nothing'),
    });
  }
  if (error instanceof JourneyEndedError) return t('simulation.refused.reason.ended');
  if (error instanceof JourneyAssertionError) {
    if ('expectNode' in step)
      return t('simulation.refused.reason.elsewhere', { node, expected: step.expectNode });
    const call =
      'callSucceeded' in step ? step.callSucceeded : 'callFailed' in step ? step.callFailed : '';
    if (call) return t('simulation.refused.reason.noCall', { call: callName(call, language) });
    if ('sendSucceeded' in step || 'sendFailed' in step)
      return t('simulation.refused.reason.noDelivery');
  }
  return t('simulation.refused.reason.other', { message: error.message });
}

/**
 * What the panel says when a replayed scenario stopped at a step the journey refused: which
 * step (numbered from 1, in words) and why, that the run below is the one of the steps before
 * it (or went on by hand from there: `wentOn`), and which steps did not run.
 */
export function ReplayRefused({ refusal, wentOn }: { refusal: ReplayRefusal; wentOn: boolean }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const notRun = refusal.total - refusal.index - 1;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="simulation-refused"
      message={t('simulation.refused.title', {
        number: refusal.index + 1,
        total: refusal.total,
        step: stepName(refusal.step, t, language),
      })}
      description={
        <>
          <div data-testid="simulation-refused-reason">{reasonOf(refusal, t, language)}</div>
          <div>
            {t(wentOn ? 'simulation.refused.wentOn' : 'simulation.refused.ranSoFar', {
              node: refusal.node,
            })}{' '}
            {notRun > 0
              ? t('simulation.refused.notRunWithRest', { count: notRun })
              : t('simulation.refused.notRun')}
          </div>
        </>
      }
    />
  );
}
