export * from './city';
export * from './federal-states';
export * from './markdown';
export * from './web-routes';
export * from './session-time';
export * from './feeds';
export * from './cohort';
