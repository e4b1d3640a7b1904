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
  function run(slowRequestMs: number, takesMs: number) {
    const lines: Array<Record<string, unknown>> = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const logger = createLogger({ logLevel: 'info', production: true }, stream);
    const metrics = new Metrics(notConnected, notConnected);
    const res = Object.assign(new EventEmitter(), { statusCode: 200 });
    const req = {
      method: 'POST',
      originalUrl: '/graphql?token=secret-value',
      id: 'req-slow-0001',
      body: { operationName: 'SlowOne' },
    };
    const realNow = process.hrtime.bigint;
    const start = realNow();
    let calls = 0;
    process.hrtime.bigint = () => (calls++ === 0 ? start : start + BigInt(takesMs) * 1_000_000n);
    try {
      httpTiming(metrics, { slowRequestMs }, logger)(
        req as unknown as Request,
        res as unknown as Response,
        (() => undefined) as NextFunction,
      );
      res.emit('finish');
    } finally {
      process.hrtime.bigint = realNow;
    }
    return lines;
  }

  it('logs a request above SLOW_REQUEST_MS with its id, operation and a redacted URL', () => {
    const [line] = run(100, 250);
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
    expect(run(100, 50)).toEqual([]);
    expect(run(0, 5000)).toEqual([]);
  });
});
