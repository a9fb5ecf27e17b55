// Upload callbacks (behaviour §9.14) for PutObject, CompleteMultipartUpload and PostObject: the callback a request
// asks for (read before anything is stored, so a bad one changes nothing), the POST to the callback server once the
// object has landed, signed as OSS signs it, and the answer: the callback server's body with 200, or 203
// CallbackFailed; the object stays stored either way (API reference "Callback": "A callback failure does not affect
// the completion of the file upload").
//
// The callback is sent from the emulator's process over plain HTTP, or HTTPS to a server whose certificate Node
// trusts (its CA store, plus NODE_EXTRA_CA_CERTS) [I: OSS's own trust store is not documented].
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { sign } from 'node:crypto';
import { sharp } from './lazySharp.js';
import {
  CALLBACK_TIMEOUT_MS,
  MAX_CALLBACK_ANSWER,
  callbackOf,
  callbackStringToSign,
  checkOneCallbackSource,
  parseCallback,
  parseCallbackVar,
  renderCallbackBody,
  wantsImageInfo,
  type CallbackFacts,
  type CallbackSpec,
} from '../domain/callback.js';
import type { CallbackPolicyItem } from '../domain/callbackPolicy.js';
import { MAX_IMAGE_SOURCE, infoFormat } from '../domain/imageProcess.js';
import { OssError, messageError } from '../domain/errors.js';
import { errorDocument } from '../http/errors.js';
import type { OssContext } from '../http/state.js';
import { callbackKey, publicKeyUrl } from './callbackKey.js';

function policiesOf(ctx: OssContext, bucket: string): CallbackPolicyItem[] | undefined {
  return ctx.state.store.buckets.getDocument<CallbackPolicyItem[]>(bucket, 'callbackPolicy');
}

/**
 * The callback a PutObject or CompleteMultipartUpload asks for: x-oss-callback / x-oss-callback-var, or the
 * `callback` / `callback-var` query parameters of a presigned URL (oss2 tests/test_object.py
 * test_sign_url_with_callback), never both (EC 0007-00000027). Undefined without one.
 */
export function requestedCallback(ctx: OssContext, bucket: string): CallbackSpec | undefined {
  const header = ctx.get('x-oss-callback');
  const query = ctx.state.query.get('callback');
  checkOneCallbackSource(header, query);
  const callback = header !== '' ? header : query;
  if (callback === undefined) return undefined;
  const callbackVar = ctx.get('x-oss-callback-var') || ctx.state.query.get('callback-var') || undefined;
  return parseCallback({ callback, ...(callbackVar !== undefined ? { callbackVar } : {}) }, policiesOf(ctx, bucket));
}

/**
 * The callback of a PostObject form (for its handler): the `callback` field, with the custom variables of the
 * `callback-var` field and of every `x:` field (API reference PostObject, "callback" and "custom variables": PostObject
 * passes its variables as form fields). Undefined without a callback field.
 */
export function formCallback(ctx: OssContext, bucket: string, fields: { callback?: string; callbackVar?: string; xFields: Record<string, string> }): CallbackSpec | undefined {
  if (fields.callback === undefined || fields.callback === '') return undefined;
  const spec = parseCallback({ callback: fields.callback, ...(fields.callbackVar ? { callbackVar: fields.callbackVar } : {}) }, policiesOf(ctx, bucket));
  if (spec === undefined) return undefined;
  const vars = { ...spec.vars };
  for (const [name, value] of Object.entries(fields.xFields)) if (name.startsWith('x:')) vars[name.toLowerCase()] = value;
  return { ...spec, vars };
}

// Re-exported for PostObject, whose fields may carry a callback document already decoded.
export { callbackOf, parseCallbackVar };

/** What a landed upload offers the callback body's system variables. */
export interface LandedUpload {
  bucket: string;
  key: string;
  etag: string;
  size: number;
  mimeType: string;
  crc64: string;
  contentMd5?: string;
  contentId: number | null;
  operation: 'PutObject' | 'CompleteMultipartUpload' | 'PostObject';
}

type Outcome = { ok: true; contentType: string; body: Buffer } | { ok: false; error: OssError };

/**
 * Sends the callback for a landed upload and answers the request: the callback server's body and content type with
 * 200, or 203 with the CallbackFailed document. The success headers already set (ETag, CRC-64, version id) stay on
 * both answers.
 */
export async function answerWithCallback(ctx: OssContext, spec: CallbackSpec, landed: LandedUpload): Promise<void> {
  const facts = await factsOf(ctx, spec, landed);
  const body = renderCallbackBody(spec, facts);
  let outcome: Outcome = { ok: false, error: new OssError('CallbackFailedConnect') };
  for (const url of spec.urls) {
    outcome = await post(ctx, spec, url, body);
    if (outcome.ok) break;
  }
  if (outcome.ok) {
    ctx.status = 200;
    ctx.type = outcome.contentType;
    ctx.body = outcome.body;
    return;
  }
  ctx.status = 203;
  if (outcome.error.ec) ctx.set('x-oss-ec', outcome.error.ec);
  ctx.type = 'application/xml';
  ctx.body = errorDocument(outcome.error, ctx.state.requestId, ctx.state.host);
}

