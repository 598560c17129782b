/**
 * Compares what the simulated CCP builds with a sample from the Streams library's own test suite, key
 * by key and type by type (never value by value: ids, numbers and names are the situation's own).
 *
 * - Every key of the sample must be in ours, of the same JSON type; nested objects and arrays likewise.
 * - Ours may carry more keys only where the library's worker adds them itself (`WORKER_ADDED`, from the
 *   kit's README): the samples are what the service sends, before the worker touches them.
 * - The samples are JSON: a timestamp is epoch seconds there and a `Date` in ours, as the worker's SDK
 *   client deserialises the service's timestamps.
 * - A sample's `null` is a field the service left unset in that situation: ours is `null` there, or a
 *   string (an optional string field the live service fills, e.g. `initiationMethod`).
 * - An array in ours matches element by element the sample's element of the closest shape.
 */

export const WORKER_ADDED: ReadonlySet<string> = new Set(['localTimestamp', 'skew', 'status', 'address', 'queueId', 'routingProfileId']);

type Json = unknown;

function kind(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  return typeof value;
}

function isTimestampKey(path: string): boolean {
  return /(timestamp|timeStamp)$/i.test(path.split('.').at(-1) ?? '');
}

export function shapeDifferences(ours: Json, sample: Json, path = '$'): string[] {
  const sampleKind = kind(sample);
  const ourKind = kind(ours);
  if (sampleKind === 'null') return ourKind === 'null' || ourKind === 'string' ? [] : [`${path}: ${ourKind} where the sample is null`];
  if (sampleKind === 'number' && isTimestampKey(path))
    return ourKind === 'date' ? [] : [`${path}: ${ourKind} where the sample has a timestamp (a Date after the worker)`];
  if (ourKind !== sampleKind) return [`${path}: ${ourKind} where the sample has ${sampleKind}`];
  if (sampleKind === 'array') return arrayDifferences(ours as Json[], sample as Json[], path);
  if (sampleKind === 'object') return objectDifferences(ours as Record<string, Json>, sample as Record<string, Json>, path);
  return [];
}

function objectDifferences(ours: Record<string, Json>, sample: Record<string, Json>, path: string): string[] {
  const differences: string[] = [];
  for (const key of Object.keys(sample)) {
    if (!(key in ours)) differences.push(`${path}.${key}: missing`);
    else differences.push(...shapeDifferences(ours[key], sample[key], `${path}.${key}`));
  }
  for (const key of Object.keys(ours)) {
    if (!(key in sample) && !WORKER_ADDED.has(key)) differences.push(`${path}.${key}: not in the sample`);
  }
  return differences;
}

function arrayDifferences(ours: Json[], sample: Json[], path: string): string[] {
  if (sample.length === 0) return [];
  return ours.flatMap((element, index) => {
    const candidates = sample.map((candidate) => shapeDifferences(element, candidate, `${path}[${index}]`));
    return candidates.reduce((best, next) => (next.length < best.length ? next : best));
  });
}
