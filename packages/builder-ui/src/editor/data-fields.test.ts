import { describe, expect, it } from 'vitest';
import { fieldsOf, schemaOf } from './data-fields.ts';

const orderData = {
  type: 'object',
  properties: {
    orderId: { type: 'string' },
    customer: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
    total: { type: 'number' },
  },
  required: ['orderId', 'customer'],
};

describe("the trigger's data as a field list", () => {
  it('should read the fields with their types and whether they are required', () => {
    expect(
      fieldsOf(orderData).map(({ name, type, required }) => ({ name, type, required })),
    ).toEqual([
      { name: 'orderId', type: 'string', required: true },
      // An object's fields each by their path, as journeys read them.
      { name: 'customer.name', type: 'string', required: true },
      { name: 'total', type: 'number', required: false },
    ]);
    expect(fieldsOf(undefined)).toEqual([]);
  });

  it('should write the same schema back, nested fields kept', () => {
    expect(schemaOf(fieldsOf(orderData), orderData)).toEqual(orderData);
  });

  it('should add, retype and un-require fields, and leave unnamed ones out', () => {
    const fields = fieldsOf(orderData);
    fields[2] = { ...fields[2]!, type: 'integer', required: true };
    fields[0] = { ...fields[0]!, required: false };
    fields.push({ name: 'coupon', type: 'string', required: false, schema: {} });
    fields.push({ name: ' ', type: 'string', required: true, schema: {} });
    expect(schemaOf(fields, orderData)).toEqual({
      type: 'object',
      properties: {
        orderId: { type: 'string' },
        customer: orderData.properties.customer,
        total: { type: 'integer' },
        coupon: { type: 'string' },
      },
      required: ['customer', 'total'],
    });
  });

  it('should put a field named by a path inside its object, so that no JSON is needed for it', () => {
    // A new journey's messages go to {{customer.phone}}: the operator adds that field.
    const fields = fieldsOf(orderData);
    fields.push({ name: 'customer.phone', type: 'string', required: true, schema: {} });
    fields.push({ name: 'shipment.carrier', type: 'string', required: false, schema: {} });
    // Half typed: left out until named.
    fields.push({ name: 'shipment.', type: 'string', required: false, schema: {} });
    const schema = schemaOf(fields, orderData);
    expect(schema).toEqual({
      type: 'object',
      properties: {
        orderId: { type: 'string' },
        customer: {
          type: 'object',
          properties: { name: { type: 'string' }, phone: { type: 'string' } },
          required: ['name', 'phone'],
        },
        total: { type: 'number' },
        shipment: { type: 'object', properties: { carrier: { type: 'string' } } },
      },
      required: ['orderId', 'customer'],
    });
    expect(fieldsOf(schema).map((f) => f.name)).toEqual([
      'orderId',
      'customer.name',
      'customer.phone',
      'total',
      'shipment.carrier',
    ]);
  });
});
