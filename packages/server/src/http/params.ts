import type { Request } from 'express';

/** A path parameter as a string (Express gives strings for named parameters). */
export function param(request: Request, name: string): string {
  const value: unknown = request.params[name];
  return typeof value === 'string' ? value : '';
}
