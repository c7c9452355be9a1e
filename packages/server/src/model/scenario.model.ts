import { Schema, type Connection, type Model } from 'mongoose';
import type { Scenario } from '@xiaoer/engine/testing';
import { jsonFields } from './json-fields.ts';

/** A simulation scenario saved beside a workflow; `_id` is `workflowId/name`. */
export interface ScenarioRecord {
  _id: string;
  workflowId: string;
  name: string;
  scenario: Scenario;
  savedAt: Date;
  savedBy: string;
}

export function scenarioModels(connection: Connection): { Scenarios: Model<ScenarioRecord> } {
  return {
    Scenarios: connection.model(
      'Scenario',
      new Schema(
        {
          _id: String,
          workflowId: { type: String, required: true },
          name: { type: String, required: true },
          scenario: { type: String, required: true },
          savedAt: { type: Date, required: true },
          savedBy: { type: String, required: true },
        },
        { versionKey: false, collection: 'scenarios' },
      ),
    ) as unknown as Model<ScenarioRecord>,
  };
}

/** The scenario is stored as JSON text (see json-fields.ts). */
export const scenarioJson = jsonFields<ScenarioRecord>('scenario');
