export * from './city';
export * from './federal-states';
