// DescribeRegions (PY2 models/region.py): GET /?regions on the service host.
import { asArray } from '../xml.js';
import type * as M from '../models/index.js';
import { base, str, type Node, type Wire } from './wire.js';

export async function describeRegions(wire: Wire, req: M.DescribeRegionsRequest): Promise<M.DescribeRegionsResult> {
  const res = await wire.send({ method: 'GET', query: [['regions', req.regions || undefined]] });
  const list = (await wire.xml(res)).RegionInfoList as Node | undefined;
  return {
    ...base(res),
    regionInfo: asArray(list?.RegionInfo as Node[]).map((r) => ({
      region: str(r, 'Region'),
      internetEndpoint: str(r, 'InternetEndpoint'),
      internalEndpoint: str(r, 'InternalEndpoint'),
      accelerateEndpoint: str(r, 'AccelerateEndpoint'),
    })),
  };
}
