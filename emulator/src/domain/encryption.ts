// Server-side encryption headers (behaviour §1.7): AES256, KMS (optionally with a key id and SM4 data encryption),
// SM4. Stored and echoed; the bytes are not really encrypted (issue 10 adds KMS keys).
import type { IncomingHttpHeaders } from 'node:http';
import { OssError } from './errors.js';
import type { Encryption } from './types.js';

const ALGORITHMS = ['AES256', 'KMS', 'SM4'];

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  const s = Array.isArray(v) ? v.join(',') : v;
  return s === undefined || s === '' ? undefined : s;
}

export function parseEncryption(headers: IncomingHttpHeaders): Encryption | undefined {
  const algorithm = header(headers, 'x-oss-server-side-encryption');
  // x-oss-server-side-data-encryption only means something with KMS: beside AES256, SM4 or no algorithm it is
  // ignored and not echoed (oss2 live tests/test_server_side_encryotion.py test_put_object_with_encryption:
  // AES256+SM4, SM4+SM4 and none+SM4 all store the object as if it were absent).
  const dataAlgorithm = algorithm === 'KMS' ? header(headers, 'x-oss-server-side-data-encryption') : undefined;
  const keyId = header(headers, 'x-oss-server-side-encryption-key-id');
  if (algorithm === undefined) {
    // A key id only means something with KMS [I: whether OSS ignores it too is not captured].
    if (keyId !== undefined) throw new OssError('InvalidEncryptionAlgorithmError');
    return undefined;
  }
  if (!ALGORITHMS.includes(algorithm)) throw new OssError('InvalidEncryptionAlgorithmError');
  if (dataAlgorithm !== undefined && dataAlgorithm !== 'SM4') throw new OssError('InvalidDataEncryptionAlgorithmError');
  if (keyId !== undefined && algorithm !== 'KMS') throw new OssError('InvalidEncryptionAlgorithmError');
  return { algorithm, ...(dataAlgorithm ? { dataAlgorithm } : {}), ...(keyId ? { keyId } : {}) };
}

export function encryptionHeaders(e: Encryption | undefined): Record<string, string> {
  if (e === undefined) return {};
  const out: Record<string, string> = { 'x-oss-server-side-encryption': e.algorithm };
  if (e.dataAlgorithm) out['x-oss-server-side-data-encryption'] = e.dataAlgorithm;
  if (e.algorithm === 'KMS') out['x-oss-server-side-encryption-key-id'] = e.keyId ?? DEFAULT_KMS_KEY_ID;
  return out;
}

/** The key OSS uses when KMS is asked for without a key id: the account's OSS-managed CMK [I]. */
export const DEFAULT_KMS_KEY_ID = 'local-oss-default-kms-key';
