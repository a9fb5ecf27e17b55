// PostObject's browser form (behaviour §9.13) as every driver that can post one builds it: the fields a scenario's
// Params name (the key, the PutObject settings as form fields, success_action_*), the signature fields the driver's
// signer made, then the file, then any fields a scenario puts after it; sent with Node's fetch and FormData as a
// browser would, and the answer read into an Outcome.
import { parseErrorResponse, type PostPolicyCondition } from '@local-oss/client';
import type { Outcome, Params, TargetInfo } from '../model.js';
import { resultData } from './resultXml.js';

/** The policy's key condition, as our client's presignPostObject writes it: eq, or starts-with before `${filename}`. */
export function keyCondition(key: string | undefined): PostPolicyCondition[] {
  if (key === undefined) return [];
  const at = key.indexOf('${filename}');
  return [at < 0 ? ['eq', '$key', key] : ['starts-with', '$key', key.slice(0, at)]];
}

/** The conditions beyond the bucket (and the signature's own): the key's, then the scenario's. */
export function postConditions(p: Params): PostPolicyCondition[] {
  return [...keyCondition(p.key), ...((p.postConditions ?? []) as PostPolicyCondition[])];
}

/** When the policy expires: `postExpiresSeconds` from now (negative: already expired), 10 minutes by default. */
export function postExpiration(p: Params): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000 + (p.postExpiresSeconds ?? 600) * 1000);
}

/** The settings a scenario gives as PutObject parameters, as the form fields that carry them. */
function settingFields(p: Params): [string, string][] {
  const fields: [string, string | undefined][] = [
    ['Content-Type', p.contentType],
    ['Cache-Control', p.cacheControl],
    ['Content-Disposition', p.contentDisposition],
    ['x-oss-object-acl', p.acl],
    ['x-oss-storage-class', p.storageClass],
    ['x-oss-forbid-overwrite', p.forbidOverwrite === undefined ? undefined : String(p.forbidOverwrite)],
    ...Object.entries(p.metadata ?? {}).map(([k, v]): [string, string] => [`x-oss-meta-${k}`, v]),
    ...Object.entries(p.postFields ?? {}),
  ];
  return fields.filter((f): f is [string, string] => f[1] !== undefined);
}

/** The whole form in order: key (unless it goes after the file), settings, signature fields, file, later fields. */
export function postFormData(p: Params, signed: Record<string, string>): FormData {
  const form = new FormData();
  const key: [string, string][] = p.key === undefined ? [] : [['key', p.key]];
  const before = [...(p.postKeyAfterFile ? [] : key), ...settingFields(p), ...Object.entries(signed).filter(([n]) => n !== 'key')];
  for (const [name, value] of before) form.append(name, value);
  if (p.body !== undefined) form.append('file', new Blob([new Uint8Array(Buffer.from(p.body))]), p.postFilename ?? 'upload.bin');
  for (const [name, value] of p.postKeyAfterFile ? key : []) form.append(name, value);
  return form;
}

/** Where a form for this bucket is posted: path style for IP and localhost endpoints, the bucket's host otherwise. */
export function bucketUrl(target: TargetInfo, bucket: string): string {
  const base = new URL(target.endpoint);
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(base.hostname) || base.hostname.startsWith('[') || base.hostname === 'localhost';
  return isIp ? `${base.origin}/${bucket}` : `${base.protocol}//${bucket}.${base.host}`;
}

/** Posts the form (no redirect followed: a 303 is the answer) and reads the outcome. */
export async function sendForm(url: string, form: FormData): Promise<Outcome> {
  const res = await fetch(url, { method: 'POST', body: form, redirect: 'manual' });
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => (headers[k] = v));
  const body = Buffer.from(await res.arrayBuffer());
  const out: Outcome = { status: res.status, headers, requestId: headers['x-oss-request-id'], body };
  if (res.status >= 400) {
    const err = parseErrorResponse(res.status, headers, body.toString('utf8'));
    out.code = err.code === 'BadErrorResponse' ? undefined : err.code;
    out.message = err.details.Message;
    out.ec = err.ec;
    return out;
  }
  const data = resultData('PostObject', headers, body);
  if (data) out.data = data;
  return out;
}
