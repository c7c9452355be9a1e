import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { JsonObject } from '@xiaoer/engine';

/** Who changed what by hand in the console: one entry per change (`http/audit-trail.ts`). */
export interface AuditRecord {
  _id: string;
  at: Date;
  actor: string;
  action: string;
  target: string;
  details: JsonObject;
}

export function auditModels(connection: Connection): { Audit: Model<AuditRecord> } {
  return {
    Audit: connection.model(
      'Audit',
      new Schema(
        {
          _id: { type: String, default: () => randomUUID() },
          at: { type: Date, required: true },
          actor: { type: String, required: true },
          action: { type: String, required: true },
          target: { type: String, required: true },
          details: { type: Schema.Types.Mixed, default: {} },
        },
        { versionKey: false, minimize: false, collection: 'audit' },
      ),
    ) as unknown as Model<AuditRecord>,
  };
}
