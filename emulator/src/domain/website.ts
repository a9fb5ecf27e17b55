// Static website hosting (Put/Get/DeleteBucketWebsite, behaviour §14.16): the configuration document and the pure
// decision of what a website-style request answers. Sources: the PutBucketWebsite API reference (IndexDocument
// Suffix / SupportSubDir / Type 0|1|2, ErrorDocument Key / HttpStatus 200|404, at most 20 RoutingRules, RuleNumber a
// positive integer unique in the configuration and the order rules are tried in, conditions KeyPrefixEquals /
// KeySuffixEquals / HttpErrorCodeReturnedEquals / IncludeHeader, RedirectType Mirror|External|AliCDN|Internal,
// HttpRedirectCode 301|302|307), the element names of PY2 models/bucket_website.py, and oss2 tests/test_website.py
// (index / error documents served to website requests).
import { OssError, invalidArgument } from './errors.js';

export interface IncludeHeader {
  key: string;
  equals?: string;
  startsWith?: string;
  endsWith?: string;
}

export interface RoutingRule {
  ruleNumber: number;
  condition: {
    keyPrefixEquals?: string;
    keySuffixEquals?: string;
    httpErrorCodeReturnedEquals?: number;
    includeHeaders: IncludeHeader[];
  };
  redirect: {
    type: 'Mirror' | 'External' | 'AliCDN' | 'Internal';
    protocol?: string;
    hostName?: string;
    httpRedirectCode?: number;
    replaceKeyWith?: string;
    replaceKeyPrefixWith?: string;
    enableReplacePrefix: boolean;
    passQueryString: boolean;
  };
}

export interface WebsiteConfig {
  index?: { suffix: string; supportSubDir: boolean; type: number };
  error?: { key: string; httpStatus: number };
  rules: RoutingRule[];
  /** The document as sent (parsed XML, element order kept): GetBucketWebsite answers it, Mirror fields included. */
  document: Record<string, unknown>;
}

export const MAX_ROUTING_RULES = 20;
const REDIRECT_TYPES = ['Mirror', 'External', 'AliCDN', 'Internal'] as const;

function obj(v: unknown, what: string): Record<string, unknown> | undefined {
  if (v === undefined || v === '') return undefined;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new OssError('MalformedXML', { ErrorDetail: `${what} is not an element` });
  return v as Record<string, unknown>;
}

function text(v: unknown, what: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new OssError('MalformedXML', { ErrorDetail: `${what} is not text` });
  return v;
}

function list(v: unknown): unknown[] {
  return v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v];
}

function int(v: unknown, name: string): number | undefined {
  const s = text(v, name);
  if (s === undefined || s === '') return undefined;
  if (!/^\d{1,9}$/.test(s)) throw invalidArgument('InvalidArgument', name, s);
  return Number(s);
}

/** Booleans are accepted in any case and answered lower-case: oss2 sends `True`, and its parser reads back only
 * `true`/`false` [S] oss2 live tests/test_website.py with oss2 xml_utils _find_bool. */
function bool(v: unknown, name: string): boolean | undefined {
  const s = text(v, name)?.toLowerCase();
  if (s === undefined || s === '') return undefined;
  if (s !== 'true' && s !== 'false') throw invalidArgument('InvalidArgument', name, s);
  return s === 'true';
}

/** The boolean elements of the document (PY2 models/bucket_website.py, type 'bool'). */
const BOOLEAN_ELEMENTS = new Set([
  'SupportSubDir', 'EnableReplacePrefix', 'PassQueryString', 'MirrorSNI', 'MirrorPassQueryString', 'MirrorFollowRedirect',
  'MirrorCheckMd5', 'MirrorPassOriginalSlashes', 'MirrorAllowVideoSnapshot', 'MirrorUsingRole', 'MirrorProxyPass',
  'MirrorIsExpressTunnel', 'MirrorAllowHeadObject', 'MirrorSaveOssMeta', 'MirrorAllowGetImageInfo',
  'MirrorUserLastModified', 'MirrorSwitchAllErrors', 'PassAll',
]);

