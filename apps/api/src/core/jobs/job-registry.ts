import { Global, Injectable, Module } from '@nestjs/common';
import type { ScheduledJob } from './scheduled-job';

/** The list of periodic jobs; the scheduler reads it, features add to it. */
@Injectable()
export class JobRegistry {
  private readonly jobs = new Map<string, ScheduledJob>();

  register(job: ScheduledJob): void {
    if (this.jobs.has(job.name)) throw new Error(`Scheduled job "${job.name}" is registered twice`);
    this.jobs.set(job.name, job);
  }

  list(): ScheduledJob[] {
    return [...this.jobs.values()];
  }

  get(name: string): ScheduledJob | undefined {
    return this.jobs.get(name);
  }
}

@Global()
@Module({ providers: [JobRegistry], exports: [JobRegistry] })
export class JobRegistryModule {}
