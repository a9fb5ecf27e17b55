import { describe, expect, it } from 'vitest';
import { parseCopySource } from '../../src/domain/copySource.js';
import { OssError } from '../../src/domain/errors.js';

const fails = (header: string) => {
  try {
    parseCopySource(header);
  } catch (err) {
    return err as OssError;
  }
  throw new Error(`${header} was accepted`);
};

describe('parseCopySource (behaviour §1.2)', () => {
  it('decodes the key whichever way an SDK encoded it, keeping + literal', () => {
    expect(parseCopySource('/b/dir/a%20b%2Bc.txt')).toEqual({ bucket: 'b', key: 'dir/a b+c.txt' });
    expect(parseCopySource('/b/dir%2Fa%20b.txt')).toEqual({ bucket: 'b', key: 'dir/a b.txt' });
    expect(parseCopySource('/b/a+b')).toEqual({ bucket: 'b', key: 'a+b' });
    expect(parseCopySource('/b/%E4%B8%AD%3F.txt?versionId=CAEQ1.x_y')).toEqual({ bucket: 'b', key: '中?.txt', versionId: 'CAEQ1.x_y' });
  });

  it('refuses malformed sources with the documented InvalidArgument messages', () => {
    for (const h of ['b/k', '/b', '/b/', '//k']) {
      const e = fails(h);
      expect([e.code, e.message]).toEqual(['InvalidArgument', 'Copy Source must mention the source bucket and key: /sourcebucket/sourcekey.']);
    }
    expect(fails('/b/k?versionId=').message).toBe('Version id can not be the empty string.');
    expect(fails('/b/k?foo=1').ec).toBe('0016-00000304');
    expect(fails('/b/k?versionId=a%26b').message).toBe('Invalid version id specified.');
    expect(fails('/b/%E4%B8').code).toBe('InvalidArgument');
  });
});