/** Checks every boolean element of the stored document and writes it lower-case. */
function normalizeBooleans(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(normalizeBooleans);
  if (node === null || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  for (const [name, v] of Object.entries(o)) {
    if (BOOLEAN_ELEMENTS.has(name) && typeof v === 'string' && v !== '') o[name] = String(bool(v, name));
    else normalizeBooleans(v);
  }
}

/**
 * The configuration of a PutBucketWebsite body. A body with neither an index nor an error document nor a rule is
 * refused [I: the API reference requires at least one of them]; refusals are MalformedXML for a body of the wrong
 * shape and InvalidArgument naming the element for a value out of its documented range [I: codes uncaptured].
 */
export function parseWebsiteConfig(doc: Record<string, unknown> | undefined): WebsiteConfig {
  const root = obj(doc?.WebsiteConfiguration, 'WebsiteConfiguration');
  if (root === undefined) throw new OssError('MalformedXML');
  const indexNode = obj(root.IndexDocument, 'IndexDocument');
  let index: WebsiteConfig['index'];
  if (indexNode !== undefined) {
    const suffix = text(indexNode.Suffix, 'Suffix') ?? '';
    if (suffix === '' || suffix.includes('/')) throw invalidArgument('InvalidArgument', 'Suffix', suffix);
    const type = int(indexNode.Type, 'Type') ?? 0;
    if (type > 2) throw invalidArgument('InvalidArgument', 'Type', String(type));
    index = { suffix, supportSubDir: bool(indexNode.SupportSubDir, 'SupportSubDir') ?? false, type };
  }
  const errorNode = obj(root.ErrorDocument, 'ErrorDocument');
  let error: WebsiteConfig['error'];
  if (errorNode !== undefined) {
    const key = text(errorNode.Key, 'Key') ?? '';
    if (key === '') throw invalidArgument('InvalidArgument', 'Key', key);
    const httpStatus = int(errorNode.HttpStatus, 'HttpStatus') ?? 404;
    if (httpStatus !== 200 && httpStatus !== 404) throw invalidArgument('InvalidArgument', 'HttpStatus', String(httpStatus));
    error = { key, httpStatus };
  }
  normalizeBooleans(root);
  const rulesNode = obj(root.RoutingRules, 'RoutingRules');
  const raw = list(rulesNode?.RoutingRule);
  if (raw.length > MAX_ROUTING_RULES) throw invalidArgument('InvalidArgument', 'RoutingRule', String(raw.length));
  const numbers = new Set<number>();
  const rules = raw.map((r) => {
    const rule = obj(r, 'RoutingRule') ?? {};
    const ruleNumber = int(rule.RuleNumber, 'RuleNumber');
    if (ruleNumber === undefined || ruleNumber < 1 || numbers.has(ruleNumber)) {
      throw invalidArgument('InvalidArgument', 'RuleNumber', String(ruleNumber ?? ''));
    }
    numbers.add(ruleNumber);
    const cond = obj(rule.Condition, 'Condition') ?? {};
    const redirect = obj(rule.Redirect, 'Redirect');
    if (redirect === undefined) throw invalidArgument('InvalidArgument', 'Redirect', '');
    const type = text(redirect.RedirectType, 'RedirectType') ?? 'External';
    if (!(REDIRECT_TYPES as readonly string[]).includes(type)) throw invalidArgument('InvalidArgument', 'RedirectType', type);
    const code = int(redirect.HttpRedirectCode, 'HttpRedirectCode');
    if (code !== undefined && ![301, 302, 307].includes(code)) throw invalidArgument('InvalidArgument', 'HttpRedirectCode', String(code));
    const errCode = int(cond.HttpErrorCodeReturnedEquals, 'HttpErrorCodeReturnedEquals');
    const includeHeaders = list(cond.IncludeHeader).map((h) => {
      const header = obj(h, 'IncludeHeader') ?? {};
      const key = text(header.Key, 'Key') ?? '';
      if (key === '') throw invalidArgument('InvalidArgument', 'IncludeHeader', key);
      const eq = text(header.Equals, 'Equals');
      const sw = text(header.StartsWith, 'StartsWith');
      const ew = text(header.EndsWith, 'EndsWith');
      return { key, ...(eq !== undefined ? { equals: eq } : {}), ...(sw !== undefined ? { startsWith: sw } : {}), ...(ew !== undefined ? { endsWith: ew } : {}) };
    });
    const opt = (v: unknown, name: string) => {
      const s = text(v, name);
      return s === undefined ? {} : { [name[0]!.toLowerCase() + name.slice(1)]: s };
    };
    const out: RoutingRule = {
      ruleNumber,
      condition: {
        ...opt(cond.KeyPrefixEquals, 'KeyPrefixEquals'),
        ...opt(cond.KeySuffixEquals, 'KeySuffixEquals'),
        ...(errCode !== undefined ? { httpErrorCodeReturnedEquals: errCode } : {}),
        includeHeaders,
      },
      redirect: {
        type: type as RoutingRule['redirect']['type'],
        ...opt(redirect.Protocol, 'Protocol'),
        ...opt(redirect.HostName, 'HostName'),
        ...(code !== undefined ? { httpRedirectCode: code } : {}),
        ...opt(redirect.ReplaceKeyWith, 'ReplaceKeyWith'),
        ...opt(redirect.ReplaceKeyPrefixWith, 'ReplaceKeyPrefixWith'),
        enableReplacePrefix: bool(redirect.EnableReplacePrefix, 'EnableReplacePrefix') ?? false,
        passQueryString: bool(redirect.PassQueryString, 'PassQueryString') ?? false,
      },
    };
    // A Mirror rule's PassQueryString is answered as its MirrorPassQueryString, whatever was put or left out [S] oss2
    // live tests/test_website.py test_normal_set_website_with_mirror ("pass_query_string will be covered by
    // mirror_pass_query_string"), PY2 live test_bucket_website_client.py test_bucket_website_v1 (puts true with
    // MirrorPassQueryString false, reads back False).
    if (type === 'Mirror') {
      const mirrorPass = bool(redirect.MirrorPassQueryString, 'MirrorPassQueryString') ?? false;
      redirect.PassQueryString = String(mirrorPass);
      out.redirect.passQueryString = mirrorPass;
    }
    if (out.redirect.replaceKeyWith !== undefined && out.redirect.enableReplacePrefix) {
      throw invalidArgument('InvalidArgument', 'ReplaceKeyWith', out.redirect.replaceKeyWith);
    }
    return out;
  });
  if (index === undefined && error === undefined && rules.length === 0) throw new OssError('MalformedXML');
  return { ...(index ? { index } : {}), ...(error ? { error } : {}), rules: rules.sort((a, b) => a.ruleNumber - b.ruleNumber), document: root };
}

/** What a website-style GET/HEAD of `key` is answered with. */
export type WebsiteAnswer =
  | { kind: 'object'; key: string; status: number }
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'internal'; key: string }
  | { kind: 'missing' };

