import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Router } from 'express';
import { DEMO_CUSTOMER_ID } from '@xiaoer/demo-shop';
import { signCustomer } from '../conversations/customer-signature.ts';
import { responds } from './route-metadata.ts';
import { extraResponseSchemas } from './extra.response.ts';

/** How long the demo page's signature of its customer holds: an hour. */
const SIGNATURE_LIFETIME_S = 3600;

/**
 * The demo shop's chat page, signed the way a shop's server signs its logged-in customer: the
 * widget tag carries the signature of `demo-customer` (who owns the demo's orders), so the
 * chat journeys can act on those orders. Anyone else chatting is anonymous and must verify.
 */
export function demoChatRouter(consoleDirectory: string, customerSecret: string): Router {
  const router = Router();
  router.get(
    '/chat-demo.html',
    responds(extraResponseSchemas.demoPage),
    async (_request, response, next) => {
      const page = await readFile(join(consoleDirectory, 'chat-demo.html'), 'utf8').catch(
        () => undefined,
      );
      if (!page) return next();
      const expires = Math.floor(Date.now() / 1000) + SIGNATURE_LIFETIME_S;
      const customer = { id: DEMO_CUSTOMER_ID, tier: 'vip' };
      const { value } = signCustomer(customerSecret, customer, expires);
      const signed = page.replace(
        /(<script\s+src="\/chat-widget\.js")/,
        `$1\n      data-signature="${value}"\n      data-expires="${expires}"`,
      );
      response.set('cache-control', 'no-store').type('html').send(signed);
    },
  );
  return router;
}
