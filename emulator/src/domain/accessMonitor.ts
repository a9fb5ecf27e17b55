// Bucket access monitor (Put/GetBucketAccessMonitor, behaviour §14.8): Status Enabled or Disabled. Sources: the
// Python SDK v2 models/bucket_access_monitor.py (AccessMonitorConfiguration > Status; AccessMonitorStatusType
// Enabled / Disabled) and its integration test_bucket_access_monitor_client.py; the lifecycle user guide ("lifecycle
// rules based on last access time" need access tracking on, and it cannot be turned off while such rules exist).
// A bucket never configured reports Disabled (GetBucketInfo AccessMonitor of a new bucket) [I: Get answers it too].
import { OssError } from './errors.js';

export type AccessMonitorStatus = 'Enabled' | 'Disabled';

export function parseAccessMonitor(doc: Record<string, unknown> | undefined): AccessMonitorStatus {
  const root = doc?.AccessMonitorConfiguration;
  const status = root !== null && typeof root === 'object' ? (root as Record<string, unknown>).Status : undefined;
  if (status !== 'Enabled' && status !== 'Disabled') throw new OssError('MalformedXML', { ErrorDetail: 'Status must be Enabled or Disabled' });
  return status;
}
