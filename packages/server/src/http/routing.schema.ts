import { AGENT_STATUSES } from '../routing/agent-selection.ts';
import { INTENT_IDS } from '../intents/intent-ids.ts';

/** A skill group's id in its URL: `after-sales`. */
export const SKILL_GROUP_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

const text = { type: 'string', minLength: 1, maxLength: 80 } as const;
const groupId = { type: 'string', pattern: SKILL_GROUP_ID.source } as const;

const skillGroupFields = {
  title: {
    type: 'object',
    required: ['zh', 'en'],
    additionalProperties: false,
    properties: { zh: text, en: text },
  },
  intents: { type: 'array', uniqueItems: true, items: { enum: [...INTENT_IDS] } },
} as const;

/** Request bodies of the routing API (also in the OpenAPI document). */
export const routingBodySchemas = {
  skillGroup: {
    type: 'object',
    required: ['title', 'intents'],
    additionalProperties: false,
    properties: skillGroupFields,
  },
  /** A new group: its id too (taken once; a second create of it is refused). */
  newSkillGroup: {
    type: 'object',
    required: ['id', 'title', 'intents'],
    additionalProperties: false,
    properties: { id: groupId, ...skillGroupFields },
  },
  agent: {
    type: 'object',
    minProperties: 1,
    additionalProperties: false,
    properties: {
      displayName: text,
      skills: { type: 'array', uniqueItems: true, maxItems: 20, items: groupId },
      maxConcurrent: { type: 'integer', minimum: 1, maximum: 50 },
    },
  },
  /** What an agent changes of themselves: the name customers see. */
  agentProfile: {
    type: 'object',
    required: ['displayName'],
    additionalProperties: false,
    properties: { displayName: { ...text, pattern: '\\S' } },
  },
  agentStatus: {
    type: 'object',
    required: ['status'],
    additionalProperties: false,
    properties: { status: { enum: [...AGENT_STATUSES] } },
  },
  transfer: {
    type: 'object',
    required: ['group'],
    additionalProperties: false,
    properties: { group: groupId },
  },
} as const;
