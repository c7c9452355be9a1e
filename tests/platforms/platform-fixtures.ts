import { readFileSync } from 'node:fs';
import { parsePlatformJson, type Translation } from '@xiaoer/server';

/** A real platform payload from tests/fixtures/platforms (see PROVENANCE.md there). */
export function platformFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/platforms/${name}`, import.meta.url), 'utf8');
}

/** A fixture parsed as the webhook route parses it (big ids kept exact). */
export function platformPayload(name: string): Record<string, unknown> {
  return parsePlatformJson(platformFixture(name)) as Record<string, unknown>;
}

/** The events of a translation; fails the test when it was ignored or invalid. */
export function eventsOf(translation: Translation) {
  if (!('events' in translation)) throw new Error(`no events: ${JSON.stringify(translation)}`);
  return translation.events;
}

/**
 * A parcel as the WooCommerce Shipment Tracking extension stores it in the order's
 * `_wc_shipment_tracking_items` meta (documented fields; see PROVENANCE.md).
 */
export const customCourierParcel = {
  tracking_provider: '',
  custom_tracking_provider: 'Example Courier',
  custom_tracking_link: 'https://example.com/track/%1$s',
  tracking_number: '12345678',
  date_shipped: '1783728000',
  tracking_id: 'feb9bde4475fda92cc9408607b7ecb66',
};
