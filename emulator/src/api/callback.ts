// Upload callbacks (behaviour §9.14) for PutObject, CompleteMultipartUpload and PostObject, and the callback of an
// async fetch task (§17.5): the callback a request asks for (read before anything is stored, so a bad one changes
// nothing) and the upload's answer once api/callbackSend.ts has sent it: the callback server's body with 200, or 203
// CallbackFailed; the object stays stored either way (API reference "Callback": "A callback failure does not affect
// the completion of the file upload").
import { callbackOf, checkOneCallbackSource, parseCallback, parseCallbackVar, type CallbackSpec } from '../domain/callback.js';
import type { CallbackPolicyItem } from '../domain/callbackPolicy.js';
import { errorDocument } from '../http/errors.js';
import type { OssContext } from '../http/state.js';
import { sendCallback, type LandedUpload } from './callbackSend.js';

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

/**
 * The Callback element of a PutAsyncFetchTask: the same base64 JSON document as x-oss-callback (oss2 models
 * AsyncFetchTaskConfiguration: "callback格式与OSS上传回调的请求头callback一致"), validated with the same refusals and
 * ECs before the task is stored. It has no callback-var. Undefined when it is empty or names no callbackUrl.
 */
export function taskCallback(ctx: OssContext, bucket: string, callback: string): CallbackSpec | undefined {
  if (callback === '') return undefined;
  return parseCallback({ callback }, policiesOf(ctx, bucket));
}

/**
 * Sends the callback for a landed upload and answers the request: the callback server's body and content type with
 * 200, or 203 with the CallbackFailed document. The success headers already set (ETag, CRC-64, version id) stay on
 * both answers.
 */
export async function answerWithCallback(ctx: OssContext, spec: CallbackSpec, landed: LandedUpload): Promise<void> {
  const outcome = await sendCallback(ctx, spec, landed);
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
