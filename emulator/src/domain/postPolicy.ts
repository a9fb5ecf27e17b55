// The PostObject policy (behaviour §9.13): the base64 JSON document a browser form carries, `{expiration,
// conditions}`, and its evaluation against the form's fields. Sources: API reference PostObject "Appendix: Policy"
// and the PostObject errors page ("Post Object policy format": expiration in ISO 8601 GMT, conditions bucket / key /
// content-length-range / x-oss-meta-* / success_action_* / the HTTP headers, eq and starts-with; the EC pages
// 0006-00000206 / -224 / -226 / -227 for unknown members, typed in / not-in lists, missing and failing fields).
import { OssError, type CatalogueKey } from './errors.js';

export type PolicyCondition =
  | { op: 'eq' | 'starts-with'; field: string; value: string; text: string }
  | { op: 'in' | 'not-in'; field: string; values: string[]; text: string }
  | { op: 'content-length-range'; min: number; max: number; text: string };

export interface PostPolicy {
  /** ms since the epoch. */
  expiration: number;
  conditions: PolicyCondition[];
}

/** The upload's allowed size, when the policy bounds it. */
export interface LengthRange {
  min: number;
  max: number;
}

const MATCH_OPS = ['eq', 'starts-with', 'in', 'not-in'];

/** As OSS quotes a condition in its refusal: `["eq", "$key", "a.txt"]` (EC page 0006-00000227). */
function conditionText(op: string, field: string, value: unknown): string {
  return `[${[op, `$${field}`, value].map((v) => JSON.stringify(v).replace(/","/g, '", "')).join(', ')}]`;
}

function invalid(key: CatalogueKey, ec?: string): OssError {
  return new OssError(key, {}, ec);
}

function fieldName(raw: unknown): string {
  if (typeof raw !== 'string' || raw === '' || raw === '$') throw invalid('InvalidPolicyDocumentCondition');
  // `success_action_status` and `$success_action_status` name the same field: OSS quotes both with the `$`
  // (EC page 0006-00000227 shows `["eq", "$success_action_status", "200"]` for a policy written without it).
  return raw.startsWith('$') ? raw.slice(1) : raw;
}

function integer(raw: unknown): number {
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw invalid('InvalidPolicyDocumentCondition', '0006-00000224');
  return n;
}

function parseCondition(raw: unknown): PolicyCondition {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    // A simple condition is an exact match of one field (errors page #5: "Simple-Conditions must have exactly one
    // property specified").
    const entries = Object.entries(raw);
    if (entries.length !== 1) throw invalid('InvalidPolicyDocumentSimpleCondition');
    const [name, value] = entries[0]!;
    if (typeof value !== 'string') throw invalid('InvalidPolicyDocumentCondition', '0006-00000224');
    const field = fieldName(name);
    return { op: 'eq', field, value, text: conditionText('eq', field, value) };
  }
  if (!Array.isArray(raw) || raw.length === 0 || typeof raw[0] !== 'string') throw invalid('InvalidPolicyDocumentCondition');
  const op = raw[0].toLowerCase();
  if (op === 'content-length-range') {
    if (raw.length !== 3) throw invalid('InvalidPolicyDocumentCondition');
    const min = integer(raw[1]);
    const max = integer(raw[2]);
    return { op, min, max, text: `["content-length-range", ${min}, ${max}]` };
  }
  if (!MATCH_OPS.includes(op) || raw.length !== 3) throw invalid('InvalidPolicyDocumentCondition');
  const field = fieldName(raw[1]);
  const value: unknown = raw[2];
  if (op === 'in' || op === 'not-in') {
    // EC page 0006-00000224: in / not-in take a list, not a string.
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw invalid('InvalidPolicyDocumentCondition', '0006-00000224');
    return { op, field, values: value as string[], text: conditionText(op, field, value) };
  }
  if (typeof value !== 'string') throw invalid('InvalidPolicyDocumentCondition', '0006-00000224');
  return { op: op as 'eq' | 'starts-with', field, value, text: conditionText(op, field, value) };
}

/** ISO 8601 in UTC (`2014-12-01T12:00:00.000Z`, with or without milliseconds); NaN otherwise. */
function parseExpiration(raw: unknown): number {
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/.test(raw)) return NaN;
  return Date.parse(raw.replace(/(\.\d{3})\d+Z$/, '$1Z'));
}

/** The `policy` form field decoded and checked; a malformed one is 400 InvalidPolicyDocument. */
export function parsePostPolicy(base64: string): PostPolicy {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    throw invalid('InvalidPolicyDocumentJson');
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw invalid('InvalidPolicyDocumentJson');
  // Only expiration and conditions (EC page 0006-00000206).
  if (Object.keys(doc).some((k) => k !== 'expiration' && k !== 'conditions')) throw invalid('InvalidPolicyDocumentField', '0006-00000206');
  const { expiration, conditions } = doc as { expiration?: unknown; conditions?: unknown };
  const at = parseExpiration(expiration);
  if (Number.isNaN(at)) throw invalid('InvalidPolicyDocumentExpiration');
  // "conditions must contain at least one item" (errors page, "Post Object policy format").
  if (!Array.isArray(conditions) || conditions.length === 0) throw invalid('InvalidPolicyDocumentCondition');
  return { expiration: at, conditions: conditions.map(parseCondition) };
}

/**
 * Checks the form against the policy: not expired (by the emulator's clock), every field condition met. `field`
 * looks a form field up by name (case-insensitively: the policy names `$Content-Type` or `$content-type`), with
 * `bucket` the bucket the form was posted to. Returns the content-length range for the upload, if any.
 */
export function checkPostPolicy(policy: PostPolicy, field: (name: string) => string | undefined, now: number): LengthRange | undefined {
  if (policy.expiration < now) throw new OssError('AccessDeniedPolicyExpired');
  let range: LengthRange | undefined;
  for (const c of policy.conditions) {
    if (c.op === 'content-length-range') {
      range = { min: Math.max(range?.min ?? 0, c.min), max: Math.min(range?.max ?? Infinity, c.max) };
      continue;
    }
    const value = field(c.field);
    // A condition on a field the form lacks (EC page 0006-00000226).
    if (value === undefined) throw new OssError('AccessDeniedPolicyCondition', { _condition: c.text }, '0006-00000226');
    if (!conditionHolds(c, value)) throw new OssError('AccessDeniedPolicyCondition', { _condition: c.text });
  }
  return range;
}

function conditionHolds(c: Exclude<PolicyCondition, { op: 'content-length-range' }>, value: string): boolean {
  switch (c.op) {
    case 'eq':
      return value === c.value;
    case 'starts-with':
      return value.startsWith(c.value);
    case 'in':
      return c.values.includes(value);
    case 'not-in':
      return !c.values.includes(value);
  }
}

/** Whether a size is outside the policy's range: the refusal OSS answers for it (PostObject "content-length-range"). */
export function checkLength(range: LengthRange | undefined, size: number): void {
  if (range === undefined) return;
  if (size > range.max) throw new OssError('EntityTooLargePut');
  if (size < range.min) throw new OssError('EntityTooSmall');
}

/** `${filename}` in the key field is the uploaded file's name (PostObject form field `key`). */
export function objectKeyOf(keyField: string, filename: string | undefined): string {
  return keyField.split('${filename}').join(filename ?? '');
}

/** success_action_status: 200, 201 or 204; anything else (or nothing) is 204 (PostObject form fields). */
export function successStatus(raw: string | undefined): 200 | 201 | 204 {
  return raw === '200' ? 200 : raw === '201' ? 201 : 204;
}
