import { Schema, type Connection, type Model } from 'mongoose';
import type { LocalizedText } from '@xiaoer/engine';
import type { Finding, RuleId, RuleParams } from './quality-rule.types.ts';
import { stringIdModels } from './string-id-model.ts';
import type { Role } from './auth.model.ts';

/** A quality rule as stored; `_id` is the rule id (one rule per kind). */
export interface QualityRuleRecord {
  _id: RuleId;
  enabled: boolean;
  weight: number;
  params: RuleParams[RuleId];
  /** The ruleset version it was last saved in; the ruleset's version is the highest. */
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

/** An operator's review of a report: the score they give, and why. */
export interface QualityOverride {
  score: number;
  note: string;
  by: string;
  at: Date;
}

/** The quality report of one resolved handoff; `_id` is the handoff id (one report each). */
export interface QualityReportRecord {
  _id: string;
  conversationId: string;
  agentId: string;
  /** When the handoff was resolved. */
  at: Date;
  /** The automatic score, 0–100. */
  score: number;
  findings: Finding[];
  rulesetVersion: number;
  /** Kept beside the automatic score; when present its score is the one that counts. */
  override?: QualityOverride;
  inspectedAt: Date;
  /**
   * Who ended the handoff, as the handoff says (`HandoffRecord.endedBy`): `user:<agentId>` when
   * its agent did, another `user:` when a supervisor did it for them (then the agent is judged
   * only on what they wrote). Absent on reports of handoffs that did not say, and older ones.
   */
  endedBy?: string | null;
  /** The role the console user of `endedBy` acted in. */
  endedByRole?: Role | null;
}

/**
 * A resolved handoff not inspected yet; deleted once its report is saved. What a process that
 * died in between left is inspected by recovery. Small by design (FerretDB scans it).
 */
export interface QualityInboxEntry {
  _id: string;
  conversationId: string;
  notedAt: Date;
}

/** A task to come back to a customer; `_id` is `<conversation>:<n>`, n = 1, 2, 3… */
export interface FollowUpRecord {
  _id: string;
  conversationId: string;
  seq: number;
  dueAt: Date;
  note: string;
  createdBy: string;
  createdAt: Date;
}

export function qualityModels(connection: Connection): {
  QualityRules: Model<QualityRuleRecord>;
  QualityReports: Model<QualityReportRecord>;
  QualityInbox: Model<QualityInboxEntry>;
  FollowUps: Model<FollowUpRecord>;
} {
  const text = { zh: String, en: String } satisfies Record<keyof LocalizedText, unknown>;
  const finding = new Schema({ rule: String, seq: Number, text }, { _id: false });
  const override = new Schema(
    { score: Number, note: String, by: String, at: Date },
    { _id: false },
  );
  const model = stringIdModels(connection, { minimize: false });
  return {
    QualityRules: model<QualityRuleRecord>('QualityRule', 'qualityRules', {
      enabled: { type: Boolean, required: true },
      weight: { type: Number, required: true },
      params: { type: Schema.Types.Mixed, required: true },
      version: { type: Number, required: true },
      updatedAt: { type: Date, required: true },
      updatedBy: { type: String, required: true },
    }),
    QualityReports: model<QualityReportRecord>('QualityReport', 'qualityReports', {
      conversationId: { type: String, required: true },
      agentId: { type: String, required: true },
      at: { type: Date, required: true },
      score: { type: Number, required: true },
      findings: { type: [finding], default: [] },
      rulesetVersion: { type: Number, required: true },
      override: { type: override, default: undefined },
      inspectedAt: { type: Date, required: true },
      endedBy: { type: String, default: undefined },
      endedByRole: { type: String, default: undefined },
    }),
    QualityInbox: model<QualityInboxEntry>('QualityInbox', 'qualityInbox', {
      conversationId: { type: String, required: true },
      notedAt: { type: Date, required: true },
    }),
    FollowUps: model<FollowUpRecord>('FollowUp', 'followUps', {
      conversationId: { type: String, required: true },
      seq: { type: Number, required: true },
      dueAt: { type: Date, required: true },
      note: { type: String, default: '' },
      createdBy: { type: String, required: true },
      createdAt: { type: Date, required: true },
    }),
  };
}
