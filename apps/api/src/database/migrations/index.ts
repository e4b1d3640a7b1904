import { CreateCitiesAndTopics1764057600000 } from './1764057600000-CreateCitiesAndTopics';

/** Every migration in order; listed explicitly so the built app needs no globbing. */
export const MIGRATIONS = [CreateCitiesAndTopics1764057600000];
