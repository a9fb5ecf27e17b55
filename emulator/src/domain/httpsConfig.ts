// HTTPS configuration (Put/GetBucketHttpsConfig, behaviour §14.17): which TLS versions and cipher suites the bucket's
// domain accepts. Stored and answered only; the emulator's own TLS listener does not apply it. Sources: the
// PutBucketHttpsConfig API reference (TLSVersion TLSv1.0-TLSv1.3, at least one when Enable is true; CipherSuite
// Enable / StrongCipherSuite / CustomCipherSuite / TLS13CustomCipherSuite), PY2 models/bucket_https_config.py, oss2
// live tests/test_bucket_https_config.py (Enable true without a version and unknown versions are MalformedXML,
// repeated versions are kept once, Enable false reads back with no version).
import { OssError } from './errors.js';

export const TLS_VERSIONS = ['TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;

export interface HttpsConfig {
  tls: { enable: boolean; versions: string[] };
  cipherSuite?: { enable: boolean; strong?: boolean; custom: string[]; tls13Custom: string[] };
}

/** Without a configuration OSS's default [I]: TLS not restricted. */
export const DEFAULT_HTTPS_CONFIG: HttpsConfig = { tls: { enable: false, versions: [] } };

function node(v: unknown): Record<string, unknown> | undefined {
  if (v === undefined || v === '') return undefined;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new OssError('MalformedXML');
  return v as Record<string, unknown>;
}

function texts(v: unknown): string[] {
  const list = v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v];
  return list.map((x) => {
    if (typeof x !== 'string') throw new OssError('MalformedXML');
    return x;
  });
}

function bool(v: unknown): boolean | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || !/^(true|false)$/i.test(v)) throw new OssError('MalformedXML');
  return v.toLowerCase() === 'true';
}

/** The configuration of a PutBucketHttpsConfig body; every refusal is MalformedXML (oss2 live test, as above). */
export function parseHttpsConfig(doc: Record<string, unknown> | undefined): HttpsConfig {
  const root = node(doc?.HttpsConfiguration);
  if (root === undefined) throw new OssError('MalformedXML');
  const tls = node(root.TLS);
  const enable = bool(tls?.Enable) ?? false;
  const versions = [...new Set(texts(tls?.TLSVersion))];
  if (versions.some((v) => !(TLS_VERSIONS as readonly string[]).includes(v))) throw new OssError('MalformedXML');
  if (enable && versions.length === 0) throw new OssError('MalformedXML');
  const cs = node(root.CipherSuite);
  const config: HttpsConfig = { tls: { enable, versions: enable ? versions : [] } };
  if (cs !== undefined) {
    const strong = bool(cs.StrongCipherSuite);
    config.cipherSuite = {
      enable: bool(cs.Enable) ?? false,
      ...(strong !== undefined ? { strong } : {}),
      custom: texts(cs.CustomCipherSuite),
      tls13Custom: texts(cs.TLS13CustomCipherSuite),
    };
  }
  return config;
}

/** The GetBucketHttpsConfig document (element order of the API reference's response sample). */
export function httpsConfigToXml(c: HttpsConfig): object {
  return {
    TLS: { Enable: String(c.tls.enable), ...(c.tls.versions.length > 0 ? { TLSVersion: c.tls.versions } : {}) },
    ...(c.cipherSuite
      ? {
          CipherSuite: {
            Enable: String(c.cipherSuite.enable),
            ...(c.cipherSuite.strong !== undefined ? { StrongCipherSuite: String(c.cipherSuite.strong) } : {}),
            ...(c.cipherSuite.custom.length > 0 ? { CustomCipherSuite: c.cipherSuite.custom } : {}),
            ...(c.cipherSuite.tls13Custom.length > 0 ? { TLS13CustomCipherSuite: c.cipherSuite.tls13Custom } : {}),
          },
        }
      : {}),
  };
}
