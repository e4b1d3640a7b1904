import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { JobClock } from '../src/core/jobs/job-clock';
import { JobRegistry } from '../src/core/jobs/job-registry';
import { JobScheduler } from '../src/core/jobs/job-scheduler';
import type { ScheduledJob } from '../src/core/jobs/scheduled-job';
import { createSystemDb, SYSTEM_DB } from '../src/database/system-db';
import { startTestPlatform, type TestPlatform } from './harness';

const HOUR = 3_600_000;

/** A clock the test moves. */
class TestClock implements JobClock {
  constructor(private at: Date) {}
  now(): Date {
    return this.at;
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

/** A promise the test resolves when it wants to. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/**
 * The scheduler against the real database: two schedulers on two pools stand for two API
 * instances. The jobs here are the file's own (names with a random tag) on registries of
 * their own, so the run records read are only theirs.
 */
describe('JobScheduler', () => {
  let api: TestPlatform;
  let ownerDb: DataSource;
  let secondInstanceDb: DataSource;
  const tag = randomBytes(4).toString('hex');
  const config = { jobsEnabled: true, jobsPollMs: 60_000, jobsShutdownWaitMs: 30_000 };

  const scheduler = (db: DataSource, clock: JobClock, jobs: ScheduledJob[], wait = config) => {
    const registry = new JobRegistry();
    for (const job of jobs) registry.register(job);
    return new JobScheduler(registry, db, wait, clock);
  };
  const runs = (name: string) =>
    api.ownerQuery<{ ran_for: Date; finished_at: Date | null; error: string | null }>(
      'SELECT ran_for, finished_at, error FROM scheduled_job_run WHERE name = $1 ORDER BY id',
      [name],
    );

  beforeAll(async () => {
    api = await startTestPlatform();
    ownerDb = api.platform.app.get<DataSource>(SYSTEM_DB);
    secondInstanceDb = await createSystemDb(api.platform.config, 2);
  });

  afterAll(async () => {
    await secondInstanceDb?.destroy();
    await api?.stop();
  });

  it('runs a due job once across two instances, and again one interval later', async () => {
    const name = `test-once-${tag}`;
    const ranFor: Date[] = [];
    const entered = gate();
    const release = gate();
    const job: ScheduledJob = {
      name,
      everyMs: HOUR,
      run: async (now) => {
        ranFor.push(now);
        entered.open();
        await release.promise;
      },
    };
    const clock = new TestClock(new Date('2031-05-01T03:00:00Z'));
    const first = scheduler(ownerDb, clock, [job]);
    const second = scheduler(secondInstanceDb, clock, [job]);

    const firstPass = first.tick();
    await entered.promise;
    // While the first instance runs it, the second does not get the job's lock.
    expect((await second.tick()).get(name)).toBe('busy');
    release.open();
    expect((await firstPass).get(name)).toBe('ran');
    // Afterwards the second instance reads the first one's run: not due for this time.
    expect((await second.tick()).get(name)).toBe('not-due');
    expect((await first.tick()).get(name)).toBe('not-due');
    expect(ranFor).toEqual([new Date('2031-05-01T03:00:00Z')]);

    clock.advance(HOUR - 1);
    expect((await second.tick()).get(name)).toBe('not-due');
    clock.advance(1);
    expect((await second.tick()).get(name)).toBe('ran');
    expect(ranFor).toEqual([new Date('2031-05-01T03:00:00Z'), new Date('2031-05-01T04:00:00Z')]);
    expect(await runs(name)).toEqual([
      { ran_for: new Date('2031-05-01T03:00:00Z'), finished_at: expect.any(Date), error: null },
      { ran_for: new Date('2031-05-01T04:00:00Z'), finished_at: expect.any(Date), error: null },
    ]);
  });

  it('starts on application start when enabled, and not when disabled', async () => {
    const name = `test-start-${tag}`;
    const started = gate();
    const job: ScheduledJob = { name, everyMs: HOUR, run: async () => started.open() };
    const clock = new TestClock(new Date('2031-05-05T00:00:00Z'));
    const disabled = scheduler(ownerDb, clock, [job], { ...config, jobsEnabled: false });
    disabled.onApplicationBootstrap();
    await disabled.stop();
    expect(await runs(name)).toEqual([]);

    const enabled = scheduler(ownerDb, clock, [job]);
    enabled.onApplicationBootstrap();
    await started.promise;
    await enabled.onApplicationShutdown();
    expect(await runs(name)).toHaveLength(1);
  });

  it('runs it once when two instances poll at the same moment', async () => {
    const name = `test-race-${tag}`;
    let count = 0;
    const job: ScheduledJob = {
      name,
      everyMs: HOUR,
      run: async () => {
        count += 1;
      },
    };
    const clock = new TestClock(new Date('2031-05-02T00:00:00Z'));
    const outcomes = await Promise.all([
      scheduler(ownerDb, clock, [job]).tick(),
      scheduler(secondInstanceDb, clock, [job]).tick(),
    ]);
    expect(count).toBe(1);
    expect(outcomes.map((outcome) => outcome.get(name)).sort()).toEqual(
      // The loser either found the lock taken or, after it, the winner's record.
      expect.arrayContaining(['ran']),
    );
    expect(await runs(name)).toHaveLength(1);
  });

  it('records a failure, runs the other jobs, and runs the failed one again when next due', async () => {
    const failing = `test-failing-${tag}`;
    const other = `test-after-failing-${tag}`;
    let attempts = 0;
    let otherRuns = 0;
    const jobs: ScheduledJob[] = [
      {
        name: failing,
        everyMs: HOUR,
        run: async () => {
          attempts += 1;
          if (attempts === 1) throw new Error('the mail server is away');
        },
      },
      {
        name: other,
        everyMs: HOUR,
        run: async () => {
          otherRuns += 1;
        },
      },
    ];
    const clock = new TestClock(new Date('2031-05-03T00:00:00Z'));
    const instance = scheduler(ownerDb, clock, jobs);

    const pass = await instance.tick();
    expect(pass.get(failing)).toBe('failed');
    expect(pass.get(other)).toBe('ran');
    expect(otherRuns).toBe(1);
    const [failed] = await runs(failing);
    expect(failed.error).toContain('the mail server is away');
    expect(failed.finished_at).toEqual(new Date('2031-05-03T00:00:00Z'));

    // Not retried at every poll: the next run is one interval later, and then it succeeds.
    expect((await instance.tick()).get(failing)).toBe('not-due');
    clock.advance(HOUR);
    expect((await instance.tick()).get(failing)).toBe('ran');
    expect(attempts).toBe(2);
    expect((await runs(failing)).map((run) => run.error === null)).toEqual([false, true]);
  });

  it('waits on shutdown for a running job, but only as long as allowed', async () => {
    const name = `test-shutdown-${tag}`;
    const events: string[] = [];
    const entered = gate();
    const release = gate();
    const job: ScheduledJob = {
      name,
      everyMs: HOUR,
      run: async () => {
        entered.open();
        await release.promise;
        events.push('job finished');
      },
    };
    const clock = new TestClock(new Date('2031-05-04T00:00:00Z'));
    const instance = scheduler(ownerDb, clock, [job]);
    const pass = instance.tick();
    await entered.promise;
    const stopped = instance.stop().then(() => events.push('stopped'));
    await new Promise((resolve) => setImmediate(resolve));
    release.open();
    await stopped;
    await pass;
    expect(events).toEqual(['job finished', 'stopped']);
    // A stopped scheduler starts nothing.
    clock.advance(HOUR);
    expect((await instance.tick()).size).toBe(0);

    // A job that hangs holds the shutdown only JOBS_SHUTDOWN_WAIT_MS.
    const hanging = gate();
    const hangs = gate();
    const stuck = scheduler(
      ownerDb,
      clock,
      [
        {
          name: `test-hanging-${tag}`,
          everyMs: HOUR,
          run: async () => {
            hangs.open();
            await hanging.promise;
          },
        },
      ],
      { ...config, jobsShutdownWaitMs: 20 },
    );
    const stuckPass = stuck.tick();
    await hangs.promise;
    await stuck.stop();
    hanging.open();
    expect((await stuckPass).get(`test-hanging-${tag}`)).toBe('ran');
  });
});
