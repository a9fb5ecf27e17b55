// Bucket callback policies (Put/Get/DeleteBucketCallbackPolicy, `?policy&comp=callback`; behaviour §14.21): named
// upload-callback settings a request can refer to with {"callbackPolicy": name}. Sources: oss2 xml_utils
// to_do_bucket_callback_policy_request / parse_callback_policy_result (root BucketCallbackPolicy, PolicyItem with
// PolicyName, Callback, CallbackVar: the base64 texts are kept verbatim) and oss2 tests/test_bucket_callback_policy.py
// (an empty body is accepted with 200; GetBucketCallbackPolicy without one is BucketCallbackPolicyNotExist).
import { OssError } from './errors.js';

export interface CallbackPolicyItem {
  policyName: string;
  callback: string;
  callbackVar: string;
}

function text(v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v !== 'string' && typeof v !== 'number') throw new OssError('MalformedXML');
  return String(v);
}

/** The items of a PutBucketCallbackPolicy body (parsed XML); a body of the wrong shape is MalformedXML. */
export function parseCallbackPolicy(doc: Record<string, unknown> | undefined): CallbackPolicyItem[] {
  const root = doc?.BucketCallbackPolicy;
  if (root === undefined || root === null || (root !== '' && typeof root !== 'object')) throw new OssError('MalformedXML');
  const node = root === '' ? undefined : (root as Record<string, unknown>).PolicyItem;
  const raw = node === undefined || node === '' ? [] : Array.isArray(node) ? node : [node];
  return raw.map((r) => {
    if (r === null || typeof r !== 'object') throw new OssError('MalformedXML');
    const item = r as Record<string, unknown>;
    const policyName = text(item.PolicyName);
    // A named item without a callback cannot be used [I]: refused as MalformedXML.
    if (policyName === '') throw new OssError('MalformedXML');
    return { policyName, callback: text(item.Callback), callbackVar: text(item.CallbackVar) };
  });
}

export function callbackPolicyToXml(items: readonly CallbackPolicyItem[]): object {
  return {
    PolicyItem: items.map((i) => ({ PolicyName: i.policyName, Callback: i.callback, CallbackVar: i.callbackVar })),
  };
}
