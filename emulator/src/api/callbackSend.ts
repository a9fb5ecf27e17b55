// Sending an upload callback (behaviour §9.14), for an upload's answer (api/callback.ts answerWithCallback) and for
// an async fetch task once its object has landed (api/asyncFetch.ts, §17.5): the body with the landed object's system
// variables, the MD5withRSA signature with x-oss-pub-key-url, the POST to each callbackUrl in turn, and the answer
// judged as OSS judges it.
//
// The callback is sent from the emulator's process over plain HTTP, or HTTPS to a server whose certificate Node
// trusts (its CA store, plus NODE_EXTRA_CA_CERTS) [I: OSS's own trust store is not documented], through the proxy
// the environment names (http/outboundProxy.ts).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { sign } from 'node:crypto';
import { sharp } from './lazySharp.js';
import {
  CALLBACK_TIMEOUT_MS,
  MAX_CALLBACK_ANSWER,
  callbackStringToSign,
  renderCallbackBody,
  wantsImageInfo,
  type CallbackFacts,
  type CallbackSpec,
} from '../domain/callback.js';
import { MAX_IMAGE_SOURCE, infoFormat } from '../domain/imageProcess.js';
import { OssError, messageError } from '../domain/errors.js';
import { proxyAgentFor } from '../http/outboundProxy.js';
import type { OssContext } from '../http/state.js';
import { callbackKey, publicKeyUrl } from './callbackKey.js';

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
  operation: 'PutObject' | 'CompleteMultipartUpload' | 'PostObject' | 'PutAsyncFetchTask';
}

/** How a callback ended: the callback server's answer, or the CallbackFailed error OSS reports. */
export type CallbackOutcome = { ok: true; contentType: string; body: Buffer } | { ok: false; error: OssError };

/**
 * What the request that asked for the callback gives it: its request id (`${reqId}`, x-oss-request-id), the
 * client's address (`${clientIp}`) and where the public key is served. Read while the request's socket is open: an
 * async fetch sends its callback after the answer.
 */
export interface CallbackOrigin {
  requestId: string;
  clientIp: string;
  publicKeyUrl: string;
}

export function callbackOrigin(ctx: OssContext): CallbackOrigin {
  return {
    requestId: ctx.state.requestId,
    clientIp: (ctx.req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
    publicKeyUrl: publicKeyUrl(ctx),
  };
}

/** Sends the callback of a landed object to its URLs in order until one succeeds; the last failure otherwise [I]. */
export async function sendCallback(ctx: OssContext, spec: CallbackSpec, landed: LandedUpload, origin: CallbackOrigin = callbackOrigin(ctx)): Promise<CallbackOutcome> {
  const body = renderCallbackBody(spec, await factsOf(ctx, spec, landed, origin));
  let outcome: CallbackOutcome = { ok: false, error: new OssError('CallbackFailedConnect') };
  for (const url of spec.urls) {
    outcome = await post(ctx, spec, url, body, origin);
    if (outcome.ok) break;
  }
  return outcome;
}

async function factsOf(ctx: OssContext, spec: CallbackSpec, landed: LandedUpload, origin: CallbackOrigin): Promise<CallbackFacts> {
  return {
    bucket: landed.bucket,
    object: landed.key,
    etag: landed.etag,
    size: landed.size,
    mimeType: landed.mimeType,
    crc64: landed.crc64,
    ...(landed.contentMd5 !== undefined ? { contentMd5: landed.contentMd5 } : {}),
    vpcId: '',
    clientIp: origin.clientIp,
    reqId: origin.requestId,
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
function post(ctx: OssContext, spec: CallbackSpec, url: string, body: string, origin: CallbackOrigin): Promise<CallbackOutcome> {
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
    'x-oss-pub-key-url': Buffer.from(origin.publicKeyUrl).toString('base64'),
    'x-oss-request-id': origin.requestId,
    'User-Agent': 'aliyun-oss-callback',
  };
  const https = target.protocol === 'https:';
  const address = `${target.hostname}:${target.port || (https ? 443 : 80)}`;
  return new Promise<CallbackOutcome>((resolve) => {
    let settled = false;
    const done = (o: CallbackOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(o);
    };
    const agent = proxyAgentFor(target);
    const options = {
      method: 'POST',
      headers,
      ...(agent !== undefined ? { agent } : {}),
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
async function readAnswer(res: IncomingMessage): Promise<CallbackOutcome> {
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
