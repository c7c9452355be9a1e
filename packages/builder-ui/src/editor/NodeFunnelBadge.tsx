import { useTranslation } from 'react-i18next';
import { formatDuration } from '../analytics/analytics-format.ts';
import type { FunnelBadge } from '../analytics/funnel-badges.ts';
import { languageOf } from '../i18n/i18n.ts';

/**
 * Under a node on the canvas: how many instances reached it (the funnel's count), how many
 * times they entered it when a loop brought some back, how many dropped off at it, and the time
 * spent.
 */
export function NodeFunnelBadge({ nodeId, badge }: { nodeId: string; badge: FunnelBadge }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  return (
    <div
      className={`funnel-badge${badge.biggestDropOff ? ' biggest-drop-off' : ''}`}
      data-testid={`node-badge-${nodeId}`}
      data-biggest-drop-off={badge.biggestDropOff}
      title={badge.biggestDropOff ? t('analytics.overlay.biggestDropOff') : undefined}
    >
      <span title={t('analytics.overlay.reached')} data-testid={`node-badge-${nodeId}-reached`}>
        ↘ {badge.reached}
      </span>
      {badge.entered > badge.reached && (
        <span title={t('analytics.overlay.entries')} data-testid={`node-badge-${nodeId}-entered`}>
          ↻ {badge.entered}
        </span>
      )}
      <span title={t('analytics.overlay.dropped')} data-testid={`node-badge-${nodeId}-dropped`}>
        ✕ {badge.dropped}
      </span>
      <span title={t('analytics.overlay.time')} data-testid={`node-badge-${nodeId}-time`}>
        ⏱ {formatDuration(badge.averageMs, language)}
      </span>
    </div>
  );
}
