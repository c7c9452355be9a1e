import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { WorkflowDocument } from '@xiaoer/engine';
import { SHIPPED_WORKFLOWS } from './publish-directory.ts';

/** Small journeys to start from, beside the shipped ones (never published on their own). */
export const STARTER_TEMPLATES = path.join(SHIPPED_WORKFLOWS, 'templates');

/** A journey to start a new one from, as the console lists it. */
export interface JourneyTemplate {
  id: string;
  name: string;
  description: string;
  /** `starter` (small, to learn and adapt) or `shipped` (a journey Xiaoer ships ready to run). */
  kind: 'starter' | 'shipped';
  nodes: number;
  /** The event that starts it, e.g. `order.created`. */
  trigger: string;
}

/**
 * The journeys in `workflows/templates` (starters) and `workflows` (the shipped ones), read
 * once: a new journey starts as a copy of one of them.
 */
export class JourneyTemplates {
  private loaded?: Promise<Map<string, { template: JourneyTemplate; document: WorkflowDocument }>>;

  constructor(
    private readonly directories: { starter: string; shipped: string } = {
      starter: STARTER_TEMPLATES,
      shipped: SHIPPED_WORKFLOWS,
    },
  ) {}

  async list(): Promise<JourneyTemplate[]> {
    return [...(await this.load()).values()].map((entry) => entry.template);
  }

  async get(id: string): Promise<WorkflowDocument | undefined> {
    return (await this.load()).get(id)?.document;
  }

  private load() {
    this.loaded ??= (async () => {
      const all = new Map<string, { template: JourneyTemplate; document: WorkflowDocument }>();
      for (const kind of ['starter', 'shipped'] as const) {
        const directory = this.directories[kind];
        const files = (await readdir(directory)).filter((f) => f.endsWith('.json')).sort();
        for (const file of files) {
          const document = JSON.parse(
            await readFile(path.join(directory, file), 'utf8'),
          ) as WorkflowDocument;
          const trigger = document.nodes.find((n) => n.type === 'trigger')?.config['event'];
          all.set(document.id, {
            document,
            template: {
              id: document.id,
              name: document.name,
              description: document.description ?? '',
              kind,
              nodes: document.nodes.length,
              trigger: typeof trigger === 'string' ? trigger : '',
            },
          });
        }
      }
      return all;
    })();
    return this.loaded;
  }
}
