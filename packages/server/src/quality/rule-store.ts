import type { QualityModels } from '../model/models.ts';
import type { QualityRuleRecord } from '../model/quality.model.ts';
import { insertNew } from '../model/insert-new.ts';
import { DEFAULT_RULES, type RuleSetting } from './default-rules.ts';
import { RULE_IDS, type QualityRule, type RuleId } from './quality-rule.ts';

/** The rules with the version they make together (it goes into every report). */
export interface Ruleset {
  version: number;
  rules: QualityRule[];
}

/** A change to one rule; `params` replaces the rule's parameters whole. */
export type RuleChange<K extends RuleId = RuleId> = Partial<
  Pick<RuleSetting<K>, 'enabled' | 'weight' | 'params'>
>;
/** Changes to some rules, keyed by rule id (the body of `PUT /api/quality/rules`). */
export type RulesChange = { [K in RuleId]?: RuleChange<K> };

const toRule = (record: QualityRuleRecord): QualityRule => ({
  id: record._id,
  enabled: record.enabled,
  weight: record.weight,
  params: record.params,
  version: record.version,
  updatedAt: record.updatedAt,
  updatedBy: record.updatedBy,
});

/**
 * The quality rules in `qualityRules`, one document per rule (seven, read whole: a scan of seven
 * documents). Missing rules are seeded with {@link DEFAULT_RULES} on first read: version 1 in
 * an empty store, the next version when the store held the others (a rule added by an update). A change
 * saves the changed rules with the next ruleset version; two operators saving at the same
 * moment may both take the same version (last write wins per rule), which only blurs which
 * version a report names.
 */
export class QualityRuleStore {
  readonly #models: QualityModels;

  constructor(models: QualityModels) {
    this.#models = models;
  }

  async ruleset(): Promise<Ruleset> {
    let records = await this.#models.QualityRules.find({}).lean<QualityRuleRecord[]>();
    const missing = RULE_IDS.filter((id) => !records.some((r) => r._id === id));
    if (missing.length > 0) {
      // A rule added to a stored ruleset (a newer version of Xiaoer) makes it a new version:
      // reports inspected before and after name different versions.
      const version = records.length === 0 ? 1 : Math.max(...records.map((r) => r.version)) + 1;
      await insertNew(
        this.#models.QualityRules,
        missing.map((id) => {
          const { id: _id, ...setting } = DEFAULT_RULES[id];
          return { _id, ...setting, version, updatedAt: new Date(), updatedBy: 'xiaoer' };
        }),
      );
      records = await this.#models.QualityRules.find({}).lean<QualityRuleRecord[]>();
    }
    const rules = RULE_IDS.map((id) => records.find((r) => r._id === id))
      .filter((r): r is QualityRuleRecord => !!r)
      .map(toRule);
    return { version: Math.max(1, ...rules.map((r) => r.version)), rules };
  }

  /** Saves already-validated changes as the next version; returns the new ruleset. */
  async change(changes: RulesChange, by: string): Promise<Ruleset> {
    const { version } = await this.ruleset();
    const next = version + 1;
    const updatedAt = new Date();
    for (const id of RULE_IDS) {
      const change = changes[id] as RuleChange | undefined;
      if (!change) continue;
      await this.#models.QualityRules.updateOne(
        { _id: id },
        { $set: { ...change, version: next, updatedAt, updatedBy: by } },
      );
    }
    return this.ruleset();
  }
}
