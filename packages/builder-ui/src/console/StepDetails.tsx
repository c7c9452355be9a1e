import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkflowDocument } from '@xiaoer/engine';
import type { InstanceDetail, InstanceStep } from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime, formatDuration } from '../i18n/format.ts';
import { channelName } from '../editor/node-summary.ts';
import {
  allowedHoursOf,
  delayText,
  effectsOfStep,
  retryPolicyOf,
  timerShift,
  type StepEffect,
} from './step-view.ts';

const json = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * One step of an instance opened up, like an execution view: the event and its data, the
 * nodes it left and entered (with the outcomes taken), the data it changed, and each effect —
 * the rendered message with recipient and channel, the call with its arguments, the timer with
 * its due time and why — with what became of it.
 */
export function StepDetails({
  detail,
  step,
  document,
}: {
  detail: InstanceDetail;
  step: InstanceStep;
  document: WorkflowDocument;
}) {
  const { t } = useTranslation();
  const effects = effectsOfStep(detail, step);
  return (
    <div className="step-details" data-testid={`step-details-${step.revision}`}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('run.event')}>
          <code>{step.event.type}</code>
          {step.event.actor && <Tag style={{ marginLeft: 8 }}>{step.event.actor}</Tag>}
          {step.event.data && Object.keys(step.event.data).length > 0 && (
            <pre className="step-json" data-testid="step-event-data">
              {json(step.event.data)}
            </pre>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('run.move')}>
          {step.path.length === 0 ? (
            <span>
              {step.from ?? '—'} → {step.to}
            </span>
          ) : (
            step.path.map((p, i) => (
              <div key={i}>
                <code>{p.nodeId}</code> —{p.outcome}→ <code>{p.target}</code>
              </div>
            ))
          )}
        </Descriptions.Item>
        {(step.dataChanges?.length ?? 0) > 0 && (
          <Descriptions.Item label={t('run.dataChanges')}>
            {step.dataChanges?.map((change) => (
              <div key={change.key}>
                <code>{change.key}</code>: <del>{shortJson(change.before)}</del> →{' '}
                <ins>{shortJson(change.after)}</ins>
              </div>
            ))}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('run.effects')}>
          {effects.length === 0 ? (
            <Typography.Text type="secondary">{t('run.noEffects')}</Typography.Text>
          ) : (
            effects.map((e, i) => <EffectLine key={i} entry={e} step={step} document={document} />)
          )}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}

function shortJson(value: unknown): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function EffectLine({
  entry,
  step,
  document,
}: {
  entry: StepEffect;
  step: InstanceStep;
  document: WorkflowDocument;
}) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const { effect } = entry;
  const status = entry.status && (
    <Tag color={entry.alarm ? 'red' : entry.status === 'done' ? 'green' : 'default'}>
      {t(`run.status.${entry.status}`, { defaultValue: entry.status })}
      {entry.attempts && entry.attempts > 1 ? ` ×${entry.attempts}` : ''}
    </Tag>
  );
  const className = `step-effect${entry.alarm ? ' step-effect-alarm' : ''}`;
  const error = entry.lastError && (
    <Typography.Text type="danger">
      {' '}
      {entry.lastError.code}: {entry.lastError.message}
    </Typography.Text>
  );
  switch (effect.kind) {
    case 'send':
      return (
        <div className={className} data-testid="step-effect-send" data-alarm={entry.alarm ?? ''}>
          <Tag color="blue">{channelName(effect.channel, language)}</Tag>
          {t('run.to')}{' '}
          {effect.to.trim() ? (
            <code>{effect.to}</code>
          ) : (
            <Typography.Text type="danger" strong>
              {t('run.emptyRecipient')}
            </Typography.Text>
          )}{' '}
          {status}
          {error}
          <blockquote className="step-message">{effect.text}</blockquote>
        </div>
      );
    case 'call':
      return (
        <div className={className} data-testid="step-effect-call">
          <Tag color="purple">{t('run.call')}</Tag>
          <code>
            {effect.operation}({JSON.stringify(effect.args)})
          </code>{' '}
          {t('run.attempt', { attempt: effect.attempt })} {status}
          {error}
        </div>
      );
    case 'schedule': {
      const hours = allowedHoursOf(document, effect.nodeId);
      const shift = timerShift(effect);
      const retry = effect.purpose === 'retry' ? retryPolicyOf(document, effect.nodeId) : undefined;
      return (
        <div className={className} data-testid="step-effect-timer">
          <Tag color="gold">{t(`run.purpose.${effect.purpose}`)}</Tag>
          {t('run.due', {
            at: formatDateTime(effect.dueAt, language),
            delay: delayText(step.at, effect.dueAt, language),
          })}
          {shift ? (
            <Typography.Text
              type={shift.movedMs > 0 ? 'warning' : 'secondary'}
              data-testid="step-timer-reason"
              data-moved={String(shift.movedMs > 0)}
              data-requested-at={shift.requestedAt}
            >
              {' '}
              {t(shift.movedMs > 0 ? 'run.movedByHours' : 'run.insideHours', {
                asked:
                  shift.requestedDelayMs === undefined
                    ? t('run.askedTime', {
                        at: formatDateTime(shift.requestedAt, language, shift.hours.timeZone),
                      })
                    : t('run.askedDelay', {
                        delay: formatDuration(shift.requestedDelayMs, language),
                        at: formatDateTime(shift.requestedAt, language, shift.hours.timeZone),
                      }),
                due: formatDateTime(effect.dueAt, language, shift.hours.timeZone),
                by: formatDuration(shift.movedMs, language),
                from: shift.hours.from,
                to: shift.hours.to,
                zone: shift.hours.timeZone,
              })}
            </Typography.Text>
          ) : (
            // Recorded before the engine kept what was asked: the node's hours as they are now.
            hours &&
            effect.purpose === 'wait' && (
              <Typography.Text type="secondary" data-testid="step-timer-reason" data-moved="">
                {' '}
                {t('run.allowedHours', {
                  from: hours.from,
                  to: hours.to,
                  zone: hours.timeZone ?? 'Asia/Shanghai',
                })}
              </Typography.Text>
            )
          )}
          {retry && (
            <Typography.Text type="secondary" data-testid="step-timer-reason">
              {' '}
              {t('run.retryReason', {
                delay: retry.delay,
                factor: retry.factor,
                max: retry.maxAttempts,
              })}
            </Typography.Text>
          )}
          {entry.timer && (
            <Tag style={{ marginLeft: 8 }}>
              {entry.timer.firedAt
                ? t('run.fired', { at: formatDateTime(entry.timer.firedAt, language) })
                : t(`run.timer.${entry.timer.status}`, { defaultValue: entry.timer.status })}
            </Tag>
          )}
        </div>
      );
    }
    case 'cancel':
      return (
        <div className={className}>
          <Tag>{t('run.cancelTimer')}</Tag>
          <code>{effect.timerId}</code>
        </div>
      );
    case 'emit':
      return (
        <div className={className} data-testid="step-effect-emit">
          <Tag color="cyan">{t('run.emit')}</Tag>
          <code>{effect.event}</code> {status}
          <pre className="step-json">{json(effect.data)}</pre>
        </div>
      );
  }
}
