import { describe, expect, it } from 'vitest';
import type { Request } from 'express';
import type { Role } from '../model/auth.model.ts';
import { customerDataFor, maskCustomerData, seesPersonalData } from './customer-data-view.ts';

const asUser = (role: Role) => ({ principal: { kind: 'user', id: 'u', role } }) as Request;

describe('who sees customer data whole', () => {
  it('should be those who operate or handle, not those who only read', () => {
    expect(seesPersonalData(asUser('admin').principal)).toBe(true);
    expect(seesPersonalData(asUser('operator').principal)).toBe(true);
    expect(seesPersonalData(asUser('agent').principal)).toBe(true);
    expect(seesPersonalData(asUser('viewer').principal)).toBe(false);
    expect(seesPersonalData(undefined)).toBe(false);
  });

  it("should mask a viewer's answer and its JSON text, and leave an operator's as it is", () => {
    const answer = { customer: { name: '张三', phone: '13800138000' } };
    expect(customerDataFor(asUser('operator'))(answer)).toBe(answer);
    expect(customerDataFor(asUser('viewer'))(answer)).toEqual({
      customer: { name: '张*', phone: '138****8000' },
    });
    expect(customerDataFor(asUser('viewer')).json(JSON.stringify(answer))).toBe(
      '{"customer":{"name":"张*","phone":"138****8000"}}',
    );
    expect(answer.customer.phone).toBe('13800138000');
  });
});

describe('maskCustomerData', () => {
  it('should mask fields by their names, as platforms spell them', () => {
    expect(
      maskCustomerData({
        buyer_phone: 13800138000,
        receiver_tel: '13800138000',
        receiver_name: '李四',
        contactEmail: 'li@example.com',
        shipping_address: {
          first_name: 'John',
          last_name: 'Smith',
          name: 'John Smith',
          address1: '1 Main St',
          zip: '62701',
          city: 'Springfield',
          province: 'IL',
          country_code: 'US',
        },
      }),
    ).toEqual({
      buyer_phone: '138****8000',
      receiver_tel: '138****8000',
      receiver_name: '李*',
      contactEmail: 'l***@example.com',
      shipping_address: {
        first_name: 'J***',
        last_name: 'S***',
        name: 'J***',
        address1: '***',
        zip: '***',
        city: 'Springfield',
        province: 'IL',
        country_code: 'US',
      },
    });
  });

  it("should leave names that are no person's, and ids, as they are", () => {
    const answer = {
      id: 'order-lifecycle:13800138000:1',
      orderId: '13800138000',
      correlation: 'NT-1',
      instances: ['order-lifecycle:13800138000:1'],
      refs: ['13800138000'],
      workflowId: 'counter',
      name: 'Order lifecycle',
      items: [{ name: 'T 恤', sku: 'TS-1' }],
      agentName: '小美',
      total: 13800138000,
    };
    expect(maskCustomerData(answer)).toEqual(answer);
  });

  it("should mask a customer's own id when it is a phone number", () => {
    expect(
      maskCustomerData({ customer: { id: '13800138000' }, customerId: '13800138000' }),
    ).toEqual({ customer: { id: '138****8000' }, customerId: '138****8000' });
  });

  it('should mask a recorded change by the field it names', () => {
    expect(
      maskCustomerData({
        dataChanges: [
          { key: 'customer.name', before: '李四', after: '王五' },
          { key: 'address', after: '北京市朝阳区建国路 1 号' },
          { key: 'count', before: 1, after: 2 },
        ],
      }),
    ).toEqual({
      dataChanges: [
        { key: 'customer.name', before: '李*', after: '王*' },
        { key: 'address', after: '北京市***' },
        { key: 'count', before: 1, after: 2 },
      ],
    });
  });

  it('should mask phone numbers and emails in any other text', () => {
    expect(
      maskCustomerData({
        effect: { kind: 'send', to: '+8613800138000', text: '您好，已发送至 a@b.cn' },
        error: { message: 'no such number 13900000000' },
      }),
    ).toEqual({
      effect: { kind: 'send', to: '+86 138****8000', text: '您好，已发送至 a***@b.cn' },
      error: { message: 'no such number 139****0000' },
    });
  });
});
