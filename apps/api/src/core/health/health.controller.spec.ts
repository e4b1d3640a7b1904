import type { HealthCheckResult } from '@nestjs/terminus';
import { statusOnly } from './health.controller';

describe('statusOnly', () => {
  it('keeps each part’s status and nothing else (no driver message, no address)', () => {
    const result = {
      status: 'error',
      info: { search: { status: 'up', version: '1.21.0' } },
      error: {
        database: { status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
      },
      details: {
        search: { status: 'up', version: '1.21.0' },
        database: { status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
      },
    } as unknown as HealthCheckResult;
    const stripped = statusOnly(result);
    expect(stripped).toEqual({
      status: 'error',
      info: { search: { status: 'up' } },
      error: { database: { status: 'down' } },
      details: { search: { status: 'up' }, database: { status: 'down' } },
    });
    expect(JSON.stringify(stripped)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|version/);
  });

  it('answers empty parts when terminus gives none, and down for a part without a status', () => {
    const result = {
      status: 'error',
      details: { database: undefined },
    } as unknown as HealthCheckResult;
    expect(statusOnly(result)).toEqual({
      status: 'error',
      info: {},
      error: {},
      details: { database: { status: 'down' } },
    });
  });
});
