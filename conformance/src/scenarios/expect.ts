// Assertions on outcomes, with messages that say what the target answered.
import { AssertionError } from 'node:assert';
import type { Outcome } from '../model.js';

function fail(message: string, o?: Outcome): never {
  const seen = o ? ` (got ${o.status}${o.code ? ' ' + o.code : ''}${o.message ? `: ${o.message}` : ''})` : '';
  throw new AssertionError({ message: message + seen });
}

export function ok(o: Outcome, status = 200): Outcome {
  if (o.status !== status) fail(`expected ${status}`, o);
  if (!o.requestId) fail('expected an x-oss-request-id', o);
  return o;
}

export function fails(o: Outcome, status: number, code?: string, message?: string): Outcome {
  if (o.status !== status) fail(`expected ${status}${code ? ' ' + code : ''}`, o);
  if (code !== undefined && o.code !== code) fail(`expected code ${code}`, o);
  if (message !== undefined && o.message !== message) fail(`expected message "${message}"`, o);
  if (!o.requestId && !o.headers['x-oss-request-id']) fail('expected an x-oss-request-id', o);
  return o;
}

export function eq<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    fail(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export function truthy(value: unknown, what: string): void {
  if (!value) fail(`${what}: expected a value, got ${JSON.stringify(value)}`);
}

export function header(o: Outcome, name: string): string | undefined {
  return o.headers[name.toLowerCase()];
}
