import type { LocalizedText } from '../workflow/workflow.types.ts';

/**
 * Every validation problem the engine reports, with its message in Chinese and English.
 * Codes are stable: the editor, the API and tests key on them.
 */
export const problemMessages = {
  'json.invalid': (p: { reason: string }) => ({
    zh: `不是合法的 JSON：${p.reason}`,
    en: `Not valid JSON: ${p.reason}`,
  }),
  'schema.violation': (p: { reason: LocalizedText }) => ({
    zh: `不符合工作流格式：${p.reason.zh}`,
    en: `Does not match the workflow schema: ${p.reason.en}`,
  }),
  'config.invalid': (p: { nodeId: string; reason: LocalizedText }) => ({
    zh: `节点 ${p.nodeId} 的配置有误：${p.reason.zh}`,
    en: `Node ${p.nodeId} has an invalid setting: ${p.reason.en}`,
  }),
  'node.unknownType': (p: { nodeId: string; type: string }) => ({
    zh: `节点 ${p.nodeId} 的类型 "${p.type}" 不存在`,
    en: `Node ${p.nodeId} has unknown type "${p.type}"`,
  }),
  'node.duplicateId': (p: { nodeId: string }) => ({
    zh: `节点 ID "${p.nodeId}" 重复`,
    en: `Node id "${p.nodeId}" is used more than once`,
  }),
  'node.unreachable': (p: { nodeId: string }) => ({
    zh: `节点 ${p.nodeId} 无法从触发器到达`,
    en: `Node ${p.nodeId} cannot be reached from the trigger`,
  }),
  'edge.duplicateId': (p: { edgeId: string }) => ({
    zh: `连线 ID "${p.edgeId}" 重复`,
    en: `Edge id "${p.edgeId}" is used more than once`,
  }),
  'edge.danglingSource': (p: { edgeId: string; nodeId: string }) => ({
    zh: `连线 ${p.edgeId} 的起点节点 ${p.nodeId} 不存在`,
    en: `Edge ${p.edgeId} starts at node ${p.nodeId}, which does not exist`,
  }),
  'edge.danglingTarget': (p: { edgeId: string; nodeId: string }) => ({
    zh: `连线 ${p.edgeId} 的终点节点 ${p.nodeId} 不存在`,
    en: `Edge ${p.edgeId} ends at node ${p.nodeId}, which does not exist`,
  }),
  'edge.unknownOutcome': (p: {
    edgeId: string;
    nodeId: string;
    handle: string;
    outcomes: string[];
  }) => ({
    zh: `连线 ${p.edgeId} 从节点 ${p.nodeId} 的出口 "${p.handle}" 出发，但该节点只有：${p.outcomes.join('、') || '无'}`,
    en: `Edge ${p.edgeId} leaves node ${p.nodeId} through "${p.handle}", but its outcomes are: ${p.outcomes.join(', ') || 'none'}`,
  }),
  'edge.intoTrigger': (p: { edgeId: string }) => ({
    zh: `连线 ${p.edgeId} 指向触发器；触发器不能作为目标`,
    en: `Edge ${p.edgeId} points at the trigger; a trigger cannot be a target`,
  }),
  'outcome.unconnected': (p: { nodeId: string; outcome: string }) => ({
    zh: `节点 ${p.nodeId} 的出口 "${p.outcome}" 没有连线（请连到下一个节点或结束节点）`,
    en: `Outcome "${p.outcome}" of node ${p.nodeId} is not connected (connect it to a next node or an end node)`,
  }),
  'outcome.multipleEdges': (p: { nodeId: string; outcome: string }) => ({
    zh: `节点 ${p.nodeId} 的出口 "${p.outcome}" 连了多条线；一个出口只能去一个地方`,
    en: `Outcome "${p.outcome}" of node ${p.nodeId} has several edges; an outcome leads to one place`,
  }),
  'trigger.missing': () => ({
    zh: '旅程没有触发器节点',
    en: 'The journey has no trigger node',
  }),
  'trigger.multiple': (p: { count: number }) => ({
    zh: `旅程有 ${p.count} 个触发器节点，只能有一个`,
    en: `The journey has ${p.count} trigger nodes; it must have exactly one`,
  }),
  'loop.noWait': (p: { nodeIds: string[] }) => ({
    zh: `节点 ${p.nodeIds.join(' → ')} 组成的循环中没有等待节点，会无限循环`,
    en: `The loop through ${p.nodeIds.join(' -> ')} has no waiting node and would spin forever`,
  }),
  'variable.unknown': (p: { nodeId: string; variable: string; known: string[] }) => ({
    zh: `节点 ${p.nodeId} 读取了未知变量 "${p.variable}"；此处可用：${p.known.join('、') || '无'}`,
    en: `Node ${p.nodeId} reads unknown variable "${p.variable}"; available here: ${p.known.join(', ') || 'none'}`,
  }),
  'variable.unstorable': (p: { name: string }) => ({
    zh: `数据名 "${p.name}" 无法存储：不能包含 "." 或以 "$" 开头`,
    en: `Data key "${p.name}" cannot be stored: it must not contain "." or start with "$"`,
  }),
  'template.invalid': (p: { reason: string }) => ({
    zh: `模板语法错误：${p.reason}`,
    en: `Template syntax error: ${p.reason}`,
  }),
  'condition.invalid': (p: { reason: string }) => ({
    zh: `条件（JSON Logic）无效：${p.reason}`,
    en: `Condition (JSON Logic) is invalid: ${p.reason}`,
  }),
  'dataSchema.invalid': (p: { reason: string }) => ({
    zh: `事件数据结构（JSON Schema）无效：${p.reason}`,
    en: `Event data schema (JSON Schema) is invalid: ${p.reason}`,
  }),
  'duration.invalid': (p: { value: string }) => ({
    zh: `时长 "${p.value}" 无法识别（例如 30m、2h、3d 或 PT48H）`,
    en: `Duration "${p.value}" is not understood (e.g. 30m, 2h, 3d or PT48H)`,
  }),
  'timezone.invalid': (p: { value: string }) => ({
    zh: `时区 "${p.value}" 无效（例如 Asia/Shanghai）`,
    en: `Time zone "${p.value}" is not valid (e.g. Asia/Shanghai)`,
  }),
  'option.duplicateId': (p: { nodeId: string; option: string }) => ({
    zh: `节点 ${p.nodeId} 的选项 "${p.option}" 重复`,
    en: `Node ${p.nodeId} has option "${p.option}" more than once`,
  }),
} satisfies Record<string, (params: never) => LocalizedText>;

export type ProblemCode = keyof typeof problemMessages;
export type ProblemParams<C extends ProblemCode> = Parameters<(typeof problemMessages)[C]>[0];
