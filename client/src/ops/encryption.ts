// Bucket default encryption (PY2 put/get/delete_bucket_encryption): `?encryption` on a bucket.
import { buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, md5, str, type Node, type Wire } from './wire.js';

const SUB: [string, undefined][] = [['encryption', undefined]];

export async function putBucketEncryption(wire: Wire, req: M.PutBucketEncryptionRequest): Promise<M.PutBucketEncryptionResult> {
  const d = req.serverSideEncryptionRule.applyServerSideEncryptionByDefault ?? {};
  const body = buildXml('ServerSideEncryptionRule', {
    ApplyServerSideEncryptionByDefault: {
      ...(d.sseAlgorithm !== undefined ? { SSEAlgorithm: d.sseAlgorithm } : {}),
      ...(d.kmsMasterKeyId !== undefined ? { KMSMasterKeyID: d.kmsMasterKeyId } : {}),
      ...(d.kmsDataEncryption !== undefined ? { KMSDataEncryption: d.kmsDataEncryption } : {}),
    },
  });
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: SUB, headers: { 'content-md5': md5(body) }, body }));
}

export async function getBucketEncryption(wire: Wire, req: M.GetBucketEncryptionRequest): Promise<M.GetBucketEncryptionResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: SUB });
  const d = ((await wire.xml(res)).ServerSideEncryptionRule as Node | undefined)?.ApplyServerSideEncryptionByDefault;
  return {
    ...base(res),
    serverSideEncryptionRule: {
      applyServerSideEncryptionByDefault: {
        sseAlgorithm: str(d, 'SSEAlgorithm'),
        kmsMasterKeyId: str(d, 'KMSMasterKeyID'),
        kmsDataEncryption: str(d, 'KMSDataEncryption'),
      },
    },
  };
}

export async function deleteBucketEncryption(wire: Wire, req: M.DeleteBucketEncryptionRequest): Promise<M.DeleteBucketEncryptionResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: SUB }));
}
