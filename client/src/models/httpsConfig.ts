// HTTPS configuration models, named after PY2 models/bucket_https_config.py in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface TLS {
  enable?: boolean;
  /** TLSv1.0 … TLSv1.3. */
  tlsVersions?: string[];
}

export interface CipherSuite {
  enable?: boolean;
  strongCipherSuite?: boolean;
  customCipherSuites?: string[];
  tls13CustomCipherSuites?: string[];
}

export interface HttpsConfiguration {
  tls?: TLS;
  cipherSuite?: CipherSuite;
}

export interface PutBucketHttpsConfigRequest extends BucketTarget {
  httpsConfiguration: HttpsConfiguration;
}

export type PutBucketHttpsConfigResult = ResultBase;

export type GetBucketHttpsConfigRequest = BucketTarget;

export interface GetBucketHttpsConfigResult extends ResultBase {
  httpsConfiguration: HttpsConfiguration;
}
