import { Schema, type Connection, type Model, type SchemaOptions } from 'mongoose';

/** A maker of models on one connection. */
export type ModelMaker = <T>(
  name: string,
  collection: string,
  fields: Record<string, unknown>,
) => Model<T>;

/**
 * Makes models on `connection` whose `_id` is a string the caller chooses (so finds by `_id`
 * use FerretDB's one index) and whose documents carry no version key.
 */
export function stringIdModels(connection: Connection, extra: SchemaOptions = {}): ModelMaker {
  return <T>(name: string, collection: string, fields: Record<string, unknown>) =>
    connection.model(
      name,
      new Schema({ _id: String, ...fields }, { versionKey: false, ...extra, collection }),
    ) as unknown as Model<T>;
}
