// SSE-KMS at the API edge (issue 10): which emulated key a write encrypts with, and whether an encrypted object may
// be read. Keys are declared in the config file or created on first use; once the config declares any key, an
// undeclared id is unknown (KeyNotFound), so tests can exercise that error. The store encrypts the bytes
// (store/contentWriter.ts seals, store/content.ts unseals: envelope encryption with AES-256-GCM).
import { decryptChecks } from '../domain/actions.js';
import { DEFAULT_KMS_KEY_ID } from '../domain/encryption.js';
import { OssError } from '../domain/errors.js';
import type { Encryption, ObjectVersionRecord } from '../domain/types.js';
import { arnContext, permit } from '../http/access.js';
import type { OssContext } from '../http/state.js';
import type { Store } from '../store/store.js';

/** The KMS key an encryption setting names (the account's default key when KMS is asked for without an id). */
export function kmsKeyIdOf(encryption: Encryption | undefined): string | undefined {
  if (encryption?.algorithm !== 'KMS') return undefined;
  return encryption.keyId ?? DEFAULT_KMS_KEY_ID;
}

/** A disabled key refuses writes and reads alike (docs/permissions.md §3). */
function refuseDisabled(ctx: OssContext, keyId: string): void {
  if (ctx.state.store.kms.get(keyId)?.enabled === false) throw new OssError('KmsKeyDisabled', { KeyId: keyId });
}

/** Refuses an unknown or disabled key; creates an undeclared one on first use when the config declares none. */
export function usableKmsKey(ctx: OssContext, keyId: string): void {
  usableKmsKeyIn(ctx.state.store, keyId, ctx.state.config.kmsKeysDeclared);
}

/** usableKmsKey without a request: the emulator's own writes (replicas, inventory reports). */
export function usableKmsKeyIn(store: Store, keyId: string, kmsKeysDeclared: boolean): void {
  const kms = store.kms;
  const key = kms.get(keyId);
  if (key === undefined) {
    if (kmsKeysDeclared && keyId !== DEFAULT_KMS_KEY_ID) throw new OssError('KeyNotFound', { KeyId: keyId });
    kms.getOrCreate(keyId);
    return;
  }
  if (!key.enabled) throw new OssError('KmsKeyDisabled', { KeyId: keyId });
}

/** What a write's content store writer needs: the key to encrypt under, checked usable. */
export function writerEncryption(ctx: OssContext, encryption: Encryption | undefined): { encryption?: { keyId: string } } {
  const keyId = kmsKeyIdOf(encryption);
  if (keyId === undefined) return {};
  usableKmsKey(ctx, keyId);
  return { encryption: { keyId } };
}

/**
 * Reading an SSE-KMS object: kms:Decrypt on its key (unless the caller already checked it with its other
 * permissions, as a copy does through copySourceChecks), and the key must not be disabled.
 */
export function checkDecryptable(ctx: OssContext, bucket: string, o: ObjectVersionRecord, permissionChecked = false): void {
  const keyId = kmsKeyIdOf(o.encryption);
  if (keyId === undefined) return;
  if (!permissionChecked) permit(ctx, decryptChecks(arnContext(ctx, bucket), keyId));
  refuseDisabled(ctx, keyId);
}
