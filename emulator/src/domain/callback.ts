// Upload callbacks (behaviour §9.14): the x-oss-callback / x-oss-callback-var documents (also the `callback` /
// `callback-var` query parameters and PostObject form fields), validated as OSS does, and the callback body with its
// variables substituted. Pure: the POST to the callback server and its signature are api/callbackSend.ts.
//
// Sources: the OSS API reference "Callback" (help.aliyun.com/en/oss/developer-reference/callback: the fields, at most
// 5 URLs separated by `;` tried in order until one succeeds, no callbackUrl = no callback, callbackSNI, the system
// variables; the 5 s timeout; an answer of 200 with a JSON body and a Content-Length, at most 3 MB), its EC pages
// 0007-00000002/-03/-04/-27 (callback), 0007-00000102/-103/-105 (callback-var, the body template), 0007-00000205
// (the server's answer is not JSON), and "Upload callback errors and troubleshooting" (the messages quoted below).
import { OssError, invalidArgument } from './errors.js';
import type { CallbackPolicyItem } from './callbackPolicy.js';

export type CallbackBodyType = 'application/x-www-form-urlencoded' | 'application/json';

/** What the callback server receives: where, with which Host, body template, content type and variables. */
export interface CallbackSpec {
  /** Absolute http(s) URLs, tried in order until one answers 200 with JSON. */
  urls: string[];
  /** The Host header; the URL's host when not given. */
  host?: string;
  body: string;
  bodyType: CallbackBodyType;
  sni: boolean;
  /** The `x:` variables of callback-var (or PostObject's `x:` form fields). */
  vars: Record<string, string>;
}

/** The texts a request carries: base64 callback and callback-var, as sent. */
export interface CallbackTexts {
  callback: string;
  callbackVar?: string;
}

