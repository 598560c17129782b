/**
 * Call results an agent may give a record: a subset of Outbound Contact Server's call result
 * enumeration (its numbers, as `GSW_CALL_RESULT` carries them). A new record's result is Unknown.
 */
export const UNKNOWN_CALL_RESULT = 28;

export const CALL_RESULTS: ReadonlyArray<{ readonly code: number; readonly name: string }> = [
  { code: 6, name: 'Busy' },
  { code: 7, name: 'No Answer' },
  { code: 9, name: 'Answering Machine Detected' },
  { code: 17, name: 'Fax Detected' },
  { code: 21, name: 'Abandoned' },
  { code: UNKNOWN_CALL_RESULT, name: 'Unknown Call Result' },
  { code: 33, name: 'Answer' },
  { code: 51, name: 'Do Not Call' },
  { code: 52, name: 'Cancel Record' },
];

export function isCallResult(code: number): boolean {
  return CALL_RESULTS.some((result) => result.code === code);
}
