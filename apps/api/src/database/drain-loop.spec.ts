import { DrainLoop } from './drain-loop';

/** The run rules every outbox worker shares: one drain at a time, one more after a wake-up. */
describe('DrainLoop', () => {
  function loop(drain: () => Promise<void>, due: () => Promise<number> = async () => 0) {
    const errors: string[] = [];
    return {
      errors,
      loop: new DrainLoop({ name: 'test outbox', drain, due, logError: (m) => errors.push(m) }),
    };
  }

  it('runs one drain at a time and one more for wake-ups that came during it', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    let release: () => void = () => undefined;
    const { loop: subject } = loop(async () => {
      running += 1;
      most = Math.max(most, running);
      runs += 1;
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
      running -= 1;
    });
    subject.kick();
    subject.kick();
    subject.kick();
    release();
    for (let wait = 0; wait < 100 && runs < 2; wait += 1)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await subject.stop();
    expect(most).toBe(1);
    expect(runs).toBe(2);
  });

  it('logs a failed drain under its name and keeps going on the next wake-up', async () => {
    let calls = 0;
    const { loop: subject, errors } = loop(async () => {
      calls += 1;
      if (calls === 1) throw new Error('engine away');
    });
    subject.kick();
    await new Promise((resolve) => setTimeout(resolve, 5));
    subject.kick();
    await subject.stop();
    expect(errors).toEqual(['test outbox drain failed: Error: engine away']);
    expect(calls).toBe(2);
  });

  it('does not wake up once stopped', async () => {
    let calls = 0;
    const { loop: subject } = loop(async () => {
      calls += 1;
    });
    await subject.stop();
    subject.kick();
    expect(calls).toBe(0);
    expect(subject.stopped).toBe(true);
  });

  it('settles when nothing is due, and says so when it cannot in time', async () => {
    let due = 2;
    const { loop: subject } = loop(
      async () => {
        due = Math.max(0, due - 1);
      },
      async () => due,
    );
    await expect(subject.settle(1000)).resolves.toBeUndefined();
    const { loop: stuck } = loop(
      async () => undefined,
      async () => 1,
    );
    await expect(stuck.settle(50)).rejects.toThrow('test outbox did not settle in time');
  });
});
