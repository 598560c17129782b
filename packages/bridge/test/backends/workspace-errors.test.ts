import { describe, expect, it } from 'vitest';
import { errorForEventError, errorForHttp } from '../../src/backends/workspace-api/workspace-errors.ts';

/** The table that turns Workspace API failures into catalog codes (docs/workspace-api.md, "Errors"). */
describe('Workspace API failures → catalog codes', () => {
  it.each([
    [41, 'NOT_INITIALIZED'],
    [43, 'ALREADY_IN_STATE'],
    [53, 'INVALID_ATTRIBUTE'],
    [54, 'BACKEND_UNAVAILABLE'],
    [56, 'INVALID_CONNECTION_ID'],
    [71, 'INVALID_CALLED_DN'],
    [91, 'TERMINATING_PARTY_BUSY'],
    [93, 'INVALID_CALL_STATE'],
    [98, 'CANNOT_COMPLETE_TRANSFER'],
    ['56', 'INVALID_CONNECTION_ID'],
    [1234, 'INTERNAL_ERROR'],
    [undefined, 'INTERNAL_ERROR'],
  ] as const)('EventError %s → %s', (errorCode, code) => {
    const error = errorForEventError(errorCode, 'refused');
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/refused/);
  });

  it.each([
    [401, 'voice/ready', 'UNAUTHENTICATED'],
    [403, 'voice/ready', 'UNAUTHENTICATED'],
    [500, 'voice/ready', 'BACKEND_UNAVAILABLE'],
    [503, 'voice/calls/abc/hold', 'BACKEND_UNAVAILABLE'],
    [404, 'voice/calls/abc/hold', 'INVALID_CONNECTION_ID'],
    [404, 'voice/ready', 'INVALID_ATTRIBUTE'],
    [409, 'voice/ready', 'INVALID_CALL_STATE'],
    [400, 'voice/make-call', 'INVALID_ATTRIBUTE'],
  ] as const)('HTTP %i on %s → %s', (status, operation, code) => {
    const error = errorForHttp(status, { status: { code: status, message: 'details' } }, operation);
    expect(error.code).toBe(code);
    expect(error.message).toContain(`HTTP ${status}: details`);
  });
});
