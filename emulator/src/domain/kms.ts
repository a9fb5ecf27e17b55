// Envelope encryption for SSE-KMS objects (issue 10): every content writer gets its own data key, which is stored
// only wrapped under the emulated KMS master key; chunks are sealed with the data key. AES-256-GCM throughout, so a
// changed byte on disk fails authentication instead of reading back as silently wrong data.
// Layout of every sealed blob (wrapped data key or chunk): 12-byte nonce || ciphertext || 16-byte tag.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const KEY_SIZE = 32; // AES-256, for master and data keys alike
const NONCE_SIZE = 12; // GCM's native nonce size (NIST SP 800-38D §8.2): random nonces are safe at this length
const TAG_SIZE = 16;

/** Bytes a sealed blob adds to its plaintext. */
export const SEAL_OVERHEAD = NONCE_SIZE + TAG_SIZE;

export function newMasterKey(): Buffer {
  return randomBytes(KEY_SIZE);
}

/** A fresh data key, in the clear (to seal chunks now) and wrapped under the master key (to store). */
export function generateDataKey(masterKey: Buffer): { plaintext: Buffer; wrapped: Buffer } {
  const plaintext = randomBytes(KEY_SIZE);
  return { plaintext, wrapped: seal(masterKey, plaintext) };
}

/** Throws when the wrapped key was not produced under this master key or was altered. */
export function unwrapDataKey(masterKey: Buffer, wrapped: Buffer): Buffer {
  const key = open(masterKey, wrapped);
  if (key.length !== KEY_SIZE) throw new Error('wrapped data key has the wrong length');
  return key;
}

export function encryptChunk(dataKey: Buffer, plaintext: Buffer): Buffer {
  return seal(dataKey, plaintext);
}

/** Throws when GCM authentication fails (the blob was altered or belongs to another data key). */
export function decryptChunk(dataKey: Buffer, blob: Buffer): Buffer {
  return open(dataKey, blob);
}

function seal(key: Buffer, plaintext: Buffer): Buffer {
  const nonce = randomBytes(NONCE_SIZE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = cipher.update(plaintext);
  const rest = cipher.final(); // empty for GCM, kept for the API's contract
  return Buffer.concat([nonce, body, rest, cipher.getAuthTag()]);
}

function open(key: Buffer, blob: Buffer): Buffer {
  if (blob.length < SEAL_OVERHEAD) throw new Error('sealed blob is shorter than its nonce and tag');
  const nonce = blob.subarray(0, NONCE_SIZE);
  const tag = blob.subarray(blob.length - TAG_SIZE);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_SIZE });
  decipher.setAuthTag(tag);
  const body = decipher.update(blob.subarray(NONCE_SIZE, blob.length - TAG_SIZE));
  const rest = decipher.final(); // throws on an authentication failure
  return rest.length === 0 ? body : Buffer.concat([body, rest]);
}
