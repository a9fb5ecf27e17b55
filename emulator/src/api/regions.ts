// DescribeRegions (`GET /?regions`, service scope; behaviour §14.3): the regions this emulator serves
// (--region / --regions), as OSS's RegionInfoList (element names: PY2 models/region.py RegionInfo and the
// unit test's sample: Region oss-<id>, InternetEndpoint, InternalEndpoint, AccelerateEndpoint).
import { OssError } from '../domain/errors.js';
import type { OssContext } from '../http/state.js';
import { sendXml } from '../http/render.js';
import { extranetEndpoint, intranetEndpoint, locationOf } from './endpoints.js';

/**
 * The endpoints are OSS's names for each region (PY2's live test_describe_regions asserts them exactly, through any
 * endpoint), or --public-endpoint when one is configured. Unlike a bucket's ExtranetEndpoint (api/endpoints.ts),
 * no SDK suite follows them back to clean up, so nothing needs them to lead to this listener.
 * `?regions=oss-<id>` asks for one region ("only by OSS region ID", DescribeRegions API reference); a region this
 * emulator does not serve is NoSuchRegion (oss2's live test_describe_regions_exception; status and message [I]).
 */
export function describeRegions(ctx: OssContext): void {
  const wanted = ctx.state.query.get('regions');
  const served = servedRegions(ctx);
  const regions = wanted === undefined || wanted === '' ? served : served.filter((r) => locationOf(r) === wanted);
  if (regions.length === 0) throw new OssError('NoSuchRegion', { RegionId: wanted });
  sendXml(ctx, 'RegionInfoList', {
    RegionInfo: regions.map((r) => {
      const own = ctx.state.config.publicEndpoint;
      return {
        Region: locationOf(r),
        InternetEndpoint: own ?? extranetEndpoint(r),
        InternalEndpoint: own ?? intranetEndpoint(r),
        AccelerateEndpoint: own ?? 'oss-accelerate.aliyuncs.com',
      };
    }),
  });
}

/** The regions this emulator serves (--region and --regions), sorted. */
export function servedRegions(ctx: OssContext): string[] {
  return [...new Set([ctx.state.config.region, ...ctx.state.config.regions])].sort();
}
