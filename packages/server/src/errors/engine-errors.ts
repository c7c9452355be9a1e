import { XiaoerError, type LocalizedText } from '@xiaoer/engine';
import { DomainError } from './domain-error.ts';
import type { ErrorKind } from './error-kinds.ts';

/** The kind and zh/en text of each engine error code; the engine's own message is English only. */
const ENGINE_ERRORS: Record<string, { kind: ErrorKind; text: (en: string) => LocalizedText }> = {
  'workflow.invalid': {
    kind: 'unprocessable',
    text: (en) => ({ zh: '旅程文档有问题，不能运行。', en }),
  },
  'event.invalid': {
    kind: 'invalid',
    text: (en) => ({ zh: '事件格式不对（缺少 type 或 at，或数据不合法）。', en }),
  },
  'event.notAccepted': {
    kind: 'conflict',
    text: (en) => ({ zh: '旅程当前所在的节点不接受这个事件。', en }),
  },
  'trigger.mismatch': {
    kind: 'unprocessable',
    text: (en) => ({ zh: '这个事件不能启动该旅程（类型或筛选条件不符）。', en }),
  },
  'journey.ended': {
    kind: 'conflict',
    text: (en) => ({ zh: '旅程已经结束，不再接受事件。', en }),
  },
  'snapshot.invalid': {
    kind: 'internal',
    text: (en) => ({ zh: '旅程的存储状态已损坏或不属于该旅程。', en }),
  },
};

/**
 * An engine error as a {@link DomainError}: a known code gets its kind and zh/en text, an
 * unknown one is `invalid` when it is the caller's fault and `internal` otherwise.
 * Anything that is not an engine error gives `undefined`.
 */
export function fromEngineError(error: unknown): DomainError | undefined {
  if (!(error instanceof XiaoerError)) return undefined;
  const known = ENGINE_ERRORS[error.code];
  const kind = known?.kind ?? (error.userError ? 'invalid' : 'internal');
  const text = known?.text(error.message) ?? {
    zh: `旅程引擎拒绝了请求（${error.code}）。`,
    en: error.message,
  };
  return new DomainError(kind, error.code, text, { details: error.details, cause: error });
}
