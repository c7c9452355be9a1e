import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n/i18n.ts';
import { formatOwnClock } from '../i18n/format.ts';
import type { RunSettings } from './browser-simulation.ts';

/**
 * The settings a replayed scenario brought (where the virtual clock starts, whether message
 * delivery waits for a report), read-only, so the operator knows they are in effect; nothing
 * when there are none. `onDrop` (while no simulation runs) goes back to the defaults.
 */
export function RunSettingsLine({
  settings,
  onDrop,
}: {
  settings: RunSettings;
  onDrop: (() => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const said = [
    ...(settings.startAt
      ? [
          t('simulation.settings.startAt', {
            time: formatOwnClock(settings.startAt, language, { withOffset: true }),
          }),
        ]
      : []),
    ...(settings.autoConfirmSends === false ? [t('simulation.settings.confirmByHand')] : []),
    ...(settings.autoConfirmSends === true ? [t('simulation.settings.confirmAtOnce')] : []),
  ];
  if (said.length === 0) return null;
  return (
    <div style={{ maxWidth: 320 }}>
      <Typography.Text
        data-testid="simulation-settings"
        aria-describedby="simulation-settings-help"
      >
        {t('simulation.settings.title')} {said.join(language === 'zh' ? '；' : '; ')}
      </Typography.Text>
      <Typography.Paragraph
        type="secondary"
        id="simulation-settings-help"
        style={{ fontSize: 12, marginBottom: 0 }}
      >
        {t('simulation.settings.help')}
        {onDrop && (
          <Button type="link" size="small" onClick={onDrop} data-testid="simulation-settings-drop">
            {t('simulation.settings.drop')}
          </Button>
        )}
      </Typography.Paragraph>
    </div>
  );
}
