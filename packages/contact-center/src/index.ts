export * from './port.ts';
export * from './control.ts';
export * from './config.ts';
