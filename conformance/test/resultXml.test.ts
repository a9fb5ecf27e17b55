// The drivers decode XML answers only where the API answers with a document: an object's own bytes may begin with
// "<" (a random body did, one run in a few hundred, and GetObject through raw-v1 failed on it).
import { describe, expect, it } from 'vitest';
import { resultData } from '../src/drivers/resultXml.js';

describe('resultData', () => {
  it('leaves a GetObject body alone even when it begins with "<"', () => {
    expect(resultData('GetObject', {}, Buffer.from([0x3c, 0xdc, 0xa6, 0x5d, 0x00, 0xff]))).toBeUndefined();
  });

  it('still decodes the XML of an API that answers with a document', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>';
    expect(resultData('GetBucketVersioning', {}, Buffer.from(xml))).toEqual({ versioning: 'Enabled' });
  });
});
