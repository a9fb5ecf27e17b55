// Server-side encryption headers (spec §1.7): AES256, KMS (optionally with a key id and SM4 data encryption),
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
  const dataAlgorithm = header(headers, 'x-oss-server-side-data-encryption');
  const keyId = header(headers, 'x-oss-server-side-encryption-key-id');
  if (algorithm === undefined) {
    // The data-encryption and key-id headers only mean something with KMS [I].
    if (dataAlgorithm !== undefined || keyId !== undefined) throw new OssError('InvalidEncryptionAlgorithmError');
    return undefined;
  }
  if (!ALGORITHMS.includes(algorithm)) throw new OssError('InvalidEncryptionAlgorithmError');
  if (dataAlgorithm !== undefined && (algorithm !== 'KMS' || dataAlgorithm !== 'SM4')) {
    throw new OssError('InvalidDataEncryptionAlgorithmError');
  }
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
