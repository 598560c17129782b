export * from './port.ts';
export * from './control.ts';
export * from './config.ts';
export * from './outbound/index.ts';
export { createSimulator } from './simulator.ts';
export type { ContactCenterSimulator } from './simulator.ts';
