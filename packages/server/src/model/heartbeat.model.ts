import { Schema, type Connection, type Model } from 'mongoose';

/** A live server process's heartbeat; `_id` names the process (`host:pid:random`). */
export interface HeartbeatRecord {
  _id: string;
  beatAt: Date;
}

export function heartbeatModels(connection: Connection): { Heartbeats: Model<HeartbeatRecord> } {
  return {
    Heartbeats: connection.model(
      'Heartbeat',
      new Schema(
        { _id: String, beatAt: { type: Date, required: true } },
        { versionKey: false, collection: 'heartbeats' },
      ),
    ) as unknown as Model<HeartbeatRecord>,
  };
}
