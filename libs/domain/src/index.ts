export * from './city';
export * from './federal-states';
export * from './markdown';
export * from './session-time';
