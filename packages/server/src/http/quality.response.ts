import { RULE_IDS } from '../model/quality-rule.types.ts';
import { ROLES } from '../model/auth.model.ts';
import {
  arrayOf,
  boolean,
  dateTime,
  integer,
  localizedText,
  nullable,
  number,
  object,
  oneOf,
  text,
} from './response-schema.ts';

const ruleId = oneOf(...RULE_IDS);
const phraseLists = object({ zh: arrayOf(text), en: arrayOf(text) });

const rule = object({
  id: ruleId,
  enabled: boolean,
  weight: integer,
  params: object(
    {},
    {
      words: phraseLists,
      phrases: phraseLists,
      withinMessages: integer,
      seconds: number,
      lastMessages: integer,
      threshold: number,
    },
  ),
  version: integer,
  updatedAt: dateTime,
  updatedBy: text,
});

const report = object(
  {
    handoffId: text,
    conversationId: text,
    agentId: text,
    at: dateTime,
    score: number,
    effectiveScore: number,
    findings: arrayOf(object({ rule: ruleId, text: localizedText }, { seq: integer })),
    rulesetVersion: integer,
    inspectedAt: dateTime,
  },
  {
    override: object({ score: number, note: text, by: text, at: dateTime }),
    agentName: text,
    /** Who ended the handoff: `user:<agentId>`, or a supervisor's `user:<id>` (see `endedByRole`). */
    endedBy: nullable(text),
    endedByRole: nullable(oneOf(...ROLES)),
  },
);

const followUp = object({
  id: text,
  conversationId: text,
  seq: integer,
  dueAt: dateTime,
  note: text,
  createdBy: text,
  createdAt: dateTime,
});

/** The success answers of `/api/quality` and the follow-up tasks. */
export const qualityResponseSchemas = {
  ruleset: object({ version: integer, rules: arrayOf(rule) }),
  reports: object({ reports: arrayOf(report), maxLimit: integer }),
  report,
  agents: object({
    agents: arrayOf(
      object({
        agentId: text,
        agentName: text,
        reports: integer,
        averageScore: number,
        overridden: integer,
      }),
    ),
    truncated: boolean,
  }),
  followUp,
  followUps: object({ followUps: arrayOf(followUp) }),
} as const;
