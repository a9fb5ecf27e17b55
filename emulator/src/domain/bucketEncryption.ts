// Bucket default encryption (Put/Get/DeleteBucketEncryption, behaviour §14.5): the ServerSideEncryptionRule document
// and what it gives a new object. Sources: PY2 models/bucket_encryption.py (ApplyServerSideEncryptionByDefault:
// SSEAlgorithm, KMSMasterKeyID, KMSDataEncryption), oss2 live tests/test_bucket.py test_bucket_encryption_wrong
// (AES256 with a KMSMasterKeyID → InvalidArgument; an unknown algorithm → InvalidEncryptionAlgorithmError; KMS with an
// empty or no key id is accepted and read back without one; a key id that names no key is accepted) and
// test_bucket_encryption (GetBucketInfo reports the rule), PY2 live test_bucket_encryption_client (KMS + SM4 data
// encryption with any key id).
import { OssError } from './errors.js';
import type { Encryption } from './types.js';

/** The stored rule: the Encryption a new object gets when its request names none. */
export type DefaultEncryption = Encryption;

function text(node: Record<string, unknown>, name: string): string | undefined {
  const v = node[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new OssError('MalformedXML', { ErrorDetail: `${name} is not text` });
  return v;
}

/**
 * The rule of a PutBucketEncryption body (parsed XML). KMSDataEncryption means something only with KMS and is then
 * SM4 or nothing, as the x-oss-server-side-data-encryption header (domain/encryption.ts) [I for the document].
 */
export function parseEncryptionRule(doc: Record<string, unknown> | undefined): DefaultEncryption {
  const rule = doc?.ServerSideEncryptionRule;
  if (rule === null || typeof rule !== 'object') throw new OssError('MalformedXML');
  const apply = (rule as Record<string, unknown>).ApplyServerSideEncryptionByDefault;
  if (apply === null || typeof apply !== 'object') throw new OssError('MalformedXML');
  const node = apply as Record<string, unknown>;
  const algorithm = text(node, 'SSEAlgorithm');
  if (algorithm === undefined) throw new OssError('MalformedXML', { ErrorDetail: 'SSEAlgorithm is missing' });
  return checkedRule(algorithm, text(node, 'KMSMasterKeyID'), text(node, 'KMSDataEncryption'), 'KMSMasterKeyID');
}

/** The one validation of a default rule, from a document or from PutBucket's headers. */
function checkedRule(algorithm: string, keyId: string | undefined, data: string | undefined, keyName: string): DefaultEncryption {
  if (!['AES256', 'KMS', 'SM4'].includes(algorithm)) throw new OssError('InvalidEncryptionAlgorithmError');
  if (keyId !== undefined && algorithm !== 'KMS') {
    throw new OssError('InvalidArgumentKmsKeyWithoutKms', { ArgumentName: keyName, ArgumentValue: keyId });
  }
  const dataAlgorithm = algorithm === 'KMS' ? data : undefined;
  if (dataAlgorithm !== undefined && dataAlgorithm !== 'SM4') throw new OssError('InvalidDataEncryptionAlgorithmError');
  return { algorithm, ...(keyId !== undefined ? { keyId } : {}), ...(dataAlgorithm !== undefined ? { dataAlgorithm } : {}) };
}

/**
 * PutBucket's x-oss-server-side-encryption, x-oss-server-side-data-encryption and x-oss-server-side-encryption-key-id:
 * the new bucket's default encryption rule, validated as PutBucketEncryption's document (oss2 live tests/test_bucket.py
 * test_bucket_header_SM4, test_bucket_header_SSE_KMS, test_bucket_header_KMS_SM4: GetBucketInfo then reports
 * SSEAlgorithm, KMSMasterKeyID and KMSDataEncryption). Undefined without the first header.
 */
export function parseEncryptionHeaders(header: (name: string) => string): DefaultEncryption | undefined {
  const algorithm = header('x-oss-server-side-encryption');
  if (algorithm === '') return undefined;
  const keyId = header('x-oss-server-side-encryption-key-id') || undefined;
  const data = header('x-oss-server-side-data-encryption') || undefined;
  return checkedRule(algorithm, keyId, data, 'x-oss-server-side-encryption-key-id');
}

/** The ApplyServerSideEncryptionByDefault elements (GetBucketEncryption) and GetBucketInfo's ServerSideEncryptionRule. */
export function encryptionRuleElements(rule: DefaultEncryption): Record<string, string> {
  return {
    SSEAlgorithm: rule.algorithm,
    ...(rule.keyId !== undefined ? { KMSMasterKeyID: rule.keyId } : {}),
    ...(rule.dataAlgorithm !== undefined ? { KMSDataEncryption: rule.dataAlgorithm } : {}),
  };
}