async function factsOf(ctx: OssContext, spec: CallbackSpec, landed: LandedUpload): Promise<CallbackFacts> {
  return {
    bucket: landed.bucket,
    object: landed.key,
    etag: landed.etag,
    size: landed.size,
    mimeType: landed.mimeType,
    crc64: landed.crc64,
    ...(landed.contentMd5 !== undefined ? { contentMd5: landed.contentMd5 } : {}),
    vpcId: '',
    clientIp: (ctx.req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
    reqId: ctx.state.requestId,
    operation: landed.operation,
    ...(wantsImageInfo(spec.body) ? await imageInfoOf(ctx, landed) : {}),
  };
}

/** Height, width and format of an image object (sharp reads its header); nothing for other objects. */
async function imageInfoOf(ctx: OssContext, landed: LandedUpload): Promise<Pick<CallbackFacts, 'imageInfo'>> {
  // Read whole like image processing's source, and with its limit (bounded memory; a larger object has no imageInfo [I]).
  if (landed.contentId === null || landed.size === 0 || landed.size > MAX_IMAGE_SOURCE) return {};
  try {
    const chunks = [...ctx.state.store.content.slices(landed.contentId, 0, landed.size)];
    const meta = await sharp(Buffer.concat(chunks)).metadata();
    if (meta.width === undefined || meta.height === undefined) return {};
    return { imageInfo: { height: meta.height, width: meta.width, format: infoFormat(meta.format) } };
  } catch {
    return {};
  }
}

/** One POST to one callback URL, with OSS's headers and signature; the outcome as OSS judges the answer. */
function post(ctx: OssContext, spec: CallbackSpec, url: string, body: string): Promise<Outcome> {
  const target = new URL(url);
  const payload = Buffer.from(body);
  const key = callbackKey();
  // The signature (API reference "Callback", step 3): RSA over the MD5 of the string to sign, base64.
  const authorization = sign('md5', Buffer.from(callbackStringToSign(url, body)), key.privateKey).toString('base64');
  const headers: Record<string, string> = {
    Host: spec.host ?? target.host,
    'Content-Type': spec.bodyType,
    'Content-Length': String(payload.length),
    Date: new Date(ctx.state.config.clock.now()).toUTCString(),
    authorization,
    'x-oss-pub-key-url': Buffer.from(publicKeyUrl(ctx)).toString('base64'),
    'x-oss-request-id': ctx.state.requestId,
    'User-Agent': 'aliyun-oss-callback',
  };
  const https = target.protocol === 'https:';
  const address = `${target.hostname}:${target.port || (https ? 443 : 80)}`;
  return new Promise<Outcome>((resolve) => {
    let settled = false;
    const done = (o: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(o);
    };
    const options = {
      method: 'POST',
      headers,
      // callbackSNI: the TLS server name is callbackHost's when asked for [I: Node sends the URL host's otherwise].
      ...(https && spec.sni && spec.host ? { servername: spec.host.replace(/:\d+$/, '') } : {}),
    };
    let req: ReturnType<typeof httpRequest>;
    try {
      req = (https ? httpsRequest : httpRequest)(target, options, (res) => {
        readAnswer(res).then(done, () => done({ ok: false, error: new OssError('CallbackFailedConnect') }));
      });
    } catch {
      // A callbackHost Node will not put in a header (a control character): the request cannot leave [I].
      settled = true;
      resolve({ ok: false, error: new OssError('CallbackFailedConnect') });
      return;
    }
    const timer = setTimeout(() => done({ ok: false, error: messageError('CallbackFailedTimeout', { Address: address }) }), CALLBACK_TIMEOUT_MS);
    req.on('error', () => done({ ok: false, error: new OssError('CallbackFailedConnect') }));
    req.end(payload);
  });
}

/** The callback server's answer: 200, a Content-Length of at most 3 MB, a JSON body. */
async function readAnswer(res: IncomingMessage): Promise<Outcome> {
  const status = res.statusCode ?? 0;
  if (status !== 200) {
    res.resume();
    return { ok: false, error: messageError('CallbackFailedStatus', { Status: String(status) }) };
  }
  const lengthHeader = res.headers['content-length'];
  if (lengthHeader === undefined) {
    res.resume();
    return { ok: false, error: new OssError('CallbackFailedNoLength') };
  }
  if (!/^\d+$/.test(lengthHeader) || Number(lengthHeader) > MAX_CALLBACK_ANSWER) {
    res.resume();
    return { ok: false, error: new OssError('CallbackFailedTooLong') };
  }
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  try {
    JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, error: new OssError('CallbackFailedNotJson') };
  }
  return { ok: true, contentType: res.headers['content-type'] ?? 'application/json', body };
}
