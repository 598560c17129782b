import fc from 'fast-check';
import { COMMAND_TYPES } from '@ctikit/protocol';

/**
 * Generated wire input for the property and fuzz tests: command bodies built as JSON text (so keys
 * like `__proto__` and `constructor` reach the bridge as the attacker wrote them), with fields that
 * are sometimes right, sometimes another agent's, sometimes malformed.
 */

/** Keys that trip naive object handling. */
const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

/** A JSON value of any shape, as text. */
export const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

/** A field value: one of `known` (ConnIDs, DNs) by index, or something malformed. */
export function fieldValue(known: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 14, arbitrary: known },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(65), '../5001', '%00', '0x3', 'null') },
    { weight: 1, arbitrary: jsonValue },
  );
}

/** User data as JSON text: ordinary keys, hostile keys, values of any type. */
export const userDataText: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ minLength: 1, maxLength: 12 })),
      fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 2, arbitrary: fc.integer() }, { weight: 1, arbitrary: jsonValue }),
    ),
    {
      maxLength: 5,
    },
  )
  .map((pairs) => `{${pairs.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value ?? null)}`).join(',')}}`);

export interface CommandFields {
  connectionId: fc.Arbitrary<string>;
  dn: fc.Arbitrary<string>;
}

/** One command body as JSON text: a known or unknown type, its fields right or wrong, extra fields. */
export function commandText(fields: CommandFields): fc.Arbitrary<string> {
  const often = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { freq: 5, nil: undefined });
  const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { freq: 1, nil: undefined });
  return fc
    .record({
      type: fc.oneof({ weight: 19, arbitrary: fc.constantFrom(...COMMAND_TYPES) }, { weight: 1, arbitrary: jsonValue }),
      connectionId: often(fieldValue(fields.connectionId)),
      consultConnectionId: often(fieldValue(fields.connectionId)),
      destination: often(fieldValue(fields.dn)),
      phoneNumber: often(fieldValue(fields.dn)),
      dn: often(fieldValue(fields.dn)),
      digits: sometimes(fc.oneof({ weight: 5, arbitrary: fc.constantFrom('1', '12#', '*9') }, { weight: 1, arbitrary: jsonValue })),
      key: sometimes(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ minLength: 1, maxLength: 10 }))),
      reasonCode: sometimes(fc.oneof({ weight: 5, arbitrary: fc.constantFrom('Break', 'Lunch') }, { weight: 1, arbitrary: jsonValue })),
      userData: often(userDataText),
      extra: sometimes(fc.tuple(fc.constantFrom(...HOSTILE_KEYS, 'agentId', 'eventId', 'seq'), jsonValue)),
    })
    .map(({ userData, extra, ...rest }) => {
      const parts = Object.entries(rest)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value ?? null)}`);
      if (userData !== undefined) parts.push(`"userData":${userData}`);
      if (extra !== undefined) parts.push(`${JSON.stringify(extra[0])}:${JSON.stringify(extra[1] ?? null)}`);
      return `{${parts.join(',')}}`;
    });
}
