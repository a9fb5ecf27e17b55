// Image style models, named after PY2 models/bucket_style.py in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface StyleInfo {
  name?: string;
  content?: string;
  createTime?: string;
  lastModifyTime?: string;
  category?: string;
}

export interface StyleContent {
  content?: string;
}

export interface StyleList {
  styles: StyleInfo[];
}

export interface PutStyleRequest extends BucketTarget {
  styleName: string;
  category?: string;
  style?: StyleContent;
}

export type PutStyleResult = ResultBase;

export interface GetStyleRequest extends BucketTarget {
  styleName: string;
}

export interface GetStyleResult extends ResultBase {
  style: StyleInfo;
}

export type ListStyleRequest = BucketTarget;

export interface ListStyleResult extends ResultBase {
  styleList: StyleList;
}

export interface DeleteStyleRequest extends BucketTarget {
  styleName: string;
}

export type DeleteStyleResult = ResultBase;
