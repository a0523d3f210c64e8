import fc from 'fast-check';

/**
 * Generators of hostile input for the property-based API test: the values an attacker or a
 * broken client sends in place of what the protocol documents.
 */

/** Strings that have broken parsers, databases and renderers before. */
const NOTORIOUS_STRINGS = [
  '',
  ' ',
  '\u0000',
  'nul\u0000inside',
  '\uD800',
  'lone \uDFFF surrogate',
  '\u202Eevil\u202C right-to-left',
  'שלום مرحبا',
  'zero\u200Bwidth\u200D\uFEFF',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301\u0301\u0301\u0301',
  '<script>alert(1)</script>',
  "'; DROP TABLE live_support_messages; --",
  '{"__proto__":{"polluted":true}}',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '${7*7}{{7*7}}',
  'a'.repeat(2001),
  'é'.repeat(5000),
  '\n'.repeat(300),
  'x'.repeat(20_000),
];

/** Object keys that reach prototypes or look like operators. */
export const NOTORIOUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '$where', '', 'a.b'];

/** Numbers JSON can carry that no field expects (NaN and Infinity are not JSON: they arrive as null). */
const NOTORIOUS_NUMBERS = [0, -0, -1, 1.5, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 31 - 1, 2 ** 53 + 2, -(2 ** 63), 1e21];

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NOTORIOUS_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

export const hostileNumber = fc.oneof(
  fc.constantFrom(...NOTORIOUS_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map((big) => Number(big)),
);

const hostileKey = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...NOTORIOUS_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });

/**
 * An object whose keys are own properties, `__proto__` included: `{ __proto__: x }` written
 * as a literal would set the prototype instead, and JSON.stringify would leave it out.
 */
export function objectWithOwnKeys(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

/** Nesting far deeper than any field allows, still below the body size limit. */
function deeplyNested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
}

const { hostileValue } = fc.letrec<{ hostileValue: unknown; leaf: unknown }>((tie) => ({
  leaf: fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null)),
  hostileValue: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: tie('leaf') },
    { weight: 1, arbitrary: fc.array(tie('hostileValue'), { maxLength: 4 }) },
    {
      weight: 1,
      arbitrary: fc.array(fc.tuple(hostileKey, tie('hostileValue')), { maxLength: 4 }).map(objectWithOwnKeys),
    },
    { weight: 1, arbitrary: fc.constantFrom(deeplyNested(1500, 'array'), deeplyNested(800, 'object'), new Array(3000).fill(0)) },
  ),
}));
export { hostileValue };

/**
 * A request body near a valid one, so validation is reached field by field: a field dropped,
 * replaced by a hostile value, or an extra (prototype) key added; or something else entirely.
 */
export function nearValid(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const fields = Object.keys(valid);
  const entries = Object.entries(valid);
  const variants: Array<fc.Arbitrary<unknown>> = [
    fc.tuple(hostileKey, hostileValue).map(([key, value]) => objectWithOwnKeys([...entries, [key, value]])),
    hostileValue,
    fc.constantFrom<unknown>([valid], [], 'null', valid.toString()),
  ];
  if (fields.length > 0) {
    const field = fc.constantFrom(...fields);
    variants.push(
      fc.tuple(field, hostileValue).map(([name, value]) => objectWithOwnKeys(entries.map(([key, old]) => [key, key === name ? value : old]))),
      field.map((name) => objectWithOwnKeys(entries.filter(([key]) => key !== name))),
    );
  }
  return fc.oneof(...variants);
}

/** Path parameters that are not ids (the route's own id is added by the caller). */
export const hostilePathParam = fc.oneof(
  fc.constantFrom('0', '-1', '1.5', '1e3', '0x10', 'abc', '9999999999999999999', '2147483648', '%00', '%2e%2e%2f', 'null', 'undefined', '%F0%9F%92%A9', '%E2%80%AE1', ' 1', 'a'.repeat(3000)),
  fc.string({ maxLength: 10 }).map((text) => encodeURIComponent(text)),
  fc.integer({ min: 1_000_000, max: 2 ** 31 - 1 }).map(String),
);

/** Query strings: wrong types, qs arrays and objects, repeated and unknown keys. */
export const hostileQuery = fc.oneof(
  fc.constant(''),
  fc
    .array(fc.tuple(fc.constantFrom('after', 'limit', 'page', 'pageSize', 'q', 'status', 'from', 'to', 'conversationId', '__proto__', 'after[]', 'limit[a]', 'x'), hostileString), {
      maxLength: 4,
    })
    .map((pairs) => pairs.map(([key, value]) => `${key}=${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '?'))}`).join('&')),
  fc.constantFrom('after=1e308', 'after=-0', 'limit=NaN', 'after[__proto__][x]=1', 'after=1&after=2', 'limit=0x10', 'after=%00'),
);

/** How the body travels: JSON, text that claims to be JSON, or other content types. */
export type BodyTransport = 'json' | 'malformed-json' | 'text' | 'form' | 'none';
export const bodyTransport = fc.constantFrom<BodyTransport>('json', 'json', 'json', 'json', 'malformed-json', 'text', 'form', 'none');

export const malformedJson = fc.oneof(
  fc.constantFrom('{', '{"a":', '[1,2', '{"text": "unterminated}', 'undefined', "{'single': 'quotes'}", '{"a":1}{"b":2}', '\u0000', '{"a":NaN}', '{"a":Infinity}', '1'.repeat(400), '"just a string"', 'null', '[]', 'true'),
  fc.string({ maxLength: 30 }),
);

/** Authorization header values that are no valid token (ASCII: Node refuses other header bytes). */
export const hostileAuthorization = fc.oneof(
  fc.constantFrom('', 'Bearer', 'Bearer ', 'Bearer null', 'Basic YWRtaW46YWRtaW4=', 'Bearer a.b.c', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', 'bearer  x'),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 300 }).map((text) => `Bearer ${text}`),
);
