// Bucket policy (PY2 put/get/delete_bucket_policy: `?policy`, a JSON body), bucket callback policies
// (`?policy&comp=callback`, oss2 xml_utils to_do_bucket_callback_policy_request) and user-defined log fields
// (PY2 put/get/delete_user_defined_log_fields_config: `?userDefinedLogFieldsConfig`).
import { readText } from '../transport.js';
import { buildXml } from '../xml.js';
import { fromXmlTree, toXmlTree, type XmlObjectSchema } from '../xmlSchema.js';
import type * as M from '../models/index.js';
import { base, md5, type Wire } from './wire.js';

const POLICY: [string, undefined][] = [['policy', undefined]];
const CALLBACK: [string, string | undefined][] = [['policy', undefined], ['comp', 'callback']];
const LOG_FIELDS: [string, undefined][] = [['userDefinedLogFieldsConfig', undefined]];
const s = (e: string): [string, 's'] => [e, 's'];
const CALLBACK_POLICY: XmlObjectSchema = { policyItems: ['PolicyItem', [{ policyName: s('PolicyName'), callback: s('Callback'), callbackVar: s('CallbackVar') }]] };
const LOG_FIELDS_CONFIGURATION: XmlObjectSchema = { headerSet: ['HeaderSet', { headers: ['header', ['s']] }], paramSet: ['ParamSet', { parameters: ['parameter', ['s']] }] };

export async function putBucketPolicy(wire: Wire, req: M.PutBucketPolicyRequest): Promise<M.PutBucketPolicyResult> {
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: POLICY, headers: { 'content-md5': md5(req.body) }, body: req.body }));
}

export async function getBucketPolicy(wire: Wire, req: M.GetBucketPolicyRequest): Promise<M.GetBucketPolicyResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: POLICY });
  return { ...base(res), body: await readText(res.body) };
}

export async function deleteBucketPolicy(wire: Wire, req: M.DeleteBucketPolicyRequest): Promise<M.DeleteBucketPolicyResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: POLICY }));
}

export async function putBucketCallbackPolicy(wire: Wire, req: M.PutBucketCallbackPolicyRequest): Promise<M.PutBucketCallbackPolicyResult> {
  const body = buildXml('BucketCallbackPolicy', toXmlTree(req.bucketCallbackPolicy, CALLBACK_POLICY));
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: CALLBACK, headers: { 'content-md5': md5(body) }, body }));
}

export async function getBucketCallbackPolicy(wire: Wire, req: M.GetBucketCallbackPolicyRequest): Promise<M.GetBucketCallbackPolicyResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: CALLBACK });
  return { ...base(res), bucketCallbackPolicy: fromXmlTree((await wire.xml(res)).BucketCallbackPolicy, CALLBACK_POLICY) };
}

export async function deleteBucketCallbackPolicy(wire: Wire, req: M.DeleteBucketCallbackPolicyRequest): Promise<M.DeleteBucketCallbackPolicyResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: CALLBACK }));
}

export async function putUserDefinedLogFieldsConfig(wire: Wire, req: M.PutUserDefinedLogFieldsConfigRequest): Promise<M.PutUserDefinedLogFieldsConfigResult> {
  const body = buildXml('UserDefinedLogFieldsConfiguration', toXmlTree(req.userDefinedLogFieldsConfiguration, LOG_FIELDS_CONFIGURATION));
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: LOG_FIELDS, headers: { 'content-md5': md5(body) }, body }));
}

export async function getUserDefinedLogFieldsConfig(wire: Wire, req: M.GetUserDefinedLogFieldsConfigRequest): Promise<M.GetUserDefinedLogFieldsConfigResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: LOG_FIELDS });
  return { ...base(res), userDefinedLogFieldsConfiguration: fromXmlTree((await wire.xml(res)).UserDefinedLogFieldsConfiguration, LOG_FIELDS_CONFIGURATION) };
}

export async function deleteUserDefinedLogFieldsConfig(wire: Wire, req: M.DeleteUserDefinedLogFieldsConfigRequest): Promise<M.DeleteUserDefinedLogFieldsConfigResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: LOG_FIELDS }));
}
