// RAM policy documents (issue 10): parsing, and the decision a set of policies gives for one request. Pure: the
// HTTP layer builds the request (action, resource, condition context, caller) and maps PolicyError to OSS's error.
// Sources (alibabacloud.com/help/en/…):
//   ram/policy-structure-and-syntax — Version "1", Statement list, a single value is the same as a one-item list;
//   ram/policy-elements — Action xor NotAction, Deny wins over Allow, action names "in most cases" case-insensitive;
//   ram/conditional-operator — the five operator families below, StringLike's `*` / `?`, case rules per operator;
//   oss/user-guide/authorization-syntax-and-elements — Principal (bucket policies only), `[]` is the same as `["*"]`,
//     several conditions are ANDed;
//   oss/user-guide/oss-bucket-policy — explicit Deny wins, no matching rule is a deny, and the owner rule for `*`.
// Where RAM's pages are silent (several values of one key, an absent key, key-name case) we follow AWS IAM, which
// RAM's language copies: docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html and
// reference_policies_elements_condition_operators.html.
import { BlockList, isIP } from 'node:net';

export class PolicyError extends Error {
  override name = 'PolicyError';
}

export type Effect = 'Allow' | 'Deny';

export const CONDITION_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'IpAddress',
  'NotIpAddress',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** operator → condition key (as written) → the values, any one of which may match. */
export type ConditionBlock = Partial<Record<ConditionOperator, Record<string, string[]>>>;

/** A statement after parsing: every multi-valued element is a list, Principal is flattened to its ids. */
export interface PolicyStatement {
  Effect: Effect;
  Action?: string[];
  NotAction?: string[];
  Resource?: string[];
  NotResource?: string[];
  /** Bucket policies only. Absent = applies to whoever holds the policy (a RAM identity policy). */
  Principal?: string[];
  Condition?: ConditionBlock;
}

export interface Policy {
  Version: '1';
  Statement: PolicyStatement[];
}

/** Who is asking, for Principal matching. `ids` holds every id the caller answers to (user UID, account UID…). */
export interface Caller {
  ids: string[];
  isBucketOwner?: boolean;
}

export interface PolicyRequest {
  /** e.g. `oss:GetObject`, `kms:Decrypt` */
  action: string;
  /** e.g. `acs:oss:cn-hangzhou:1000000000000000:bucket/key` (see ossArn) */
  resource: string;
  /** Condition keys (any case) → value; undefined = the key is absent from the request. */
  context: Record<string, string | undefined>;
  /** Undefined = anonymous. Only consulted by statements that have a Principal. */
  caller?: Caller;
}

export type Decision = 'allow' | 'deny' | 'implicit-deny';

// ---------------------------------------------------------------------------------------------------------------
// Resource names

/** Where ARNs are built: the bucket's region and the account that owns every bucket of the emulator. */
export interface ArnContext {
  region: string;
  account: string;
}

/**
 * `acs:oss:{region}:{account}:{bucket}[/{key}]` (docs/permissions.md §1, ACT21 Resource); `…:*`, the account,
 * for ListBuckets.
 */
export function ossArn(at: ArnContext, bucket?: string, key?: string): string {
  if (bucket === undefined) return `acs:oss:${at.region}:${at.account}:*`;
  return `acs:oss:${at.region}:${at.account}:${bucket}${key === undefined ? '' : `/${key}`}`;
}

