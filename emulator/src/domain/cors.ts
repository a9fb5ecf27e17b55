// Bucket CORS (Put/Get/DeleteBucketCors and the OPTIONS preflight, behaviour §14.6): the CORSConfiguration document
// and which rule a cross-origin request matches. Sources: the PutBucketCors / GetBucketCors API reference (at most 10
// rules; AllowedMethod one of GET, PUT, DELETE, POST, HEAD; AllowedOrigin and AllowedHeader may use one `*`,
// ExposeHeader none; "OSS checks each rule in sequence and uses the first matched rule"; a rule matches when the
// origin matches an AllowedOrigin, the method (or Access-Control-Request-Method) an AllowedMethod, and every header
// of Access-Control-Request-Headers an AllowedHeader), PY2 live tests/integration/test_bucket_cors_client.py (an
// AllowedHeader `GET` reads back `get`; the preflight's Allow-Methods `PUT, POST` and Allow-Headers the requested
// `x-oss-test2`), oss2 live tests/test_bucket.py test_cors_with_response_vary (ResponseVary reads back false when not
// sent) and the oss2 GetBucketCors capture (element order AllowedOrigin, AllowedMethod, AllowedHeader, ExposeHeader,
// MaxAgeSeconds).
import { OssError, invalidArgument } from './errors.js';
import { wildcardMatch } from './policy.js';

export interface CorsRule {
  allowedOrigins: string[];
  allowedMethods: string[];
  /** Lower-cased, as OSS keeps them. */
  allowedHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: number;
}

export interface CorsConfiguration {
  rules: CorsRule[];
  responseVary: boolean;
}

export const MAX_CORS_RULES = 10;
export const CORS_METHODS = ['GET', 'PUT', 'DELETE', 'POST', 'HEAD'];

function texts(v: unknown, what: string): string[] {
  const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return list.map((x) => {
    if (typeof x !== 'string') throw new OssError('MalformedXML', { ErrorDetail: `${what} is not text` });
    return x;
  });
}

/** The refusals' codes are [I] (InvalidArgument for a documented limit, MalformedXML for a wrong shape). */
export function parseCorsConfiguration(doc: Record<string, unknown> | undefined): CorsConfiguration {
  const root = doc?.CORSConfiguration;
  if (root === null || typeof root !== 'object') throw new OssError('MalformedXML');
  const node = root as Record<string, unknown>;
  const raw = node.CORSRule === undefined ? [] : Array.isArray(node.CORSRule) ? node.CORSRule : [node.CORSRule];
  if (raw.length === 0) throw new OssError('MalformedXML', { ErrorDetail: 'no CORSRule' });
  if (raw.length > MAX_CORS_RULES) throw invalidArgument('InvalidArgumentCorsRules', 'CORSRule', String(raw.length));
  const rules = raw.map((r): CorsRule => {
    if (r === null || typeof r !== 'object') throw new OssError('MalformedXML');
    const rule = r as Record<string, unknown>;
    const allowedOrigins = texts(rule.AllowedOrigin, 'AllowedOrigin');
    const allowedMethods = texts(rule.AllowedMethod, 'AllowedMethod');
    const allowedHeaders = texts(rule.AllowedHeader, 'AllowedHeader').map((h) => h.toLowerCase());
    const exposeHeaders = texts(rule.ExposeHeader, 'ExposeHeader');
    if (allowedOrigins.length === 0) throw new OssError('MalformedXML', { ErrorDetail: 'AllowedOrigin is missing' });
    if (allowedMethods.length === 0) throw new OssError('MalformedXML', { ErrorDetail: 'AllowedMethod is missing' });
    for (const m of allowedMethods) if (!CORS_METHODS.includes(m)) throw invalidArgument('InvalidArgumentCorsMethod', 'AllowedMethod', m);
    for (const o of [...allowedOrigins, ...allowedHeaders]) {
      if ((o.match(/\*/g) ?? []).length > 1) throw invalidArgument('InvalidArgumentCorsWildcard', 'AllowedOrigin', o);
    }
    for (const e of exposeHeaders) if (e.includes('*')) throw invalidArgument('InvalidArgumentCorsWildcard', 'ExposeHeader', e);
    const age = rule.MaxAgeSeconds;
    let maxAgeSeconds: number | undefined;
    if (age !== undefined && age !== '') {
      if (typeof age !== 'string' || !/^\d{1,10}$/.test(age)) throw invalidArgument('InvalidArgumentNotInteger', 'MaxAgeSeconds', String(age));
      maxAgeSeconds = Number(age);
    }
    return { allowedOrigins, allowedMethods, allowedHeaders, exposeHeaders, ...(maxAgeSeconds !== undefined ? { maxAgeSeconds } : {}) };
  });
  const vary = node.ResponseVary;
  if (vary !== undefined && vary !== 'true' && vary !== 'false') throw invalidArgument('InvalidArgumentCorsVary', 'ResponseVary', String(vary));
  return { rules, responseVary: vary === 'true' };
}

export function corsConfigurationToXml(c: CorsConfiguration): object {
  return {
    CORSRule: c.rules.map((r) => ({
      AllowedOrigin: r.allowedOrigins,
      AllowedMethod: r.allowedMethods,
      ...(r.allowedHeaders.length > 0 ? { AllowedHeader: r.allowedHeaders } : {}),
      ...(r.exposeHeaders.length > 0 ? { ExposeHeader: r.exposeHeaders } : {}),
      ...(r.maxAgeSeconds !== undefined ? { MaxAgeSeconds: String(r.maxAgeSeconds) } : {}),
    })),
    ResponseVary: String(c.responseVary),
  };
}

/** The requested headers of a preflight, lower-cased, empty entries dropped. */
export function requestedHeaders(header: string): string[] {
  return header
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
}

/** The first rule that allows this origin, method and (preflight) headers. */
export function matchingRule(c: CorsConfiguration, origin: string, method: string, headers: string[] = []): CorsRule | undefined {
  return c.rules.find(
    (r) =>
      r.allowedOrigins.some((o) => wildcardMatch(o, origin)) &&
      r.allowedMethods.includes(method) &&
      headers.every((h) => r.allowedHeaders.some((a) => wildcardMatch(a, h))),
  );
}

/**
 * The Access-Control-* headers of an answer the rule allows. Allow-Origin is `*` for a rule that allows every origin
 * and the request's Origin otherwise [I: PY2's live preflight only shows a named origin echoed]; Allow-Headers, on a
 * preflight, the headers it asked for.
 */
export function corsHeaders(rule: CorsRule, origin: string, preflightHeaders?: string[]): Record<string, string> {
  const out: Record<string, string> = {
    'Access-Control-Allow-Origin': rule.allowedOrigins.includes('*') ? '*' : origin,
    'Access-Control-Allow-Methods': rule.allowedMethods.join(', '),
  };
  if (preflightHeaders !== undefined && preflightHeaders.length > 0) out['Access-Control-Allow-Headers'] = preflightHeaders.join(', ');
  if (rule.exposeHeaders.length > 0) out['Access-Control-Expose-Headers'] = rule.exposeHeaders.join(', ');
  if (rule.maxAgeSeconds !== undefined) out['Access-Control-Max-Age'] = String(rule.maxAgeSeconds);
  return out;
}
