import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { WorkflowDocument } from '@xiaoer/engine';

/** sha256 of the document's canonical JSON (RFC 8785): key order does not change it. */
export function workflowHash(document: WorkflowDocument): string {
  return `sha256:${createHash('sha256')
    .update(canonicalize(document) ?? '')
    .digest('hex')}`;
}
