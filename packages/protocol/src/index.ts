export * from './errors.ts';
export * from './commands.ts';
export * from './events.ts';
export * from './session.ts';
export * from './genesys-credential.ts';
export * from './outbound.ts';
