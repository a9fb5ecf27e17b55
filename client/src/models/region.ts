// DescribeRegions models, named after PY2 models/region.py in camelCase.
import type { ResultBase } from './common.js';

export interface DescribeRegionsRequest {
  /** One region by its OSS id (`oss-cn-hangzhou`); every region without it. */
  regions?: string;
}

export interface RegionInfo {
  region?: string;
  internetEndpoint?: string;
  internalEndpoint?: string;
  accelerateEndpoint?: string;
}

export interface DescribeRegionsResult extends ResultBase {
  regionInfo: RegionInfo[];
}
