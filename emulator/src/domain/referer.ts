// Bucket hotlink protection (Put/GetBucketReferer, behaviour §14.13): the RefererConfiguration document and whether a
// request's Referer passes it. Sources: the PutBucketReferer / GetBucketReferer API reference (AllowEmptyReferer
// required, true by default; AllowTruncateQueryString true by default; TruncatePath, which only applies with
// AllowTruncateQueryString, keeps scheme and host; RefererList / RefererBlacklist entries with `*` (any run of
// characters) and `?` (one character); the blacklist wins over the whitelist), the anti-leech guide ("Common errors":
// 403 AccessDenied "You are denied by bucket referer policy."; the check applies to anonymous and signed-URL access),
// and PY2 live tests/integration/test_bucket_referer_client.py (the document read back as put).
import { OssError } from './errors.js';
import { wildcardMatch } from './policy.js';

export interface RefererConfiguration {
  allowEmptyReferer: boolean;
  allowTruncateQueryString: boolean;
  truncatePath: boolean;
  referers: string[];
  blacklist: string[];
}

/** What GetBucketReferer answers for a bucket never configured [I: OSS's documented defaults, empty lists]. */
export const DEFAULT_REFERER_CONFIGURATION: RefererConfiguration = {
  allowEmptyReferer: true,
  allowTruncateQueryString: true,
  truncatePath: false,
  referers: [],
  blacklist: [],
};

function flag(v: unknown, what: string, dflt: boolean | undefined): boolean {
  if ((v === undefined || v === '') && dflt !== undefined) return dflt;
  if (v === 'true' || v === true) return true;
  if (v === 'false' || v === false) return false;
  throw new OssError('MalformedXML', { ErrorDetail: `${what} must be true or false` });
}

function referers(node: unknown, what: string): string[] {
  if (node === undefined || node === '') return [];
  if (node === null || typeof node !== 'object') throw new OssError('MalformedXML', { ErrorDetail: `${what} is not a container` });
  const raw = (node as Record<string, unknown>).Referer;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((r) => {
    if (typeof r !== 'string') throw new OssError('MalformedXML', { ErrorDetail: 'Referer is not text' });
    return r;
  });
}

/** A PutBucketReferer body (parsed XML). A wrong shape is MalformedXML [I: the code of a bad body elsewhere]. */
export function parseRefererConfiguration(doc: Record<string, unknown> | undefined): RefererConfiguration {
  const root = doc?.RefererConfiguration;
  if (root === null || typeof root !== 'object') throw new OssError('MalformedXML');
  const node = root as Record<string, unknown>;
  return {
    // Required by the API reference: a body without it is refused [I: the code].
    allowEmptyReferer: flag(node.AllowEmptyReferer, 'AllowEmptyReferer', undefined),
    allowTruncateQueryString: flag(node.AllowTruncateQueryString, 'AllowTruncateQueryString', true),
    truncatePath: flag(node.TruncatePath, 'TruncatePath', false),
    referers: referers(node.RefererList, 'RefererList'),
    blacklist: referers(node.RefererBlacklist, 'RefererBlacklist'),
  };
}

/** The GetBucketReferer document, in the API reference's element order. */
export function refererConfigurationToXml(c: RefererConfiguration): object {
  return {
    AllowEmptyReferer: String(c.allowEmptyReferer),
    AllowTruncateQueryString: String(c.allowTruncateQueryString),
    TruncatePath: String(c.truncatePath),
    RefererList: c.referers.length > 0 ? { Referer: c.referers } : '',
    RefererBlacklist: c.blacklist.length > 0 ? { Referer: c.blacklist } : '',
  };
}

/** The Referer as it is matched: without its query string, and without its path too under TruncatePath. */
function matchedForm(c: RefererConfiguration, referer: string): string {
  if (!c.allowTruncateQueryString) return referer;
  let s = referer.replace(/[?#].*$/s, '');
  if (c.truncatePath) {
    const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)/i.exec(s);
    if (m) s = m[1]!;
  }
  return s;
}

/** Case-insensitive [I: hosts are; the API reference does not say for the rest]. */
function listed(patterns: string[], referer: string): boolean {
  const r = referer.toLowerCase();
  return patterns.some((p) => wildcardMatch(p.toLowerCase(), r));
}

/**
 * Whether a request with this Referer header (undefined or '' when it has none) may go on. The blacklist wins; an
 * empty whitelist lets every non-empty Referer through [I: the API reference only describes lists that are set].
 */
export function refererAllows(c: RefererConfiguration, referer: string | undefined): boolean {
  if (referer === undefined || referer === '') return c.allowEmptyReferer;
  if (listed(c.blacklist, referer) || listed(c.blacklist, matchedForm(c, referer))) return false;
  if (c.referers.length === 0) return true;
  return listed(c.referers, referer) || listed(c.referers, matchedForm(c, referer));
}
