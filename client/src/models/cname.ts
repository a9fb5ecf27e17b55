// CNAME models, named after PY2 models/bucket_cname.py in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface CertificateConfiguration {
  certificate?: string;
  privateKey?: string;
  previousCertId?: string;
  force?: boolean;
  deleteCertificate?: boolean;
  certId?: string;
}

export interface Cname {
  domain?: string;
  certificateConfiguration?: CertificateConfiguration;
}

export interface BucketCnameConfiguration {
  cname?: Cname;
}

export interface CnameToken {
  bucket?: string;
  cname?: string;
  token?: string;
  /** An HTTP date. */
  expireTime?: string;
}

export interface CnameCertificate {
  type?: string;
  certId?: string;
  status?: string;
  creationDate?: string;
  fingerprint?: string;
  validStartDate?: string;
  validEndDate?: string;
}

export interface CnameInfo {
  domain?: string;
  lastModified?: string;
  status?: string;
  certificate?: CnameCertificate;
}

export interface CreateCnameTokenRequest extends BucketTarget {
  bucketCnameConfiguration: BucketCnameConfiguration;
}

export interface CreateCnameTokenResult extends ResultBase {
  cnameToken: CnameToken;
}

export interface GetCnameTokenRequest extends BucketTarget {
  /** The domain. */
  cname: string;
}

export interface GetCnameTokenResult extends ResultBase {
  cnameToken: CnameToken;
}

export interface PutCnameRequest extends BucketTarget {
  bucketCnameConfiguration: BucketCnameConfiguration;
}

export type PutCnameResult = ResultBase;

export type ListCnameRequest = BucketTarget;

export interface ListCnameResult extends ResultBase {
  bucket?: string;
  owner?: string;
  cnames: CnameInfo[];
}

export interface DeleteCnameRequest extends BucketTarget {
  bucketCnameConfiguration: BucketCnameConfiguration;
}

export type DeleteCnameResult = ResultBase;
