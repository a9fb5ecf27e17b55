// HTTPS configuration (PY2 put/get_bucket_https_config): `?httpsConfig` on a bucket.
import { asArray, buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, md5, str, type Node, type Wire } from './wire.js';

const SUB: [string, undefined][] = [['httpsConfig', undefined]];

export async function putBucketHttpsConfig(wire: Wire, req: M.PutBucketHttpsConfigRequest): Promise<M.PutBucketHttpsConfigResult> {
  const { tls, cipherSuite: cs } = req.httpsConfiguration;
  const body = buildXml('HttpsConfiguration', {
    ...(tls
      ? { TLS: { ...(tls.enable !== undefined ? { Enable: String(tls.enable) } : {}), ...(tls.tlsVersions?.length ? { TLSVersion: tls.tlsVersions } : {}) } }
      : {}),
    ...(cs
      ? {
          CipherSuite: {
            ...(cs.enable !== undefined ? { Enable: String(cs.enable) } : {}),
            ...(cs.strongCipherSuite !== undefined ? { StrongCipherSuite: String(cs.strongCipherSuite) } : {}),
            ...(cs.customCipherSuites?.length ? { CustomCipherSuite: cs.customCipherSuites } : {}),
            ...(cs.tls13CustomCipherSuites?.length ? { TLS13CustomCipherSuite: cs.tls13CustomCipherSuites } : {}),
          },
        }
      : {}),
  });
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: SUB, headers: { 'content-md5': md5(body) }, body }));
}

function flag(node: unknown, name: string): boolean | undefined {
  const s = str(node, name);
  return s === undefined || s === '' ? undefined : s.toLowerCase() === 'true';
}

export async function getBucketHttpsConfig(wire: Wire, req: M.GetBucketHttpsConfigRequest): Promise<M.GetBucketHttpsConfigResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: SUB });
  const root = (await wire.xml(res)).HttpsConfiguration as Node | undefined;
  const tls = root?.TLS as Node | undefined;
  const cs = root?.CipherSuite as Node | undefined;
  return {
    ...base(res),
    httpsConfiguration: {
      ...(tls ? { tls: { enable: flag(tls, 'Enable'), tlsVersions: asArray(tls.TLSVersion as string[]) } } : {}),
      ...(cs
        ? {
            cipherSuite: {
              enable: flag(cs, 'Enable'),
              strongCipherSuite: flag(cs, 'StrongCipherSuite'),
              customCipherSuites: asArray(cs.CustomCipherSuite as string[]),
              tls13CustomCipherSuites: asArray(cs.TLS13CustomCipherSuite as string[]),
            },
          }
        : {}),
    },
  };
}
