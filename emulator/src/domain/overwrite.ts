// Bucket overwrite protection (Put/Get/DeleteBucketOverwriteConfig, behaviour §14.4): rules that forbid replacing an
// existing object by key prefix, suffix and requester. Sources: the PutBucketOverwriteConfig API reference
// ("Precautions": at most 100 rules; Prefix and Suffix at most 1023 characters, literal, no wildcards; ID optional,
// a UUID when absent, unique; Principal as in bucket policies, `*` allowed; a rule matches only when all its
// conditions do, and any matching rule denies the overwrite), the user guide "Prevent file overwrites" (the refusal
// is FileAlreadyExists; rules have no effect while versioning is Enabled or Suspended), GetBucketOverwriteConfig
// (404 without a configuration), and the element order of the Java SDK v2's GetBucketOverwriteConfig sample and the
// API reference: ID, Action, Prefix, Suffix, Principals.
import { randomUUID } from 'node:crypto';
import { OssError, invalidArgument } from './errors.js';
import { wildcardMatch } from './policy.js';

export interface OverwriteRule {
  id: string;
  action: 'forbid';
  prefix?: string;
  suffix?: string;
  /** Empty: every requester. */
  principals: string[];
}

export const MAX_OVERWRITE_RULES = 100;
export const MAX_AFFIX_LENGTH = 1023;

function text(v: unknown, what: string): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new OssError('MalformedXML', { ErrorDetail: `${what} is not text` });
  return v;
}

function list(v: unknown): unknown[] {
  return v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v];
}

/**
 * The rules of a PutBucketOverwriteConfig body (parsed XML). The refusals' codes and messages are [I]
 * (InvalidArgument for a documented limit, MalformedXML for a body of the wrong shape).
 */
export function parseOverwriteConfig(doc: Record<string, unknown> | undefined): OverwriteRule[] {
  const root = doc?.OverwriteConfiguration;
  if (root === undefined || root === null || (root !== '' && typeof root !== 'object')) throw new OssError('MalformedXML');
  const raw = root === '' ? [] : list((root as Record<string, unknown>).Rule);
  if (raw.length > MAX_OVERWRITE_RULES) throw invalidArgument('InvalidArgumentOverwriteRules', 'Rule', String(raw.length));
  const ids = new Set<string>();
  return raw.map((r) => {
    if (r === null || typeof r !== 'object') throw new OssError('MalformedXML');
    const rule = r as Record<string, unknown>;
    const action = text(rule.Action, 'Action');
    if (action !== 'forbid') throw invalidArgument('InvalidArgumentOverwriteAction', 'Action', action ?? '');
    const prefix = text(rule.Prefix, 'Prefix');
    const suffix = text(rule.Suffix, 'Suffix');
    for (const [name, v] of [['Prefix', prefix], ['Suffix', suffix]] as const) {
      if (v !== undefined && [...v].length > MAX_AFFIX_LENGTH) throw invalidArgument('InvalidArgumentTooLong', name, v);
    }
    const id = text(rule.ID, 'ID') ?? randomUUID();
    if (ids.has(id)) throw invalidArgument('InvalidArgumentOverwriteRuleId', 'ID', id);
    ids.add(id);
    const principalsNode = rule.Principals;
    const principals = list(
      principalsNode !== undefined && principalsNode !== '' && typeof principalsNode === 'object'
        ? (principalsNode as Record<string, unknown>).Principal
        : undefined,
    ).map((p) => {
      if (typeof p !== 'string') throw new OssError('MalformedXML', { ErrorDetail: 'Principal is not text' });
      return p;
    });
    return { id, action: 'forbid', ...(prefix !== undefined ? { prefix } : {}), ...(suffix !== undefined ? { suffix } : {}), principals };
  });
}

/** The GetBucketOverwriteConfig document, in the documented element order. */
export function overwriteConfigToXml(rules: OverwriteRule[]): object {
  return {
    Rule: rules.map((r) => ({
      ID: r.id,
      Action: r.action,
      ...(r.prefix !== undefined ? { Prefix: r.prefix } : {}),
      ...(r.suffix !== undefined ? { Suffix: r.suffix } : {}),
      ...(r.principals.length > 0 ? { Principals: { Principal: r.principals } } : {}),
    })),
  };
}

/**
 * Whether a rule names this requester: no Principals, or `*`, is everyone — the owner and anonymous callers too
 * [I: "empty or unspecified forbids overwrites for all users", ROS BucketOverwriteConfig]; otherwise one of the ids
 * the caller answers to (account, user UID, access key, name; http/access.ts callerOf), `*` inside a Principal being
 * a wildcard as in bucket policies, and `acs:ram::<account>:root` naming the account.
 */
function principalMatches(principals: string[], ids: string[]): boolean {
  if (principals.length === 0) return true;
  return principals.some((p) => {
    const account = /^acs:ram::([^:]+):root$/i.exec(p)?.[1];
    return p === '*' || ids.some((id) => wildcardMatch(p, id)) || (account !== undefined && ids.includes(account));
  });
}

/** The first rule that forbids overwriting `key` for this requester, if any (rules are checked in order). */
export function forbiddingRule(rules: OverwriteRule[], key: string, callerIds: string[]): OverwriteRule | undefined {
  return rules.find(
    (r) =>
      (r.prefix === undefined || key.startsWith(r.prefix)) &&
      (r.suffix === undefined || key.endsWith(r.suffix)) &&
      principalMatches(r.principals, callerIds),
  );
}
