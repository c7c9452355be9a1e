import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@xiaoer/engine/testing';
import { languageOf } from '../i18n/i18n.ts';
import { formatOwnClock } from '../i18n/format.ts';

/** What became of a timeline entry's event, when the journey did not simply take it. */
type Mark = 'parked' | 'offeredTaken' | 'offeredLetGo' | 'letGo';

/**
 * The entry's mark, as `xiaoer simulate` marks it: parked (its node did not wait for it yet),
 * offered again from the parked events and taken or let go, or let go at once.
 */
export function markOf(entry: TimelineEntry): Mark | undefined {
  if (entry.parked) return 'parked';
  if (entry.unparked) return entry.ignored ? 'offeredLetGo' : 'offeredTaken';
  return entry.ignored ? 'letGo' : undefined;
}

/**
 * The mark of a timeline entry in words (never by colour alone; its tint is in styles.css,
 * `simulation-mark-*`), and for an event offered again, when it was sent: the row is dated
 * when it was offered.
 */
export function TimelineMark({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const mark = markOf(entry);
  if (!mark) return null;
  return (
    <>
      <Tag
        className={`simulation-mark simulation-mark-${mark}`}
        data-testid="simulation-mark"
        data-mark={mark}
      >
        {t(`simulation.mark.${mark}`)}
      </Tag>
      {entry.unparked && (
        <Typography.Text type="secondary">
          {t('simulation.sentAt', {
            time: formatOwnClock(entry.event.at, languageOf(i18n.language)),
          })}
        </Typography.Text>
      )}
    </>
  );
}
