// PostObject (behaviour §9.13): a browser form `POST /` to the bucket, multipart/form-data. The fields before the
// `file` part say who signs (http/auth.ts verifyPostForm), what the policy allows (domain/postPolicy.ts) and the new
// object's settings (the PutObject headers, as form fields: api/objectRequest.ts); the file part streams into new
// chunks and lands through the one funnel (api/landing.ts), so WORM, forbid-overwrite, the overwrite rules, default
// encryption and versioning apply as for PutObject. A refused form stores nothing: its file bytes are read and
// dropped, chunks already written are deleted.
import type { IncomingHttpHeaders } from 'node:http';
import { OssError } from '../domain/errors.js';
import { validateObjectKey } from '../domain/objectName.js';
import { encryptionHeaders } from '../domain/encryption.js';
import { headerFacts, requestChecks } from '../domain/actions.js';
import { checkLength, checkPostPolicy, objectKeyOf, parsePostPolicy, successStatus, type LengthRange } from '../domain/postPolicy.js';
import { MAX_PUT_SIZE, receiveStream } from '../http/body.js';
import { formError, readPostForm, type PostFile, type PostForm } from '../http/postForm.js';
import { verifyPostForm } from '../http/auth.js';
import { arnContext, permit } from '../http/access.js';
import { noBody, quotedEtag, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import type { BucketRecord } from '../domain/types.js';
import { requireBucket } from './bucket.js';
import { writerEncryption } from './kms.js';
import { checkLanding, landNormalObject, landedUpload, type Landed } from './landing.js';
import { answerWithCallback, formCallback } from './callback.js';
import type { CallbackSpec } from '../domain/callback.js';
import { newObjectHeaders } from './objectRequest.js';
import { setVersionHeader } from './objectHeaders.js';
import { checkPublicObjectAcl } from './publicAccessBlock.js';

/** The form fields that become the new object's headers, under their header names (PostObject form fields). */
const HEADER_FIELDS = [
  'cache-control',
  'content-disposition',
  'content-encoding',
  'content-type',
  'expires',
  'x-oss-object-acl',
  'x-oss-forbid-overwrite',
  'x-oss-storage-class',
  'x-oss-server-side-encryption',
  'x-oss-server-side-encryption-key-id',
  'x-oss-server-side-data-encryption',
  // The tagging field is named as PutObject's header [I: the form field name is not captured].
  'x-oss-tagging',
];

/** Fields by lower-cased name, the first of each kept: policies and headers name them in any case. */
function foldedFields(fields: Map<string, string>): Map<string, string> {
  const folded = new Map<string, string>();
  for (const [name, value] of fields) if (!folded.has(name.toLowerCase())) folded.set(name.toLowerCase(), value);
  return folded;
}

/**
 * The new object's headers from the form. Content-Type: x-oss-content-type wins over the others (API reference
 * PostObject, x-oss-content-type), then the Content-Type field, then the file part's own (RFC 2046 §5.1: text/plain
 * when the part names none) [I: the order of the last two]. Values are kept as header bytes are (latin1 strings of
 * the UTF-8 sent), as PutObject stores them (domain/metadata.ts).
 */
function formHeaders(folded: Map<string, string>, file: PostFile): IncomingHttpHeaders {
  const binary = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
  const headers: IncomingHttpHeaders = {};
  for (const [name, value] of folded) {
    if (HEADER_FIELDS.includes(name) || name.startsWith('x-oss-meta-')) headers[name] = binary(value);
  }
  const type = folded.get('x-oss-content-type') ?? folded.get('content-type') ?? file.contentType;
  if (type !== undefined) headers['content-type'] = binary(type);
  return headers;
}

interface Decided {
  key: string;
  file: PostFile;
  folded: Map<string, string>;
  range?: LengthRange;
  callback?: CallbackSpec;
}

/** Everything the fields before the file decide, refused in this order [I: the order is not captured]; nothing read yet. */
function decide(ctx: OssContext, bucket: BucketRecord, form: PostForm): Decided {
  const exact = (name: string) => form.fields.get(name);
  const folded = foldedFields(form.fields);
  const policyText = verifyPostForm(ctx, exact);
  const policy = policyText === undefined ? undefined : parsePostPolicy(policyText);
  const keyField = exact('key');
  if (keyField === undefined) throw new OssError('InvalidArgumentPostKey');
  const key = objectKeyOf(keyField, form.file?.filename);
  const field = (name: string) => {
    const lower = name.toLowerCase();
    return lower === 'bucket' ? bucket.name : lower === 'key' ? key : folded.get(lower);
  };
  const range = policy === undefined ? undefined : checkPostPolicy(policy, field, ctx.state.config.clock.now());
  if (form.file === undefined) throw new OssError('InvalidArgumentPostFile');
  validateObjectKey(key);
  // The callback field (behaviour §9.14) is read here, so a bad one is refused before the file is stored; its custom
  // variables are the callback-var field and the form's `x:` fields (API reference PostObject).
  const xFields = Object.fromEntries([...form.fields].filter(([name]) => name.toLowerCase().startsWith('x:')));
  const callbackField = exact('callback');
  const callbackVar = exact('callback-var');
  const callback = formCallback(ctx, bucket.name, {
    ...(callbackField !== undefined ? { callback: callbackField } : {}),
    ...(callbackVar !== undefined ? { callbackVar } : {}),
    xFields,
  });
  return { key, file: form.file, folded, ...(range !== undefined ? { range } : {}), ...(callback !== undefined ? { callback } : {}) };
}

export async function postObject(ctx: OssContext): Promise<void> {
  const bucket = requireBucket(ctx);
  const form = await readPostForm(ctx);
  try {
    const { landed, callback } = await landForm(ctx, bucket, form);
    await answerPost(ctx, form.fields, landed, callback);
  } catch (err) {
    form.file?.stream.resume(); // a refused file is read to its end and dropped, never stored
    throw err;
  }
}

/** Decides, streams the file into chunks, and lands it once the whole body has been read. */
async function landForm(ctx: OssContext, bucket: BucketRecord, form: PostForm): Promise<{ landed: Landed; callback?: CallbackSpec }> {
  const { key, file, folded, range, callback } = decide(ctx, bucket, form);
  const headers = formHeaders(folded, file);
  // oss:PutObject for the signer (docs/permissions.md §1 PostObject), with the tagging and KMS actions PutObject needs.
  const facts = { bucket: bucket.name, key, ...headerFacts('PutObject', (name) => (headers[name] as string | undefined) ?? '') };
  const checks = requestChecks('PutObject', arnContext(ctx, bucket.name), facts);
  permit(ctx, checks, { acl: { access: 'write', bucket: bucket.name, key } });
  checkPublicObjectAcl(ctx, bucket.name, headers['x-oss-object-acl'] as string | undefined);
  const { metadata, acl, storageClass, tags, encryption, forbidOverwrite } = newObjectHeaders(ctx, bucket, { tags: true }, headers);
  checkLanding(ctx, bucket, key, { forbidOverwrite }); // before the file is read; landObject checks again at commit

  const max = Math.min(MAX_PUT_SIZE, range?.max ?? Infinity);
  // Past the policy's maximum the upload stops at once (content-length-range, API reference PostObject).
  const pending = await receiveStream(ctx, file.stream, writerEncryption(ctx, encryption), max, () => new OssError('EntityTooLargePut')).catch(
    (err: unknown) => {
      throw formError(err);
    },
  );
  try {
    checkLength(range, pending.size);
    await form.done; // the parts after the file are read (and ignored) before anything lands
  } catch (err) {
    ctx.state.store.content.discard(pending);
    throw err;
  }
  const landed = await landNormalObject(ctx, bucket.name, key, pending, { metadata, acl, storageClass, tags, encryption, forbidOverwrite });
  return { landed, ...(callback !== undefined ? { callback } : {}) };
}

/** The object's URL as PostResponse's Location gives it: the address the form was posted to, plus the key. */
function objectUrl(ctx: OssContext, bucket: string, key: string): string {
  const pathStyle = ctx.path === `/${bucket}` || ctx.path.startsWith(`/${bucket}/`);
  const encoded = encodeURIComponent(key).replace(/%2F/g, '/');
  return `${ctx.protocol}://${ctx.host}${pathStyle ? `/${bucket}` : ''}/${encoded}`;
}

/**
 * The answer to a landed form (the one place that renders it): PutObject's headers, then success_action_redirect
 * (303 to the URL with bucket, key and etag added [I: the query names are S3's]) or success_action_status — 200 and
 * 204 empty, 201 the PostResponse document, anything else 204 (API reference PostObject form fields). With a callback
 * the answer is the callback's (200 with its server's body, or 203 CallbackFailed), as PutObject's is [I: how
 * success_action_status combines with a callback is not captured].
 */
export async function answerPost(ctx: OssContext, fields: Map<string, string>, landed: Landed, callback?: CallbackSpec): Promise<void> {
  const { bucket, record } = landed;
  ctx.set('ETag', quotedEtag(record.etag));
  ctx.set('Content-MD5', record.contentMd5!);
  ctx.set('x-oss-hash-crc64ecma', record.crc64);
  setVersionHeader(ctx, bucket, record.versionId);
  for (const [name, value] of Object.entries(encryptionHeaders(record.encryption))) ctx.set(name, value);
  if (callback !== undefined) return answerWithCallback(ctx, callback, landedUpload(landed, record.key, 'PostObject'));
  const redirect = fields.get('success_action_redirect');
  if (redirect !== undefined && redirect !== '') {
    const query = new URLSearchParams({ bucket: bucket.name, key: record.key, etag: quotedEtag(record.etag) }).toString();
    ctx.set('Location', `${redirect}${redirect.includes('?') ? '&' : '?'}${query}`);
    noBody(ctx, 303);
    return;
  }
  const status = successStatus(fields.get('success_action_status'));
  if (status === 201) {
    sendXml(ctx, 'PostResponse', {
      Bucket: bucket.name,
      Location: objectUrl(ctx, bucket.name, record.key),
      Key: record.key,
      ETag: quotedEtag(record.etag),
    }, 201);
    return;
  }
  noBody(ctx, status);
}
