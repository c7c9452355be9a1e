import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EventNotAcceptedError,
  InvalidSnapshotError,
  WorkflowValidationError,
} from '@xiaoer/engine';
import { DomainError } from '../errors/domain-error.ts';
import { unknownHandoff } from '../routing/routing-error.ts';
import { ApiError } from './api-error.ts';
import { errorHandler } from './error-handler.ts';

const open: Server[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** An app whose one route throws `error`, its 500s logged into `lines`. */
async function throwing(error: unknown, lines: string[]): Promise<string> {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const app = express();
  app.get('/boom', () => {
    throw error;
  });
  app.use(errorHandler(pino(sink)));
  const server = app.listen(0, '127.0.0.1');
  open.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/boom`;
}

interface ErrorAnswer {
  status: number;
  body: { error: { code: string; details?: Record<string, unknown> } & Record<string, unknown> };
}

async function answer(error: unknown, lines: string[] = []): Promise<ErrorAnswer> {
  const response = await fetch(await throwing(error, lines));
  return { status: response.status, body: (await response.json()) as ErrorAnswer['body'] };
}

describe('errorHandler', () => {
  it('should answer a domain error with the status of its kind and its zh/en message', async () => {
    const error = new DomainError(
      'conflict',
      'stale',
      { zh: '过期', en: 'Stale' },
      {
        details: { currentRevision: 3 },
      },
    );
    expect(await answer(error)).toEqual({
      status: 409,
      body: {
        error: {
          code: 'stale',
          message: { zh: '过期', en: 'Stale' },
          details: { currentRevision: 3 },
        },
      },
    });
  });

  it('should answer a routing error by its kind', async () => {
    const { status, body } = await answer(unknownHandoff('h-1'));
    expect(status).toBe(404);
    expect(body.error.code).toBe('unknown-handoff');
  });

  it('should answer an escaping engine error with a 4xx in both languages, not a 500', async () => {
    const lines: string[] = [];
    const notAccepted = await answer(new EventNotAcceptedError('paid', 'wait', ['shipped']), lines);
    expect(notAccepted.status).toBe(409);
    expect(notAccepted.body.error).toMatchObject({
      code: 'event.notAccepted',
      message: { zh: expect.stringMatching(/不接受/), en: expect.stringMatching(/"paid"/) },
      details: { eventType: 'paid', nodeId: 'wait', accepted: ['shipped'] },
    });
    const problem = { pointer: '/nodes/0', message: { zh: '缺少', en: 'missing' } };
    const invalid = await answer(new WorkflowValidationError([problem as never]), lines);
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details?.['problems']).toHaveLength(1);
    expect(lines).toEqual([]);
  });

  it('should log an unexpected error with the logger and answer a bare 500', async () => {
    const lines: string[] = [];
    const { status, body } = await answer(new Error('secret internals'), lines);
    expect(status).toBe(500);
    expect(body.error.code).toBe('internal-error');
    expect(JSON.stringify(body)).not.toContain('secret internals');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      level: 50,
      path: '/boom',
      err: { message: 'secret internals' },
    });
  });

  it('should log a damaged snapshot as our fault (500)', async () => {
    const lines: string[] = [];
    const { status } = await answer(new InvalidSnapshotError('bad'), lines);
    expect(status).toBe(500);
    expect(lines).toHaveLength(1);
  });

  it('should keep ApiError a domain error named by its status', () => {
    const error = new ApiError(413, 'too-big', { zh: '太大', en: 'Too big' });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.kind).toBe('too-large');
    expect(() => new ApiError(418, 'teapot', { zh: '壶', en: 'Teapot' })).toThrow(TypeError);
  });
});
