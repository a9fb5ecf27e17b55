// CORS models, named after PY2 models/bucket_cors.py in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';
import type { ObjectTarget } from './object.js';

export interface CORSRule {
  allowedOrigins?: string[];
  allowedMethods?: string[];
  allowedHeaders?: string[];
  exposeHeaders?: string[];
  maxAgeSeconds?: number;
}

export interface CORSConfiguration {
  corsRules?: CORSRule[];
  responseVary?: boolean;
}

export interface PutBucketCorsRequest extends BucketTarget {
  corsConfiguration: CORSConfiguration;
}

export type PutBucketCorsResult = ResultBase;

export type GetBucketCorsRequest = BucketTarget;

export interface GetBucketCorsResult extends ResultBase {
  corsConfiguration: CORSConfiguration;
}

export type DeleteBucketCorsRequest = BucketTarget;

export type DeleteBucketCorsResult = ResultBase;

export interface OptionObjectRequest extends ObjectTarget {
  origin?: string;
  accessControlRequestMethod?: string;
  accessControlRequestHeaders?: string;
}

export interface OptionObjectResult extends ResultBase {
  accessControlAllowOrigin?: string;
  accessControlAllowMethods?: string;
  accessControlAllowHeaders?: string;
  accessControlExposeHeaders?: string;
  accessControlMaxAge?: number;
}
