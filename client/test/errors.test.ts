// Service errors (behaviour §3.1): the <Error> body, the base64 x-oss-err header of body-less HEAD answers, and the
// fallbacks PY2's _to_service_error and ali-oss use.
import { describe, expect, it } from 'vitest';
import { OssServiceError, parseErrorResponse } from '@local-oss/client';

const NO_SUCH_KEY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>NoSuchKey</Code>\n  <Message>The specified key does not exist.</Message>\n' +
  '  <RequestId>6557176CD11E5535303C****</RequestId>\n  <HostId>bucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n' +
  '  <Key>walker-not-.txt</Key>\n  <EC>0026-00000001</EC>\n' +
  '  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0026-00000001</RecommendDoc>\n</Error>';

describe('parseErrorResponse', () => {
  it('reads the <Error> document (behaviour §3.1 example)', () => {
    const headers = { 'x-oss-request-id': 'ignored-when-body-has-one', 'content-type': 'application/xml' };
    const e = parseErrorResponse(404, headers, NO_SUCH_KEY);
    expect(e).toBeInstanceOf(OssServiceError);
    expect(e).toBeInstanceOf(Error);
    expect(e.status).toBe(404);
    expect(e.code).toBe('NoSuchKey');
    expect(e.message).toBe('The specified key does not exist.');
    expect(e.requestId).toBe('6557176CD11E5535303C****');
    expect(e.hostId).toBe('bucket.oss-cn-hangzhou.aliyuncs.com');
    expect(e.ec).toBe('0026-00000001');
    expect(e.headers).toBe(headers);
    expect(e.details.Key).toBe('walker-not-.txt');
    expect(e.details.RecommendDoc).toBe('https://api.aliyun.com/troubleshoot?q=0026-00000001');
  });

  it('decodes x-oss-err for a body-less HEAD answer', () => {
    const xml = '<Error><Code>AccessDenied</Code><Message>You have no right to access this object.</Message>' +
      '<RequestId>R1</RequestId><HostId>h</HostId><EC>0003-00000001</EC></Error>';
    const e = parseErrorResponse(403, { 'x-oss-err': Buffer.from(xml).toString('base64'), 'x-oss-request-id': 'R1' }, '');
    expect([e.status, e.code, e.message, e.requestId, e.ec, e.hostId]).toEqual([
      403, 'AccessDenied', 'You have no right to access this object.', 'R1', '0003-00000001', 'h',
    ]);
  });

  it('takes request id and EC from headers when the document lacks them', () => {
    const e = parseErrorResponse(400, { 'x-oss-request-id': 'RID', 'x-oss-ec': '0016-00000502' },
      '<Error><Code>InvalidArgument</Code><Message>m</Message><ArgumentName>x-oss-tagging</ArgumentName></Error>');
    expect([e.code, e.requestId, e.ec, e.hostId]).toEqual(['InvalidArgument', 'RID', '0016-00000502', undefined]);
    expect(e.details).toEqual({ Code: 'InvalidArgument', Message: 'm', ArgumentName: 'x-oss-tagging' });
  });

  it('names a body-less answer from its status as ali-oss does, else BadErrorResponse as PY2 does', () => {
    expect(parseErrorResponse(404, {}, '').code).toBe('NoSuchKey');
    expect(parseErrorResponse(412, {}, '').code).toBe('PreconditionFailed');
    expect(parseErrorResponse(304, {}, '').code).toBe('NotModified');
    const e = parseErrorResponse(503, { 'x-oss-request-id': 'R' }, '');
    expect([e.code, e.message, e.requestId, e.ec]).toEqual(['BadErrorResponse', 'HTTP 503 without a body', 'R', undefined]);
  });

  it('pulls Code and Message out of an <Error> body that does not parse, as PY2 does', () => {
    const e = parseErrorResponse(400, {}, '<Error><Code>MalformedXML</Code><Message>bad & worse</Message><Broken></Error>');
    expect([e.code, e.message]).toEqual(['MalformedXML', 'bad & worse']);
  });

  it('keeps the start of a body that is not an OSS error document', () => {
    const e = parseErrorResponse(502, {}, '<html><body>Bad Gateway</body></html>');
    expect(e.code).toBe('BadErrorResponse');
    expect(e.message).toBe('<html><body>Bad Gateway</body></html>');
    expect(e.details).toEqual({});
  });
});
