// The bucket's archive direct read switch (behaviour §9.10; PY2 models/bucket_archive_direct_read.py
// ArchiveDirectReadConfiguration/Enabled). When on, Archive objects (not the cold classes: OSS doc "Real-time
// access of Archive objects") are read without a restore.
import { OssError } from './errors.js';

export function parseArchiveDirectRead(doc: Record<string, unknown> | undefined): boolean {
  const root = doc?.ArchiveDirectReadConfiguration;
  if (root === null || typeof root !== 'object') throw new OssError('MalformedXML');
  const enabled = String((root as Record<string, unknown>).Enabled ?? '');
  if (enabled !== 'true' && enabled !== 'false') throw new OssError('MalformedXML');
  return enabled === 'true';
}

export function archiveDirectReadToXml(enabled: boolean): object {
  return { Enabled: enabled ? 'true' : 'false' };
}
