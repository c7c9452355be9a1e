import type { Connection, Model } from 'mongoose';
import { stringIdModels } from './string-id-model.ts';

/**
 * One answer a chat visitor gave to "the last four digits of the order's phone": `_id` is the
 * order id and the journey call's idempotency key (a retried call is one answer), `matched`
 * whether the digits were right. Wrong answers per order are limited (`OrderPhoneCheck`).
 */
export interface PhoneCheckRecord {
  _id: string;
  orderId: string;
  at: Date;
  matched: boolean;
}

export function phoneCheckModels(connection: Connection): {
  PhoneChecks: Model<PhoneCheckRecord>;
} {
  const model = stringIdModels(connection);
  return {
    PhoneChecks: model<PhoneCheckRecord>('PhoneCheck', 'phoneChecks', {
      orderId: { type: String, required: true },
      at: { type: Date, required: true },
      matched: { type: Boolean, required: true },
    }),
  };
}
