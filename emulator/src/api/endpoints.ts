// Endpoint names OSS reports for a region (spec §8.6: `oss-<region>.aliyuncs.com`, internal `-internal`).
export function locationOf(region: string): string {
  return `oss-${region}`;
}

export function extranetEndpoint(region: string): string {
  return `oss-${region}.aliyuncs.com`;
}

export function intranetEndpoint(region: string): string {
  return `oss-${region}-internal.aliyuncs.com`;
}
