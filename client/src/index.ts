// @local-oss/client: the OSS wire protocol and the OssClient. The emulator imports the protocol half (signing,
// CRC-64, XML, errors) to verify and answer requests exactly as the client builds them.

// Wire protocol
export * from './crc64.js'; // CRC-64/XZ, combine, decimal form (behaviour §7)
export * from './xml.js'; // parseXml, buildXml, asArray, textOf, XmlError
export * from './xmlSchema.js'; // models to and from XML by element schema
export * from './errors.js'; // OssServiceError, InconsistentCrcError, parseErrorResponse (behaviour §3.1)
export * from './signer/request.js'; // SignableRequest, Credentials, uriEncode
export * from './signer/v1.js'; // V1 header signature (behaviour §8.2)
export * from './signer/v2.js'; // V2 header signature and presigned URL (behaviour §8.9)
export * from './signer/v4.js'; // V4 header signature, parseV4Authorization (behaviour §8.4)
export * from './signer/presign.js'; // V1/V4 presigned URLs and their verification strings (behaviour §8.3, §8.5)
export * from './signer/postPolicy.js'; // PostObject form signatures, V1 and V4 (behaviour §9.13)

// Client
export * from './transport.js';
export * from './client.js';
export { objectHeaders } from './ops/object.js'; // the request headers of the common object fields
export { encodeCopySource } from './ops/copy.js'; // x-oss-copy-source as PY2 encodes it
export { SelectObjectError, selectRequestXml, selectMetaRequestXml, readSelectFrames, type SelectEnd } from './ops/select.js'; // a select failure reported in the end frame
export * from './models/index.js';
export * from './copier.js';
export * from './transfer.js';
