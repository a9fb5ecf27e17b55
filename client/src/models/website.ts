// Static website models, named after PY2 models/bucket_website.py in camelCase (the main Redirect fields; the rest
// of the Mirror* options are not modelled yet).
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface IndexDocument {
  suffix?: string;
  supportSubDir?: boolean;
  /** 0, 1 or 2 (PutBucketWebsite API reference). */
  type?: number;
}

export interface ErrorDocument {
  key?: string;
  httpStatus?: number;
}

export interface RoutingRuleIncludeHeader {
  key?: string;
  equals?: string;
  startsWith?: string;
  endsWith?: string;
}

export interface RoutingRuleCondition {
  keyPrefixEquals?: string;
  keySuffixEquals?: string;
  httpErrorCodeReturnedEquals?: number;
  includeHeaders?: RoutingRuleIncludeHeader[];
}

export interface RoutingRuleRedirect {
  /** Mirror, External, AliCDN or Internal. */
  redirectType?: string;
  protocol?: string;
  hostName?: string;
  httpRedirectCode?: number;
  replaceKeyWith?: string;
  replaceKeyPrefixWith?: string;
  enableReplacePrefix?: boolean;
  passQueryString?: boolean;
  mirrorURL?: string;
  mirrorPassQueryString?: boolean;
  mirrorFollowRedirect?: boolean;
  mirrorCheckMd5?: boolean;
}

export interface RoutingRule {
  ruleNumber?: number;
  condition?: RoutingRuleCondition;
  redirect?: RoutingRuleRedirect;
}

export interface WebsiteConfiguration {
  indexDocument?: IndexDocument;
  errorDocument?: ErrorDocument;
  routingRules?: { routingRules?: RoutingRule[] };
}

export interface PutBucketWebsiteRequest extends BucketTarget {
  websiteConfiguration: WebsiteConfiguration;
}

export type PutBucketWebsiteResult = ResultBase;

export type GetBucketWebsiteRequest = BucketTarget;

export interface GetBucketWebsiteResult extends ResultBase {
  websiteConfiguration: WebsiteConfiguration;
}

export type DeleteBucketWebsiteRequest = BucketTarget;

export type DeleteBucketWebsiteResult = ResultBase;