export interface WebsiteRequest {
  /** The object key asked for ('' for the bucket root). */
  key: string;
  /** Query string without the `?` ('' when none). */
  query: string;
  headers: Record<string, string | undefined>;
  /** The bucket's own host, for Internal/AliCDN redirects without a HostName. */
  host: string;
  exists: (key: string) => boolean;
  /** A signed request: only the index document of a missing directory key applies (no rules, no error document). */
  signed?: boolean;
}

/** Mirror rules are skipped: they fetch from the origin on a miss, which the emulator never does [I] (behaviour §14.16). */
function ruleMatches(rule: RoutingRule, key: string, status: number | undefined, headers: WebsiteRequest['headers']): boolean {
  if (rule.redirect.type === 'Mirror') return false;
  const c = rule.condition;
  if (c.keyPrefixEquals !== undefined && !key.startsWith(c.keyPrefixEquals)) return false;
  if (c.keySuffixEquals !== undefined && !key.endsWith(c.keySuffixEquals)) return false;
  if (c.httpErrorCodeReturnedEquals !== undefined && c.httpErrorCodeReturnedEquals !== status) return false;
  return c.includeHeaders.every((h) => {
    const v = headers[h.key.toLowerCase()];
    if (v === undefined) return false;
    return (h.equals === undefined || v === h.equals) && (h.startsWith === undefined || v.startsWith(h.startsWith)) && (h.endsWith === undefined || v.endsWith(h.endsWith));
  });
}

function redirectTo(rule: RoutingRule, req: WebsiteRequest): WebsiteAnswer {
  const r = rule.redirect;
  let target = req.key;
  if (r.replaceKeyWith !== undefined) target = r.replaceKeyWith;
  else if (r.enableReplacePrefix && rule.condition.keyPrefixEquals !== undefined) {
    target = (r.replaceKeyPrefixWith ?? '') + req.key.slice(rule.condition.keyPrefixEquals.length);
  }
  if (r.type === 'Internal') return { kind: 'internal', key: target };
  const location = `${r.protocol ?? 'http'}://${r.hostName ?? req.host}/${target}${r.passQueryString && req.query !== '' ? `?${req.query}` : ''}`;
  return { kind: 'redirect', status: r.httpRedirectCode ?? 302, location };
}

/**
 * The website decision for one request (behaviour §14.16): rules without an error-code condition are tried first,
 * in RuleNumber order, on the request; then the key — with the index document for `/` and, when SupportSubDir, for
 * a key ending in `/` — is looked up; a miss tries the rules with a matching HttpErrorCodeReturnedEquals (404), then
 * the error document with its HttpStatus.
 */
export function websiteAnswer(config: WebsiteConfig, req: WebsiteRequest): WebsiteAnswer {
  const rules = req.signed ? [] : config.rules;
  for (const rule of rules) {
    if (rule.condition.httpErrorCodeReturnedEquals === undefined && ruleMatches(rule, req.key, undefined, req.headers)) return redirectTo(rule, req);
  }
  if (req.key !== '' && req.exists(req.key)) return { kind: 'object', key: req.key, status: 200 };
  // A directory key is its sub-directory's index with SupportSubDir, else the root index: a GET of a missing
  // `<random>/` answers the root index.html [S] oss2 live tests/test_website.py test_normal_set_website_without_routing_rule.
  if (config.index !== undefined && (req.key === '' || req.key.endsWith('/'))) {
    const key = config.index.supportSubDir ? req.key + config.index.suffix : config.index.suffix;
    if (req.exists(key)) return { kind: 'object', key, status: 200 };
  }
  if (req.signed) return { kind: 'missing' };
  // Type 1: a missing `dir` whose `dir/<index>` exists is redirected to `dir/` (API reference, IndexDocument Type).
  if (config.index?.supportSubDir && config.index.type === 1 && !req.key.endsWith('/') && req.exists(`${req.key}/${config.index.suffix}`)) {
    return { kind: 'redirect', status: 302, location: `/${req.key}/` };
  }
  for (const rule of rules) {
    if (rule.condition.httpErrorCodeReturnedEquals === 404 && ruleMatches(rule, req.key, 404, req.headers)) return redirectTo(rule, req);
  }
  if (config.error !== undefined && req.exists(config.error.key)) return { kind: 'object', key: config.error.key, status: config.error.httpStatus };
  return { kind: 'missing' };
}
