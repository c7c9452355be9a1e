import { validate, type LocalizedText, type WorkflowDocument } from '@xiaoer/engine';

/** Larger than any hand-drawn journey by far (the 1,000-node bench journey is ~400 KB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportProblem {
  pointer: string;
  message: LocalizedText;
}

/**
 * A file chosen for import as a journey the editor can draw, or the reasons it cannot be: too
 * large, not JSON, or not a workflow document (the engine's schema). Problems a drawn journey
 * can show (an unreachable node, an unknown variable) do not refuse it: the problems panel
 * lists them after the import.
 */
export async function importableJourney(
  file: Blob,
): Promise<{ journey: WorkflowDocument } | { problems: ImportProblem[] }> {
  if (file.size > MAX_IMPORT_BYTES)
    return {
      problems: [
        {
          pointer: '',
          message: {
            zh: `文件太大（${megabytes(file.size)} MB），上限 ${megabytes(MAX_IMPORT_BYTES)} MB`,
            en: `The file is too large (${megabytes(file.size)} MB; at most ${megabytes(MAX_IMPORT_BYTES)} MB)`,
          },
        },
      ],
    };
  const text = await file.text();
  const { problems } = validate(text);
  const unreadable = problems.filter(
    (problem) => problem.code === 'json.invalid' || problem.code === 'schema.violation',
  );
  if (unreadable.length) return { problems: unreadable.slice(0, 50) };
  return { journey: JSON.parse(text) as WorkflowDocument };
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
