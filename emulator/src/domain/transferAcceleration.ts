// Transfer acceleration (Put/GetBucketTransferAcceleration, behaviour §14.9): stored and answered only — the
// emulator has no acceleration endpoint. Sources: the Python SDK v2 models/bucket_transfer_acceleration.py
// (TransferAccelerationConfiguration > Enabled, a boolean) and test_bucket_transfer_acceleration_client.py.
import { OssError } from './errors.js';

export function parseTransferAcceleration(doc: Record<string, unknown> | undefined): boolean {
  const root = doc?.TransferAccelerationConfiguration;
  const raw = root !== null && typeof root === 'object' ? (root as Record<string, unknown>).Enabled : undefined;
  const v = typeof raw === 'boolean' ? String(raw) : typeof raw === 'string' ? raw.toLowerCase() : undefined;
  if (v !== 'true' && v !== 'false') throw new OssError('MalformedXML', { ErrorDetail: 'Enabled must be true or false' });
  return v === 'true';
}
