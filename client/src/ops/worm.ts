// Retention operations: the bucket's WORM policy (PY2 *_bucket_worm), object-level retention's bucket switch
// (put/get_bucket_object_worm_configuration), an object's retention and legal hold (put/get_object_retention, …).
import { buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, md5, num, str, subresource, type Wire } from './wire.js';

export async function initiateBucketWorm(wire: Wire, req: M.InitiateBucketWormRequest): Promise<M.InitiateBucketWormResult> {
  const body = buildXml('InitiateWormConfiguration', { RetentionPeriodInDays: String(req.retentionPeriodInDays) });
  const res = await wire.send({ method: 'POST', bucket: req.bucket, query: [['worm', undefined]], body });
  return { ...base(res), wormId: res.headers['x-oss-worm-id'] };
}

export async function abortBucketWorm(wire: Wire, req: M.AbortBucketWormRequest): Promise<M.AbortBucketWormResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: [['worm', undefined]] }));
}

export async function completeBucketWorm(wire: Wire, req: M.CompleteBucketWormRequest): Promise<M.CompleteBucketWormResult> {
  return base(await wire.send({ method: 'POST', bucket: req.bucket, query: [['wormId', req.wormId]] }));
}

export async function extendBucketWorm(wire: Wire, req: M.ExtendBucketWormRequest): Promise<M.ExtendBucketWormResult> {
  const body = buildXml('ExtendWormConfiguration', { RetentionPeriodInDays: String(req.retentionPeriodInDays) });
  return base(await wire.send({ method: 'POST', bucket: req.bucket, query: [['wormExtend', undefined], ['wormId', req.wormId]], body }));
}

export async function getBucketWorm(wire: Wire, req: M.GetBucketWormRequest): Promise<M.GetBucketWormResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [['worm', undefined]] });
  const w = (await wire.xml(res)).WormConfiguration;
  return {
    ...base(res),
    wormConfiguration: {
      wormId: str(w, 'WormId'),
      state: str(w, 'State'),
      retentionPeriodInDays: num(str(w, 'RetentionPeriodInDays')),
      creationDate: str(w, 'CreationDate'),
      expirationDate: str(w, 'ExpirationDate'),
    },
  };
}

export async function putBucketObjectWormConfiguration(
  wire: Wire,
  req: M.PutBucketObjectWormConfigurationRequest,
): Promise<M.PutBucketObjectWormConfigurationResult> {
  const conf = req.objectWormConfiguration;
  const retention = conf.rule?.defaultRetention;
  const body = buildXml('ObjectWormConfiguration', {
    ObjectWormEnabled: conf.objectWormEnabled,
    ...(retention
      ? {
          Rule: {
            DefaultRetention: {
              Mode: retention.mode,
              ...(retention.days !== undefined ? { Days: String(retention.days) } : {}),
              ...(retention.years !== undefined ? { Years: String(retention.years) } : {}),
            },
          },
        }
      : {}),
  });
  const headers = { 'content-md5': md5(body) };
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: [['objectWorm', undefined]], headers, body }));
}

export async function getBucketObjectWormConfiguration(
  wire: Wire,
  req: M.GetBucketObjectWormConfigurationRequest,
): Promise<M.GetBucketObjectWormConfigurationResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [['objectWorm', undefined]] });
  return { ...base(res), objectWormConfiguration: { objectWormEnabled: str((await wire.xml(res)).ObjectWormConfiguration, 'ObjectWormEnabled') } };
}

export async function putObjectRetention(wire: Wire, req: M.PutObjectRetentionRequest): Promise<M.PutObjectRetentionResult> {
  const query = subresource('retention', req.versionId);
  const body = buildXml('Retention', { Mode: req.retention.mode, RetainUntilDate: req.retention.retainUntilDate });
  const headers = { 'x-oss-bypass-governance-retention': req.bypassGovernanceRetention === undefined ? undefined : String(req.bypassGovernanceRetention), 'content-md5': md5(body) };
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, key: req.key, query, headers, body }));
}

export async function getObjectRetention(wire: Wire, req: M.GetObjectRetentionRequest): Promise<M.GetObjectRetentionResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, key: req.key, query: subresource('retention', req.versionId) });
  const r = (await wire.xml(res)).Retention;
  return { ...base(res), retention: { mode: str(r, 'Mode'), retainUntilDate: str(r, 'RetainUntilDate') } };
}

export async function putObjectLegalHold(wire: Wire, req: M.PutObjectLegalHoldRequest): Promise<M.PutObjectLegalHoldResult> {
  const query = subresource('legalHold', req.versionId);
  const body = buildXml('LegalHold', { Status: req.legalHold.status });
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, key: req.key, query, headers: { 'content-md5': md5(body) }, body }));
}

export async function getObjectLegalHold(wire: Wire, req: M.GetObjectLegalHoldRequest): Promise<M.GetObjectLegalHoldResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, key: req.key, query: subresource('legalHold', req.versionId) });
  return { ...base(res), legalHold: { status: str((await wire.xml(res)).LegalHold, 'Status') } };
}
