// The RSA key pair upload callbacks are signed with (behaviour §9.14). OSS signs each callback request with a
// private key and names the public key's URL in x-oss-pub-key-url (API reference "Callback", step 3); the emulator
// makes its own pair, once per process [I: a restart makes a new pair, so the key's URL carries its fingerprint and a
// server caching keys by URL never verifies with a stale one], and serves the public half itself:
// GET /-/callback/public-key-<fingerprint>.pem (and /-/callback/public-key.pem, the current one) on any host,
// without credentials, as gosspublic.alicdn.com serves OSS's.
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { OssContext } from '../http/state.js';
import { serviceHost } from './endpoints.js';

export interface CallbackKey {
  privateKey: KeyObject;
  /** The public key as PEM (SubjectPublicKeyInfo, `-----BEGIN PUBLIC KEY-----`, the form OSS's key file has). */
  publicPem: string;
  fingerprint: string;
}

let current: CallbackKey | undefined;

/** The process's key pair, made on first use (2048-bit RSA; OSS's own key's size is not documented). */
export function callbackKey(): CallbackKey {
  if (current === undefined) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const fingerprint = createHash('sha256').update(publicPem).digest('hex').slice(0, 16);
    current = { privateKey, publicPem, fingerprint };
  }
  return current;
}

export const PUBLIC_KEY_PATH = /^\/-\/callback\/public-key(?:-([0-9a-f]{16}))?\.pem$/;

/** Answers GET of the public key's path (app.ts, before addressing); false when the path is another. */
export function servePublicKey(ctx: OssContext): boolean {
  const m = PUBLIC_KEY_PATH.exec(ctx.path);
  if (m === null || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return false;
  const key = callbackKey();
  if (m[1] !== undefined && m[1] !== key.fingerprint) return false; // another process's key: the object namespace
  ctx.type = 'application/x-pem-file';
  ctx.body = key.publicPem;
  return true;
}

/**
 * Where the callback server fetches the public key: --public-endpoint when set; else the scheme and host the upload
 * came on (a virtual-hosted bucket label removed), or, for an OSS host name (`….aliyuncs.com`, which the callback
 * server may not resolve to the emulator), the address the request reached.
 */
export function publicKeyUrl(ctx: OssContext): string {
  const path = `/-/callback/public-key-${callbackKey().fingerprint}.pem`;
  const configured = ctx.state.config.publicEndpoint;
  if (configured !== undefined) return `${configured.replace(/\/+$/, '')}${path}`;
  const host = ctx.state.host;
  if (host !== '' && !/\.aliyuncs\.com(:\d+)?$/i.test(host)) return `${ctx.protocol}://${serviceHost(host)}${path}`;
  const socket = ctx.req.socket;
  const address = socket.localAddress?.includes(':') ? `[${socket.localAddress}]` : socket.localAddress ?? '127.0.0.1';
  return `${ctx.protocol}://${address}:${socket.localPort}${path}`;
}
