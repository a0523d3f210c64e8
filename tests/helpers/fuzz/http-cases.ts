import fc from 'fast-check';
import { parse as parseQueryString, stringify as toQueryString } from 'qs';
import type request from 'supertest';

import {
  bodyTransport,
  hostileAuthorization,
  hostilePathParam,
  hostileQuery,
  malformedJson,
  nearValid,
  type BodyTransport,
} from './hostile-values';
import { wrongMethods, type FuzzRoute, type Method } from './routes';

/** One generated request, before it is tied to the conversations of the run. */
export interface HttpCase {
  route: FuzzRoute;
  method: Method;
  /** Which of the prepared conversations the request is about. */
  fixture: number;
  /** `own`: that conversation's id; `other`: another one's; else a path parameter that is no id. */
  param: string;
  query: string;
  /** `right`: the credential the route expects; `other`: a visitor token of another conversation. */
  auth: 'right' | 'other' | 'none' | { header: string };
  origin: string | null;
  transport: BodyTransport;
  body: unknown;
  raw: string;
}

const hostileOrigin = fc.oneof(
  { weight: 8, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('https://evil.example', 'null', 'file://', 'http://127.0.0.1:1', 'https://xn--80ak6aa92e.com') },
);

export function httpCaseArbitrary(route: FuzzRoute, routes: FuzzRoute[], fixtures: number): fc.Arbitrary<HttpCase> {
  const wrong = wrongMethods(route, routes);
  return fc.record({
    route: fc.constant(route),
    method: wrong.length > 0 ? fc.oneof({ weight: 9, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom(...wrong) }) : fc.constant(route.method),
    fixture: fc.nat(fixtures - 1),
    param: fc.oneof({ weight: 7, arbitrary: fc.constant('own') }, { weight: 1, arbitrary: fc.constant('other') }, { weight: 2, arbitrary: hostilePathParam }),
    query: route.method === 'GET' ? hostileQuery : fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: hostileQuery }),
    auth: fc.oneof(
      { weight: 8, arbitrary: fc.constant('right' as const) },
      { weight: 1, arbitrary: fc.constantFrom('other' as const, 'none' as const) },
      { weight: 1, arbitrary: hostileAuthorization.map((header) => ({ header })) },
    ),
    origin: hostileOrigin,
    transport: route.method === 'GET' ? fc.oneof({ weight: 4, arbitrary: fc.constant<BodyTransport>('none') }, { weight: 1, arbitrary: bodyTransport }) : bodyTransport,
    body: nearValid(route.body?.valid ?? {}),
    raw: malformedJson,
  });
}

/** What the body parser may hand the controller for this case (all of them, to be safe). */
function parsedBodies(testCase: HttpCase): unknown[] {
  const roundTrip = (value: unknown): unknown => {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  };
  switch (testCase.transport) {
    case 'json':
      return [roundTrip(testCase.body)];
    case 'malformed-json':
      try {
        return [JSON.parse(testCase.raw) as unknown, {}];
      } catch {
        return [{}];
      }
    case 'form':
      // The form parser drops keys such as `toString` and `__proto__`: what is left may be valid.
      return [{}, undefined, parseQueryString(formBody(testCase.body))];
    default:
      return [{}, undefined, roundTrip(testCase.body)];
  }
}

/** A form-encoded body (what a browser form would send), or something that is not one. */
function formBody(body: unknown): string {
  try {
    return typeof body === 'object' && body !== null ? toQueryString(body) : String(body);
  } catch {
    return 'a=%ZZ';
  }
}

/** Whether the route's own schema could accept this case's body: such a request may change data. */
export function bodyMayBeAccepted(testCase: HttpCase): boolean {
  const schema = testCase.route.body?.schema;
  if (!schema) return true;
  return parsedBodies(testCase).some((body) => schema.safeParse(body ?? {}).success);
}

/** Sends the case's body the way its transport says. */
export function withBody(call: request.Test, testCase: HttpCase): request.Test {
  switch (testCase.transport) {
    case 'json':
      return call.set('Content-Type', 'application/json').send(JSON.stringify(testCase.body) ?? 'null');
    case 'malformed-json':
      return call.set('Content-Type', 'application/json').send(testCase.raw);
    case 'text':
      return call.set('Content-Type', 'text/plain').send(String(JSON.stringify(testCase.body)));
    case 'form':
      return call.set('Content-Type', 'application/x-www-form-urlencoded').send(formBody(testCase.body));
    case 'none':
      return call;
  }
}

/** A short, printable description of a case, for failure reports. */
export function describeCase(testCase: HttpCase, path: string): string {
  const body = testCase.transport === 'malformed-json' ? testCase.raw : JSON.stringify(testCase.body);
  return `${testCase.method} ${path.slice(0, 200)} [${testCase.transport}] auth=${JSON.stringify(testCase.auth).slice(0, 60)} body=${String(body).slice(0, 300)}`;
}

/** Runs `work` over `items`, `concurrency` at a time, in order of the list. */
export async function inPool<Item>(items: Item[], concurrency: number, work: (item: Item, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      await work(items[index] as Item, index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
