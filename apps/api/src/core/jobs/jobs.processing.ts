import type { NoPersonalData } from '../privacy/processing';

export const JOBS_NO_PERSONAL_DATA: readonly NoPersonalData[] = [
  {
    table: 'scheduled_job_run',
    reason: 'when each scheduled job ran and whether it failed (job names and times only)',
  },
];
