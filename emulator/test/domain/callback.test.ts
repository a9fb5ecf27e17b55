// Upload callback documents and bodies (domain/callback.ts, behaviour §9.14), without HTTP.
import { describe, expect, it } from 'vitest';
import { callbackStringToSign, isVarName, parseCallback, renderCallbackBody } from '../../src/domain/callback.js';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64');

describe('parseCallback', () => {
  it('reads the fields, defaults the body type, adds http:// to a URL without a scheme, splits up to 5 URLs', () => {
    const spec = parseCallback({ callback: b64({ callbackUrl: '121.43.113.8:23456/index.html;https://a.example/x', callbackHost: 'h', callbackBody: 'a=${object}', callbackSNI: true }) }, undefined);
    expect(spec).toEqual({
      urls: ['http://121.43.113.8:23456/index.html', 'https://a.example/x'],
      host: 'h',
      body: 'a=${object}',
      bodyType: 'application/x-www-form-urlencoded',
      sni: true,
      vars: {},
    });
  });

  it('is no callback without a callbackUrl (EC page 0007-00000004: "callback is not configured")', () => {
    expect(parseCallback({ callback: b64({ callbackBody: 'x' }) }, undefined)).toBeUndefined();
    expect(parseCallback({ callback: b64({ callbackUrl: '', callbackBody: 'x' }) }, undefined)).toBeUndefined();
  });

  it('uses a bucket callback policy named by callbackPolicy, with its callback-var', () => {
    const policies = [{ policyName: 'p', callback: b64({ callbackUrl: 'http://h/', callbackBody: 'v=${x:a}' }), callbackVar: b64({ 'x:a': '1' }) }];
    expect(parseCallback({ callback: b64({ callbackPolicy: 'p' }) }, policies)).toMatchObject({ urls: ['http://h/'], vars: { 'x:a': '1' } });
    expect(() => parseCallback({ callback: b64({ callbackPolicy: 'q' }) }, policies)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });

  it('refuses bad documents with their ECs', () => {
    const ec = (texts: { callback: string; callbackVar?: string }) => {
      try {
        parseCallback(texts, undefined);
        return 'accepted';
      } catch (e) {
        return (e as { ec?: string }).ec ?? (e as { code: string }).code;
      }
    };
    expect(ec({ callback: '!!' })).toBe('0007-00000002');
    expect(ec({ callback: b64('[1]') })).toBe('0007-00000003');
    expect(ec({ callback: b64({ callbackUrl: 'http://', callbackBody: 'a' }) })).toBe('0007-00000004');
    expect(ec({ callback: b64({ callbackUrl: 'http://h/', callbackBody: 'a' }), callbackVar: '!!' })).toBe('0007-00000102');
    expect(ec({ callback: b64({ callbackUrl: 'http://h/', callbackBody: 'a' }), callbackVar: b64('"s"') })).toBe('0007-00000103');
    expect(ec({ callback: b64({ callbackUrl: 'http://h/', callbackBody: 'a=${x' }) })).toBe('0007-00000105');
    expect(ec({ callback: b64({ callbackUrl: 'http://h/', callbackBody: 'a' }), callbackVar: b64({ 'x:a': 1 }) })).toBe('0007-00000103');
  });
});

describe('renderCallbackBody', () => {
  const facts = { bucket: 'b', object: 'dir/a b&c.jpg', etag: 'E', size: 12, mimeType: 'image/jpeg', imageInfo: { height: 3, width: 4, format: 'jpg' } };

  it('URL-encodes values in a form body; unknown and missing variables are empty', () => {
    const body = 'o=${object}&s=${size}&h=${imageInfo.height}&f=${imageInfo.format}&v=${x:v}&u=${unknown}&m=${x:missing}';
    expect(renderCallbackBody({ body, bodyType: 'application/x-www-form-urlencoded', vars: { 'x:v': 'a b' } }, facts)).toBe(
      'o=dir%2Fa%20b%26c.jpg&s=12&h=3&f=jpg&v=a%20b&u=&m=',
    );
  });

  it('JSON-encodes values in a JSON body: numbers for size and dimensions, quoted strings otherwise', () => {
    const body = '{"o":${object},"s":${size},"w":${imageInfo.width},"t":${mimeType},"v":${x:v}}';
    expect(JSON.parse(renderCallbackBody({ body, bodyType: 'application/json', vars: { 'x:v': '"q"' } }, facts))).toEqual({
      o: 'dir/a b&c.jpg',
      s: 12,
      w: 4,
      t: 'image/jpeg',
      v: '"q"',
    });
  });
});

describe('callback signature and variable names', () => {
  it('signs the decoded path, the query as sent, a newline and the body', () => {
    expect(callbackStringToSign('http://h:8080/a%20b/c?x=1%202&y', 'k=v')).toBe('/a b/c?x=1%202&y\nk=v');
    expect(callbackStringToSign('http://h/', '')).toBe('/\n');
  });

  it('takes x: names in lower case only', () => {
    expect(isVarName('x:my_var')).toBe(true);
    expect(isVarName('x:My')).toBe(false);
    expect(isVarName('my')).toBe(false);
    expect(isVarName('x:')).toBe(false);
  });
});
