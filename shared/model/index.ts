export * from './schema.ts';
export type * from './types.ts';
export * from './ids.ts';
export * from './create.ts';