/** `acs:kms:{region}:{account}:key/{keyId}`; the KMS resource form is [U] (docs/permissions.md §3). */
export function kmsArn(at: ArnContext, keyId: string): string {
  return `acs:kms:${at.region}:${at.account}:key/${keyId}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing

const STATEMENT_ELEMENTS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'Condition']);
const POLICY_ELEMENTS = new Set(['Version', 'Statement']);
const OPERATOR_BY_LOWER = new Map(CONDITION_OPERATORS.map((op) => [op.toLowerCase(), op]));

/** A policy document as JSON text or as an already-decoded value (e.g. from a YAML config). */
export function parsePolicy(input: unknown): Policy {
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (err) {
      throw new PolicyError(`policy is not valid JSON: ${(err as Error).message}`);
    }
  }
  if (!isRecord(doc)) throw new PolicyError('policy must be a JSON object with Version and Statement');
  rejectUnknown(doc, POLICY_ELEMENTS, '');
  if (doc.Version === undefined) throw new PolicyError('Version is missing (it must be "1")');
  if (doc.Version !== '1') throw new PolicyError(`Version must be the string "1", not ${JSON.stringify(doc.Version)}`);
  if (doc.Statement === undefined) throw new PolicyError('Statement is missing');
  // A lone statement object is read as a one-item list, as RAM reads every single value (policy-structure-and-syntax).
  const raw = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return { Version: '1', Statement: raw.map((s, i) => parseStatement(s, `Statement[${i}]`)) };
}

function parseStatement(raw: unknown, at: string): PolicyStatement {
  if (!isRecord(raw)) throw new PolicyError(`${at} must be an object`);
  rejectUnknown(raw, STATEMENT_ELEMENTS, `${at}.`);
  if (raw.Effect !== 'Allow' && raw.Effect !== 'Deny') {
    throw new PolicyError(`${at}.Effect must be "Allow" or "Deny", not ${JSON.stringify(raw.Effect)}`);
  }
  const st: PolicyStatement = { Effect: raw.Effect };
  const [actionName, actions] = exactlyOne(raw, 'Action', 'NotAction', at);
  st[actionName] = actions;
  const [resourceName, resources] = exactlyOne(raw, 'Resource', 'NotResource', at);
  st[resourceName] = resources;
  if (raw.Principal !== undefined) st.Principal = parsePrincipal(raw.Principal, `${at}.Principal`);
  if (raw.Condition !== undefined) st.Condition = parseCondition(raw.Condition, `${at}.Condition`);
  return st;
}

function exactlyOne<A extends string, B extends string>(raw: Record<string, unknown>, a: A, b: B, at: string): [A | B, string[]] {
  if (raw[a] !== undefined && raw[b] !== undefined) throw new PolicyError(`${at} has both ${a} and ${b}; use one`);
  if (raw[a] !== undefined) return [a, stringList(raw[a], `${at}.${a}`)];
  if (raw[b] !== undefined) return [b, stringList(raw[b], `${at}.${b}`)];
  throw new PolicyError(`${at} needs ${a} or ${b}`);
}

function stringList(v: unknown, at: string): string[] {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0) throw new PolicyError(`${at} must not be an empty list`);
  for (const item of list) {
    if (typeof item !== 'string' || item === '') throw new PolicyError(`${at} must be a non-empty string or a list of them`);
  }
  return list as string[];
}

// OSS bucket policies write Principal as a list of UIDs; RAM trust policies as {"RAM": [...]} (or "Service", …).
// Both flatten to one list of ids; an empty list means everyone (authorization-syntax-and-elements).
function parsePrincipal(v: unknown, at: string): string[] {
  if (Array.isArray(v) && v.length === 0) return ['*'];
  if (isRecord(v)) {
    const ids = Object.entries(v).flatMap(([kind, ids]) => stringList(ids, `${at}.${kind}`));
    if (ids.length === 0) throw new PolicyError(`${at} names no principal`);
    return ids;
  }
  return stringList(v, at);
}

function parseCondition(v: unknown, at: string): ConditionBlock {
  if (!isRecord(v)) throw new PolicyError(`${at} must be an object of operators`);
  const block: ConditionBlock = {};
  for (const [name, keys] of Object.entries(v)) {
    const op = OPERATOR_BY_LOWER.get(name.toLowerCase());
    if (op === undefined) throw new PolicyError(`${at} has an unknown operator ${JSON.stringify(name)}`);
    if (!isRecord(keys) || Object.keys(keys).length === 0) throw new PolicyError(`${at}.${name} must map condition keys to values`);
    const parsed: Record<string, string[]> = { ...block[op] };
    for (const [key, raw] of Object.entries(keys)) {
      const values = conditionValues(raw, `${at}.${name}.${key}`);
      for (const value of values) {
        const problem = OPERATORS[op].validate?.(value);
        if (problem !== undefined) throw new PolicyError(`${at}.${name}.${key}: ${JSON.stringify(value)} ${problem}`);
      }
      parsed[key] = values;
    }
    block[op] = parsed;
  }
  return block;
}

// Condition values may be written as JSON numbers or booleans ("Bool": {"acs:SecureTransport": true}); they are
// compared as text, so they are kept as text.
function conditionValues(v: unknown, at: string): string[] {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0) throw new PolicyError(`${at} must not be an empty list`);
  return list.map((item) => {
    if (typeof item === 'string') return item;
    if (typeof item === 'number' || typeof item === 'boolean') return String(item);
    throw new PolicyError(`${at} must be a string, number or boolean, or a list of them`);
  });
}

function rejectUnknown(obj: Record<string, unknown>, known: Set<string>, at: string): void {
  for (const name of Object.keys(obj)) {
    if (known.has(name)) continue;
    const meant = [...known].find((k) => k.toLowerCase() === name.toLowerCase());
    const hint = meant === undefined ? '' : ` (element names are case-sensitive: ${meant})`;
    throw new PolicyError(`${at}${name} is not a policy element${hint}`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

/** Explicit Deny wins over any Allow; without a matching Allow the answer is an implicit deny (oss-bucket-policy). */
export function evaluate(policies: Policy[], request: PolicyRequest): Decision {
  let allowed = false;
  for (const policy of policies) {
    for (const st of policy.Statement) {
      if (!statementApplies(st, request)) continue;
      if (st.Effect === 'Deny') return 'deny';
      allowed = true;
    }
  }
  return allowed ? 'allow' : 'implicit-deny';
}

export function statementApplies(st: PolicyStatement, request: PolicyRequest): boolean {
  return (
    principalMatches(st, request.caller) &&
    matchesList(st.Action, st.NotAction, (p) => actionMatches(p, request.action)) &&
    matchesList(st.Resource, st.NotResource, (p) => resourceMatches(p, request.resource)) &&
    conditionsHold(st.Condition, request.context)
  );
}

function matchesList(list: string[] | undefined, notList: string[] | undefined, matches: (pattern: string) => boolean): boolean {
  if (list !== undefined) return list.some(matches);
  if (notList !== undefined) return !notList.some(matches);
  return false;
}

/** `oss:Get*`, `*`, `kms:Decrypt` — case-insensitive, as RAM reads action names (policy-elements). */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatch(pattern.toLowerCase(), action.toLowerCase());
}

/**
 * `acs:oss:*:*:bucket/prefix/*` against `acs:oss:cn-hangzhou:123:bucket/prefix/a.txt`. Bucket and object names are
 * case-sensitive in OSS, so only the `acs:{service}:` head is compared without case; `*` may span `:` and `/`.
 */
export function resourceMatches(pattern: string, resource: string): boolean {
  return wildcardMatch(lowerServiceHead(pattern), lowerServiceHead(resource));
}

function lowerServiceHead(s: string): string {
  const m = /^acs:[^:]*:/i.exec(s);
  return m === null ? s : m[0].toLowerCase() + s.slice(m[0].length);
}

/**
 * Bucket-policy Principal: `*` matches anyone, anonymous callers included; another entry matches a caller whose ids
 * include it, and `acs:ram::{account}:root` also matches that account's id. One exception from oss-bucket-policy:
 * a `*` statement without a Condition does not apply to the bucket owner (with a Condition it does).
 */
export function principalMatches(st: Pick<PolicyStatement, 'Principal' | 'Condition'>, caller: Caller | undefined): boolean {
  if (st.Principal === undefined) return true;
  const ids = caller?.ids ?? [];
  const named = st.Principal.some((p) => {
    const account = rootAccountOf(p);
    return ids.includes(p) || (account !== undefined && ids.includes(account));
  });
  if (named) return true;
  if (!st.Principal.includes('*')) return false;
  return !(caller?.isBucketOwner === true && st.Condition === undefined);
}

function rootAccountOf(principal: string): string | undefined {
  return /^acs:ram::([^:]+):root$/i.exec(principal)?.[1];
}

/** `*` = any run of characters (also none), `?` = exactly one; by code point, so emoji in keys count once. */
export function wildcardMatch(pattern: string, text: string): boolean {
  const p = Array.from(pattern);
  const t = Array.from(text);
  let pi = 0;
  let ti = 0;
  let star = -1; // last `*` seen in p, to retry from when a literal stops matching
  let resume = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = ti;
    } else if (star !== -1) {
      pi = star + 1;
      ti = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

// ---------------------------------------------------------------------------------------------------------------
// Conditions

interface OperatorSpec {
  /** Whether one request value matches one policy value. */
  test(actual: string, expected: string): boolean;
  /** A negated operator is the complement of its positive twin: true when no value matches (a NOR). */
  negated?: boolean;
  /** Why a policy value cannot be used with this operator, checked at parse time. */
  validate?(value: string): string | undefined;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const toNumber = (s: string): number => (NUMBER.test(s.trim()) ? Number(s) : NaN);
const numeric = (cmp: (a: number, b: number) => boolean, negated = false): OperatorSpec => ({
  test: (a, b) => cmp(toNumber(a), toNumber(b)), // NaN compares false either way
  negated,
  validate: (v) => (Number.isNaN(toNumber(v)) ? 'is not a number' : undefined),
});
const date = (cmp: (a: number, b: number) => boolean, negated = false): OperatorSpec => ({
  // ISO 8601 as in RAM's DateLessThan example ("2019-08-12T17:00:00+08:00"); acs:CurrentTime arrives in that form.
  test: (a, b) => cmp(Date.parse(a), Date.parse(b)),
  negated,
  validate: (v) => (Number.isNaN(Date.parse(v)) ? 'is not an ISO 8601 date' : undefined),
});
const ip = (negated: boolean): OperatorSpec => ({ test: ipInRange, negated, validate: ipRangeProblem });

const OPERATORS: Record<ConditionOperator, OperatorSpec> = {
  StringEquals: { test: (a, b) => a === b },
  StringNotEquals: { test: (a, b) => a === b, negated: true },
  StringEqualsIgnoreCase: { test: (a, b) => a.toLowerCase() === b.toLowerCase() },
  StringNotEqualsIgnoreCase: { test: (a, b) => a.toLowerCase() === b.toLowerCase(), negated: true },
  StringLike: { test: (a, b) => wildcardMatch(b, a) },
  StringNotLike: { test: (a, b) => wildcardMatch(b, a), negated: true },
  NumericEquals: numeric((a, b) => a === b),
  NumericNotEquals: numeric((a, b) => a === b, true),
  NumericLessThan: numeric((a, b) => a < b),
  NumericLessThanEquals: numeric((a, b) => a <= b),
  NumericGreaterThan: numeric((a, b) => a > b),
  NumericGreaterThanEquals: numeric((a, b) => a >= b),
  DateEquals: date((a, b) => a === b),
  DateNotEquals: date((a, b) => a === b, true),
  DateLessThan: date((a, b) => a < b),
  DateLessThanEquals: date((a, b) => a <= b),
  DateGreaterThan: date((a, b) => a > b),
  DateGreaterThanEquals: date((a, b) => a >= b),
  Bool: {
    test: (a, b) => a.toLowerCase() === b.toLowerCase(),
    validate: (v) => (/^(true|false)$/i.test(v) ? undefined : 'is not true or false'),
  },
  IpAddress: ip(false),
  NotIpAddress: ip(true),
};

/**
 * Every operator and every key must hold (AND); the values listed for one key are alternatives (OR), and for a
 * negated operator none may match (NOR). Condition key names are compared without case (`acs:SourceIp` =
 * `acs:sourceip`). A key absent from the context matches no value: positive operators are false and negated ones
 * true — IAM's documented rule ("if the key … is not present … the condition is true" for StringNotLike etc.);
 * RAM's pages say nothing either way, and this keeps every negated operator the exact complement of its twin, so a
 * `Deny` + `StringNotEquals` guard cannot be slipped past by leaving the key out.
 */
export function conditionsHold(block: ConditionBlock | undefined, context: Record<string, string | undefined>): boolean {
  if (block === undefined) return true;
  const lowered = new Map<string, string>();
  for (const [k, v] of Object.entries(context)) if (v !== undefined) lowered.set(k.toLowerCase(), v);
  for (const [op, keys] of Object.entries(block) as [ConditionOperator, Record<string, string[]>][]) {
    const spec = OPERATORS[op];
    for (const [key, values] of Object.entries(keys)) {
      const actual = lowered.get(key.toLowerCase());
      const anyMatch = actual !== undefined && values.some((v) => spec.test(actual, v));
      if (anyMatch === (spec.negated === true)) return false;
    }
  }
  return true;
}

function ipInRange(actual: string, range: string): boolean {
  const family = isIP(actual);
  if (family === 0) return false;
  const [addr, bits] = splitCidr(range);
  const list = new BlockList();
  const rangeFamily = isIP(addr) === 4 ? 'ipv4' : 'ipv6';
  list.addSubnet(addr, bits ?? (rangeFamily === 'ipv4' ? 32 : 128), rangeFamily);
  // BlockList also matches an IPv4-mapped IPv6 caller (::ffff:10.0.0.1) against an IPv4 range.
  return list.check(actual, family === 4 ? 'ipv4' : 'ipv6');
}

function ipRangeProblem(range: string): string | undefined {
  const [addr, bits] = splitCidr(range);
  const family = isIP(addr);
  if (family === 0) return 'is not an IP address or CIDR block';
  if (bits !== undefined && (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128))) {
    return 'has a prefix length out of range';
  }
  return undefined;
}

function splitCidr(range: string): [string, number | undefined] {
  const slash = range.indexOf('/');
  if (slash === -1) return [range.trim(), undefined];
  const bits = range.slice(slash + 1).trim();
  return [range.slice(0, slash).trim(), /^\d+$/.test(bits) ? Number(bits) : NaN];
}
