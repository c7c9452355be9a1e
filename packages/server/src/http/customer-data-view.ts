import type { Request } from 'express';
import type { Principal } from '../auth/auth-service.ts';
import { holds } from './authenticate.ts';
import {
  maskAddress,
  maskContactsInText,
  maskEmail,
  maskName,
  maskPhone,
} from './personal-data-masks.ts';

/**
 * Customers' personal data as a console user may see it. Those who work with customers (the
 * `operate` or `handle` permission: admins, operators, agents) see it whole; anyone else who
 * may only `read` (viewers: analysts who need counts, not people) sees it masked — the
 * minimum necessary access of PIPL. The routes that answer customer data pass their answer
 * through {@link customerDataFor}; the domains below know nothing of it. docs/security.md
 * lists those routes.
 */
export function seesPersonalData(principal: Principal | undefined): boolean {
  return holds(principal, 'handle') || holds(principal, 'operate');
}

/** An answer as one caller may see it; `json` does the same for one already written as JSON. */
export interface CustomerDataView {
  <T>(answer: T): T;
  json(text: string): string;
  /** True when this caller's answers are masked. */
  readonly masked: boolean;
}

const whole = Object.assign(<T>(answer: T): T => answer, {
  json: (text: string) => text,
  masked: false,
});
const masked = Object.assign(<T>(answer: T): T => maskCustomerData(answer) as T, {
  json: (text: string) => JSON.stringify(maskCustomerData(JSON.parse(text) as unknown)),
  masked: true,
});

/** The view of customer data for the request's caller. */
export function customerDataFor(request: Request): CustomerDataView {
  return seesPersonalData(request.principal) ? whole : masked;
}

/** What a field holds, by its name (case, `_` and `-` aside). */
type Field = 'phone' | 'email' | 'name' | 'address' | 'person' | 'identifier' | 'text';

const normal = (key: string) => key.toLowerCase().replace(/[_-]/g, '');

/** Objects whose `name` is a person's: the customer, a receiver, an address's addressee. */
const PERSON = /^(customer|buyer|receiver|recipient|consignee|contact|member|billing|shipping)/;
const NAME =
  /^(first|last|full|real|nick|customer|buyer|receiver|recipient|consignee|contact|fansnick)name$|^consignee$/;
/**
 * Ids, keys and references: what links a row to its page, never masked as text — except a
 * person's own id (`customer.id`, `buyerId`), which shops often make the phone number.
 */
const IDENTIFIER = /(id|ids|key|keys|ref|refs)$|^(correlation|seq|revision|instances)$/;

function fieldOf(key: string, inPerson: boolean): Field {
  const k = normal(key);
  if (k.includes('email') || k === 'mail') return 'email';
  if (k.includes('phone') || k.includes('mobile') || /(^|[a-z])tel$|^telephone$/.test(k))
    return 'phone';
  if (k.includes('address')) return 'address';
  if (NAME.test(k) || (inPerson && k === 'name')) return 'name';
  if (PERSON.test(k)) return 'person';
  if (!inPerson && IDENTIFIER.test(k)) return 'identifier';
  return 'text';
}

/** Parts of an address at or above the city level: kept. */
const REGION_PART =
  /^(country|countrycode|countryname|province|provincecode|state|statecode|city)$/;

/** A string or number in `field`, masked as that field's kind. */
function maskValue(value: string | number, field: Field, inAddress: boolean): string | number {
  const text = String(value);
  if (field === 'phone') return maskPhone(text);
  if (field === 'email') return maskEmail(text);
  if (field === 'name') return maskName(text);
  if (field === 'address') return maskAddress(text);
  if (inAddress) return '***';
  if (typeof value === 'number' || field === 'identifier') return value;
  return maskContactsInText(text);
}

interface Place {
  field: Field;
  /** Inside a person's object: its `name` is theirs. */
  inPerson: boolean;
  /** Inside an address object: only its region parts stay. */
  inAddress: boolean;
}

function walk(value: unknown, place: Place): unknown {
  if (typeof value === 'string' || typeof value === 'number') {
    return maskValue(value, place.field, place.inAddress);
  }
  if (Array.isArray(value)) return value.map((item) => walk(item, place));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const inPerson = place.field === 'person' || place.field === 'address';
  const inAddress = place.inAddress || place.field === 'address';
  // A recorded change (`{ key: "customer.phone", before, after }`) names its field in `key`.
  const changed = typeof record['key'] === 'string' && ('before' in record || 'after' in record);
  const path = changed ? String(record['key']).split('.') : [];
  const changedPlace = (): Place => {
    const field = fieldOf(path.at(-1) ?? '', fieldOf(path.at(-2) ?? '', false) === 'person');
    return { field, inPerson: false, inAddress: field === 'address' };
  };
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    if (changed && (key === 'before' || key === 'after')) {
      out[key] = walk(item, changedPlace());
      continue;
    }
    if (inAddress && REGION_PART.test(normal(key)) && typeof item === 'string') {
      out[key] = item;
      continue;
    }
    out[key] = walk(item, { field: fieldOf(key, inPerson), inPerson: false, inAddress });
  }
  return out;
}

/**
 * A JSON answer with every customer phone number, email, name and address masked: fields by
 * their names (`customer.name`, `receiver_tel`, `shipping_address.address1`…), and phone
 * numbers and emails inside any other text (a message, an error, a rendered SMS). Ids, keys
 * and references stay as they are: they are what a row links to.
 */
export function maskCustomerData(answer: unknown): unknown {
  return walk(JSON.parse(JSON.stringify(answer ?? null)) as unknown, {
    field: 'text',
    inPerson: false,
    inAddress: false,
  });
}
