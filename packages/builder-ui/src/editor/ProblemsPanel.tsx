import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Problem, WorkflowDocument } from '@xiaoer/engine';
import { languageOf } from '../i18n/i18n.ts';
import { useFieldLabeller } from './field-labels.ts';
import { problemView } from './problem-view.ts';

/**
 * The engine's problems with the open journey, each told by its node, handle and field as the
 * canvas and the inspector name them; clicking one focuses its node.
 */
export function ProblemsPanel({
  problems,
  document,
  onFocus,
  testId = 'problems',
}: {
  problems: Problem[];
  /** The journey the problems are in: their nodes' titles, handles and fields. */
  document: WorkflowDocument;
  onFocus: (problem: Problem) => void;
  /** The list's test id (the publish dialog lists them too). */
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const labelOf = useFieldLabeller();
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
      renderItem={(problem) => {
        const view = problemView(problem, document, language, labelOf);
        return (
          <List.Item className="problem" onClick={() => onFocus(problem)}>
            <div>
              {view.place && <Typography.Text type="danger">{view.place}</Typography.Text>}
              {view.field && (
                <Typography.Text type="secondary" className="problem-field">
                  {' '}
                  › {view.field}
                </Typography.Text>
              )}
              <div>{view.text}</div>
            </div>
          </List.Item>
        );
      }}
    />
  );
}
