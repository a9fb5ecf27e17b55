// @local-oss/client: the OSS wire protocol (signing, CRC-64, XML, errors) and the OssClient.
export * from './crc64.js';
export * from './xml.js';
export * from './errors.js';
export * from './signer/request.js';
export * from './signer/v1.js';
export * from './signer/v4.js';
export * from './signer/presign.js';
export * from './transport.js';
export * from './client.js';
export * from './models/index.js';
export * from './copier.js';
export * from './transfer.js';
