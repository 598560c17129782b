export * from './errors.ts';
export * from './commands.ts';
export * from './events.ts';
export * from './session.ts';
