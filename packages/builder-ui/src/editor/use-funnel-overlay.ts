import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/api-client.ts';
import { analyticsApi } from '../analytics/analytics-api.ts';
import { lastDays } from '../analytics/analytics-period.ts';
import { funnelBadges, type FunnelBadge } from '../analytics/funnel-badges.ts';
import { languageOf } from '../i18n/i18n.ts';
import { useConsoleMessage } from '../app/use-console-message.ts';

/** The days of the funnel the canvas shows. */
export const OVERLAY_DAYS = 30;

/**
 * The badges of the journey's funnel over the last 30 days while `on`, null while off (or not
 * yet fetched); a failure shows in zh/en.
 */
export function useFunnelOverlay(workflowId: string, on: boolean): Map<string, FunnelBadge> | null {
  const { i18n } = useTranslation();
  const message = useConsoleMessage();
  const [badges, setBadges] = useState<Map<string, FunnelBadge> | null>(null);
  useEffect(() => {
    if (!on) return setBadges(null);
    let current = true;
    analyticsApi.funnel(workflowId, lastDays(OVERLAY_DAYS)).then(
      (funnel) => current && setBadges(funnelBadges(funnel)),
      (error: unknown) =>
        current && void message.error(errorText(error, languageOf(i18n.language))),
    );
    return () => {
      current = false;
    };
  }, [workflowId, on, message, i18n]);
  return badges;
}