const MAX_URLS = 5;
/** OSS waits at most 5 s for the callback server (API reference "Callback", Limitations: fixed, not configurable). */
export const CALLBACK_TIMEOUT_MS = 5000;
/** The callback server's answer: at most 3 MB (API reference "Callback", callbackUrl). */
export const MAX_CALLBACK_ANSWER = 3 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(text: string): string | undefined {
  const t = text.trim();
  if (t === '' || !BASE64.test(t) || t.replace(/=+$/, '').length % 4 === 1) return undefined;
  return Buffer.from(t, 'base64').toString('utf8');
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The callback a request asks for, or undefined when its document names no callbackUrl ("If you do not configure
 * this field or leave it empty, callback is not configured": EC page 0007-00000004). A document
 * {"callbackPolicy": name} uses that bucket callback policy's Callback and CallbackVar (oss2
 * tests/test_bucket_callback_policy.py test_callback_policy; PutBucketCallbackPolicy's reference).
 */
export function parseCallback(texts: CallbackTexts, policies: readonly CallbackPolicyItem[] | undefined): CallbackSpec | undefined {
  const json = decodeBase64(texts.callback);
  if (json === undefined) throw invalidArgument('InvalidArgumentCallbackBase64', 'callback', texts.callback);
  const doc = parseObject(json);
  if (doc === undefined) throw invalidArgument('InvalidArgumentCallbackJson', 'callback', json);
  if (typeof doc.callbackPolicy === 'string') {
    const policy = policies?.find((p) => p.policyName === doc.callbackPolicy);
    if (policy === undefined) throw invalidArgument('InvalidArgumentCallbackPolicy', 'callbackPolicy', doc.callbackPolicy);
    return parseCallback({ callback: policy.callback, callbackVar: policy.callbackVar || texts.callbackVar }, undefined);
  }
  const vars = texts.callbackVar === undefined || texts.callbackVar === '' ? {} : parseCallbackVar(texts.callbackVar);
  return callbackOf(doc, json, vars);
}

/** The callback of a parsed document with its variables (PostObject passes its `x:` form fields as vars). */
export function callbackOf(doc: Record<string, unknown>, json: string, vars: Record<string, string>): CallbackSpec | undefined {
  const urlField = doc.callbackUrl;
  if (urlField === undefined || urlField === '') return undefined;
  if (typeof urlField !== 'string') throw invalidArgument('InvalidArgumentCallbackJson', 'callback', json);
  const urls = urlField.split(';').map((u) => u.trim()).filter((u) => u !== '');
  if (urls.length > MAX_URLS) throw invalidArgument('InvalidArgumentCallbackUrl', 'callbackUrl', urlField);
  const absolute = urls.map((u) => absoluteUrl(u, urlField));
  const body = doc.callbackBody;
  if (body === undefined || body === '') throw invalidArgument('InvalidArgumentCallbackBodyEmpty', 'callbackBody', '');
  if (typeof body !== 'string') throw invalidArgument('InvalidArgumentCallbackBody', 'callbackBody', JSON.stringify(body));
  const bodyType = callbackBodyType(doc.callbackBodyType);
  const host = doc.callbackHost;
  if (host !== undefined && typeof host !== 'string') throw invalidArgument('InvalidArgumentCallbackJson', 'callback', json);
  const spec: CallbackSpec = {
    urls: absolute,
    ...(host ? { host } : {}),
    body,
    bodyType,
    sni: doc.callbackSNI === true || doc.callbackSNI === 'true',
    vars,
  };
  // The template must be well formed, and a JSON body valid JSON once its variables are in (the troubleshooting
  // topic "The callback configuration is not json format": a JSON callbackBody that is not JSON).
  const probe = renderCallbackBody(spec, {});
  if (bodyType === 'application/json' && parseJson(probe) === undefined) throw invalidArgument('InvalidArgumentCallbackJson', 'callback', json);
  return spec;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A callbackUrl entry: http or https; one without a scheme is http (the reference's own examples read
 * `121.43.113.8:23456/index.html`, oss2's test_callback_policy `www.abc.com/callback`). No query string is
 * forbidden: OSS signs `path + query` (API reference "Callback", signature).
 */
function absoluteUrl(entry: string, field: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ? entry : `http://${entry}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalidArgument('InvalidArgumentCallbackUrl', 'callbackUrl', field);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw invalidArgument('InvalidArgumentCallbackUrl', 'callbackUrl', field);
  }
  return url.toString();
}

function callbackBodyType(value: unknown): CallbackBodyType {
  if (value === undefined || value === '') return 'application/x-www-form-urlencoded';
  const v = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (v === 'application/x-www-form-urlencoded' || v === 'application/json') return v;
  // Only these two are documented; another value is refused [I: OSS's answer is not captured].
  throw invalidArgument('InvalidArgumentCallbackBodyType', 'callbackBodyType', String(value));
}

/**
 * x-oss-callback-var: base64 JSON of string values. Keys are `x:` names in lower case (API reference "Callback": "the
 * keys of custom parameters must start with x: and be lowercase; otherwise OSS returns an error"); yet a key without
 * `x:` is not refused: oss2's live tests/test_object.py test_sign_url_with_callback sends the callback document itself
 * as callback-var (its encode_callback ignores its argument) and real OSS answers 203, the callback attempted. Such
 * keys are ignored, as no `${x:…}` can name them; an `x:` key with upper case is refused as documented.
 */
export function parseCallbackVar(text: string): Record<string, string> {
  const json = decodeBase64(text);
  if (json === undefined) throw invalidArgument('InvalidArgumentCallbackVarBase64', 'callback-var', text);
  const doc = parseObject(json);
  if (doc === undefined) throw invalidArgument('InvalidArgumentCallbackVarJson', 'callback-var', json);
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(doc)) {
    if (typeof value !== 'string') throw invalidArgument('InvalidArgumentCallbackVarJson', 'callback-var', json);
    if (!name.startsWith('x:')) continue;
    if (!isVarName(name)) throw invalidArgument('InvalidArgumentCallbackVarName', 'callback-var', name);
    vars[name] = value;
  }
  return vars;
}

/** A custom variable's name: `x:` then at least one character, no upper case. */
export function isVarName(name: string): boolean {
  return name.startsWith('x:') && name.length > 2 && name === name.toLowerCase();
}

/** The system variables of an upload (API reference "Callback", "callbackBody supported system parameters"). */
export interface CallbackFacts {
  bucket?: string;
  object?: string;
  etag?: string;
  size?: number;
  mimeType?: string;
  imageInfo?: { height: number; width: number; format: string };
  crc64?: string;
  contentMd5?: string;
  vpcId?: string;
  clientIp?: string;
  reqId?: string;
  operation?: string;
}

type Segment = { text: string } | { name: string };

/**
 * The template split into text and `${name}` variables. A `$` not followed by `{`, or a `${` without its `}`, is
 * refused with EC 0007-00000105 (its page quotes `Left brace must be adjacent to dollar sign.` for `$x:my_var}`, with
 * ArgumentName `ReplaceKeyPrefix` and the template as ArgumentValue, as captured).
 */
function segments(template: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  let text = '';
  while (i < template.length) {
    const c = template[i]!;
    if (c !== '$') {
      text += c;
      i++;
      continue;
    }
    if (template[i + 1] !== '{') throw invalidArgument('InvalidArgumentCallbackBodyBrace', 'ReplaceKeyPrefix', template);
    const end = template.indexOf('}', i + 2);
    if (end < 0) throw invalidArgument('InvalidArgumentCallbackBodyUnclosed', 'ReplaceKeyPrefix', template);
    if (text) out.push({ text });
    text = '';
    out.push({ name: template.slice(i + 2, end) });
    i = end + 1;
  }
  if (text) out.push({ text });
  return out;
}

/** Variables whose JSON form is a number (the reference's JSON example writes `"size":${size}` unquoted). */
const NUMERIC = new Set(['size', 'imageInfo.height', 'imageInfo.width']);

function factValue(name: string, facts: CallbackFacts, vars: Record<string, string>): string | number | undefined {
  if (name.startsWith('x:')) return vars[name];
  switch (name) {
    case 'bucket': return facts.bucket;
    case 'object': return facts.object;
    case 'etag': return facts.etag;
    case 'size': return facts.size;
    case 'mimeType': return facts.mimeType;
    case 'imageInfo.height': return facts.imageInfo?.height;
    case 'imageInfo.width': return facts.imageInfo?.width;
    case 'imageInfo.format': return facts.imageInfo?.format;
    case 'crc64': return facts.crc64;
    case 'contentMd5': return facts.contentMd5;
    case 'vpcId': return facts.vpcId;
    case 'clientIp': return facts.clientIp;
    case 'reqId': return facts.reqId;
    case 'operation': return facts.operation;
    default: return undefined;
  }
}

/**
 * The callback body: each `${var}` replaced by its value, URL-encoded for a form body, JSON-encoded for a JSON one
 * (API reference "Callback", callbackBodyType: "variables are replaced with URL-encoded values … or based on the
 * JSON format"): strings quoted, size and image dimensions numbers. A variable without a value (imageInfo of a
 * non-image, an `x:` variable not given, an unknown name) is empty: `""` in JSON [I].
 */
export function renderCallbackBody(spec: Pick<CallbackSpec, 'body' | 'bodyType' | 'vars'>, facts: CallbackFacts): string {
  const json = spec.bodyType === 'application/json';
  return segments(spec.body)
    .map((s) => {
      if ('text' in s) return s.text;
      const value = factValue(s.name, facts, spec.vars);
      if (json) return typeof value === 'number' && NUMERIC.has(s.name) ? String(value) : JSON.stringify(value === undefined ? '' : String(value));
      return value === undefined ? '' : encodeURIComponent(String(value));
    })
    .join('');
}

/** Whether the template asks for image dimensions (only then are an image's bytes read). */
export function wantsImageInfo(body: string): boolean {
  return body.includes('${imageInfo.');
}

/**
 * The bytes OSS signs for the callback request: the URL's path percent-decoded, its query as sent (with its `?`),
 * a newline, the body (API reference "Callback", step 3: `url_decode(path) + query_string + '\n' + body`, as the
 * reference's PHP and Python servers rebuild it from REQUEST_URI).
 */
export function callbackStringToSign(url: string, body: string): string {
  const u = new URL(url);
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    path = u.pathname;
  }
  return `${path}${u.search}\n${body}`;
}

/** x-oss-callback together with the `callback` query parameter: refused (EC page 0007-00000027). */
export function checkOneCallbackSource(header: string, query: string | undefined): void {
  if (header !== '' && query !== undefined) throw new OssError('InvalidArgumentCallbackTwice', {}, '0007-00000027');
}
