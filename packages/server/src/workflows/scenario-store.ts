import type { Scenario } from '@xiaoer/engine/testing';
import type { WorkflowModels } from '../model/models.ts';
import { replaceById } from '../model/replace-by-id.ts';
import { scenarioJson, type ScenarioRecord } from '../model/scenario.model.ts';
import type { WorkflowService } from './workflow-service.ts';

export interface ScenarioView {
  name: string;
  scenario: Scenario;
  savedAt: Date;
  savedBy: string;
}

const view = ({ name, scenario, savedAt, savedBy }: ScenarioRecord): ScenarioView => ({
  name,
  scenario,
  savedAt,
  savedBy,
});

/**
 * Simulation scenarios saved beside a workflow (the editor's "save scenario"), in the engine's
 * scenario format, so the editor replays them and `xiaoer simulate` runs them.
 */
export class ScenarioStore {
  readonly #models: WorkflowModels;
  readonly #workflows: WorkflowService;

  constructor(models: WorkflowModels, workflows: WorkflowService) {
    this.#models = models;
    this.#workflows = workflows;
  }

  /** The workflow's scenarios by name; 404 for an unknown workflow. */
  async list(workflowId: string): Promise<ScenarioView[]> {
    await this.#workflows.get(workflowId);
    const records = scenarioJson.decodeAll(
      await this.#models.Scenarios.find({ workflowId }).lean(),
    );
    return records.map(view).sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(workflowId: string, name: string): Promise<ScenarioView | null> {
    const stored = await this.#models.Scenarios.findById(`${workflowId}/${name}`).lean();
    return stored ? view(scenarioJson.decode(stored)) : null;
  }

  /** Saves (or replaces) a scenario; 404 for an unknown workflow. */
  async save(workflowId: string, name: string, scenario: Scenario, actor: string) {
    await this.#workflows.get(workflowId);
    const record: ScenarioRecord = {
      _id: `${workflowId}/${name}`,
      workflowId,
      name,
      scenario: { ...scenario, name },
      savedAt: new Date(),
      savedBy: actor,
    };
    await replaceById(this.#models.Scenarios, record._id, record, scenarioJson.encode);
    return view(record);
  }

  /** True when there was such a scenario. */
  async remove(workflowId: string, name: string): Promise<boolean> {
    const { deletedCount } = await this.#models.Scenarios.deleteOne({
      _id: `${workflowId}/${name}`,
    });
    return deletedCount > 0;
  }
}
