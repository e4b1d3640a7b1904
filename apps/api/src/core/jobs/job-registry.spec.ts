import { JobRegistry } from './job-registry';

describe('JobRegistry', () => {
  it('lists registered jobs and refuses a second job of the same name', () => {
    const registry = new JobRegistry();
    const job = { name: 'retention-sessions', everyMs: 3_600_000, run: async () => undefined };
    registry.register(job);
    expect(registry.list()).toEqual([job]);
    expect(registry.get('retention-sessions')).toBe(job);
    expect(() => registry.register({ ...job })).toThrow(/registered twice/);
  });
});
