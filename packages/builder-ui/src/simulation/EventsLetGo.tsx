import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JourneyEvent } from '@xiaoer/engine';
import type { DroppedEvent } from '@xiaoer/engine/testing';
import { languageOf } from '../i18n/i18n.ts';
import { formatList, formatOwnClock } from '../i18n/format.ts';
import { eventName } from './simulation-words.ts';

export interface EventsLetGoProps {
  /** Events the journey let go without taking them, in order. */
  dropped: DroppedEvent[];
  /** Events still parked with the journey, oldest first. */
  parked: JourneyEvent[];
}

/**
 * Under the simulation's timeline: the events the journey let go (never taken), each with
 * when, where and why, and those still parked — what `xiaoer simulate` lists after its timeline.
 */
export function EventsLetGo({ dropped, parked }: EventsLetGoProps) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  return (
    <>
      {dropped.length > 0 && (
        <section aria-labelledby="simulation-let-go-title" data-testid="simulation-let-go">
          <Typography.Title level={5} id="simulation-let-go-title">
            {t('simulation.letGo')}
          </Typography.Title>
          <ul>
            {dropped.map((d, i) => (
              <li key={i} data-reason={d.reason}>
                {formatOwnClock(d.droppedAt, language)}{' '}
                <strong title={d.event.type}>{eventName(d.event.type, language)}</strong>{' '}
                {d.node ? t('simulation.letGoAt', { node: d.node }) : t('simulation.notStarted')}
                {t(`simulation.dropReason.${d.reason}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {parked.length > 0 && (
        <Typography.Paragraph data-testid="simulation-still-parked">
          {t('simulation.stillParked', {
            events: formatList(
              parked.map((event) => eventName(event.type, language)),
              language,
            ),
          })}
        </Typography.Paragraph>
      )}
    </>
  );
}
