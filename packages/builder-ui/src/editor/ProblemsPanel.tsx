import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@xiaoer/engine';
import { languageOf } from '../i18n/i18n.ts';

/** The engine's problems with the open journey; clicking one focuses its node. */
export function ProblemsPanel({
  problems,
  onFocus,
  testId = 'problems',
}: {
  problems: Problem[];
  onFocus: (problem: Problem) => void;
  /** The list's test id (the publish dialog lists them too). */
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  if (problems.length === 0)
    return (
      <Typography.Text type="success" data-testid="no-problems">
        {t('editor.noProblems')}
      </Typography.Text>
    );
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={problems}
      renderItem={(problem) => (
        <List.Item className="problem" onClick={() => onFocus(problem)}>
          <Typography.Text type="danger">{problem.nodeId ?? problem.edgeId ?? ''}</Typography.Text>{' '}
          {problem.message[language]} <Typography.Text code>{problem.pointer}</Typography.Text>
        </List.Item>
      )}
    />
  );
}
