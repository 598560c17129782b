export * from './campaign-config.ts';
export * from './campaigns.ts';
export * from './call-results.ts';
export { startProgressiveDialer } from './progressive-dialer.ts';
