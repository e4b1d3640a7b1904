import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { createLogger } from '../logging/logger';
import { missingMigrations } from '../health/readiness';
import { httpTiming } from './instrumentation';
import { bearerMatches } from './metrics.controller';
import { MAX_OPERATION_LABELS, Metrics } from './metrics.service';

const notConnected = { isInitialized: false } as unknown as DataSource;

describe('Metrics.operationLabel', () => {
  it('keeps names, folds anonymous and odd ones, and stops adding names at the bound', () => {
    const metrics = new Metrics(notConnected, notConnected);
    expect(metrics.operationLabel(undefined)).toBe('anonymous');
    expect(metrics.operationLabel('')).toBe('anonymous');
    expect(metrics.operationLabel('not a name')).toBe('other');
    expect(metrics.operationLabel('PracticePage')).toBe('PracticePage');
    for (let n = 0; n < MAX_OPERATION_LABELS * 2; n += 1) metrics.operationLabel(`Flood${n}`);
    expect(metrics.operationLabel('BrandNew')).toBe('other');
    expect(metrics.operationLabel('PracticePage')).toBe('PracticePage');
  });
});

describe('bearerMatches', () => {
  it('accepts only the exact bearer token', () => {
    const token = 'metrics-token-0123456789';
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`Bearer ${token}0`, token)).toBe(false);
    expect(bearerMatches(`Basic ${token}`, token)).toBe(false);
    expect(bearerMatches(token, token)).toBe(false);
    expect(bearerMatches(undefined, token)).toBe(false);
  });
});

describe('missingMigrations', () => {
  it('lists the known migrations the database has not applied, in order', () => {
    expect(missingMigrations(['A1', 'B2', 'C3'], ['A1', 'C3'])).toEqual(['B2']);
    expect(missingMigrations(['A1'], ['A1', 'Z9'])).toEqual([]);
  });
});

describe('httpTiming', () => {
  interface Run {
    slowRequestMs?: number;
    takesMs?: number;
    status?: number;
    /** The client went away: 'close' without 'finish'. */
    aborted?: boolean;
    level?: 'info' | 'debug';
    url?: string;
    requestId?: string;
  }
  function run(options: Run = {}) {
    const lines: Array<Record<string, unknown>> = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const logger = createLogger({ logLevel: options.level ?? 'info', production: true }, stream);
    const metrics = new Metrics(notConnected, notConnected);
    const headers: Record<string, string> = {};
    const res = Object.assign(new EventEmitter(), {
      statusCode: options.status ?? 200,
      writableFinished: !options.aborted,
      setHeader: (name: string, value: string) => (headers[name] = value),
    });
    const req: Record<string, unknown> = {
      method: 'POST',
      originalUrl: options.url ?? '/graphql?token=secret-value',
      headers: { 'x-request-id': options.requestId ?? 'req-slow-0001' },
      body: { operationName: 'SlowOne' },
    };
    const realNow = process.hrtime.bigint;
    const start = realNow();
    let calls = 0;
    const takes = BigInt(options.takesMs ?? 5) * 1_000_000n;
    process.hrtime.bigint = () => (calls++ === 0 ? start : start + takes);
    try {
      httpTiming(metrics, { slowRequestMs: options.slowRequestMs ?? 0 }, logger)(
        req as unknown as Request,
        res as unknown as Response,
        (() => undefined) as NextFunction,
      );
      if (!options.aborted) res.emit('finish');
      res.emit('close');
    } finally {
      process.hrtime.bigint = realNow;
    }
    return { lines, headers, req, metrics };
  }

  it('logs a request above SLOW_REQUEST_MS with its id, operation and a redacted URL', () => {
    const [line] = run({ slowRequestMs: 100, takesMs: 250 }).lines;
    expect(line).toMatchObject({
      level: 40,
      msg: 'slow request',
      reqId: 'req-slow-0001',
      operation: 'SlowOne',
      url: '/graphql?token=[redacted]',
      ms: 250,
    });
    expect(JSON.stringify(line)).not.toContain('secret-value');
  });

  it('logs nothing below the threshold or when it is 0', () => {
    expect(run({ slowRequestMs: 100, takesMs: 50 }).lines).toEqual([]);
    expect(run({ slowRequestMs: 0, takesMs: 5000 }).lines).toEqual([]);
  });

  it('names the request: a sane incoming id is kept and echoed, another is replaced', () => {
    const kept = run();
    expect(kept.req.id).toBe('req-slow-0001');
    expect(kept.headers['x-request-id']).toBe('req-slow-0001');
    const replaced = run({ requestId: 'bad id!' });
    expect(replaced.req.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(replaced.headers['x-request-id']).toBe(replaced.req.id);
  });

  it('writes the access line by status: 2xx at debug only, 4xx at info, 5xx at error', () => {
    expect(run({ status: 200 }).lines).toEqual([]);
    const [debug] = run({ status: 200, level: 'debug' }).lines;
    expect(debug).toMatchObject({
      level: 20,
      msg: 'request completed',
      req: { id: 'req-slow-0001', method: 'POST', url: '/graphql?token=[redacted]' },
      res: { statusCode: 200 },
      responseTime: 5,
    });
    expect(run({ status: 404 }).lines).toEqual([
      expect.objectContaining({ level: 30, msg: 'request completed', res: { statusCode: 404 } }),
    ]);
    const [failed] = run({ status: 503 }).lines;
    expect(failed).toMatchObject({ level: 50, msg: 'request errored' });
    expect(JSON.stringify([debug, failed])).not.toContain('secret-value');
  });

  it('logs an aborted request once, at info, and leaves it out of the duration histogram', async () => {
    const { lines, metrics } = run({ aborted: true });
    expect(lines).toEqual([expect.objectContaining({ level: 30, msg: 'request aborted' })]);
    const histogram = await metrics.httpDuration.get();
    expect(histogram.values.every((value) => value.value === 0)).toBe(true);
    const finished = run({});
    const counted = await finished.metrics.httpDuration.get();
    expect(counted.values.some((value) => value.value > 0)).toBe(true);
  });

  it('writes no access line for probes and scrapes', () => {
    expect(run({ status: 503, url: '/health/ready' }).lines).toEqual([]);
  });
});
