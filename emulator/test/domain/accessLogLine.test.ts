// The access-log line's time and user-defined fields (domain/accessLogLine.ts, behaviour §14.11.1).
import { describe, expect, it } from 'vitest';
import { logObjectKey, logTime, userDefinedLogFields } from '../../src/domain/accessLogLine.js';

describe('times', () => {
  it('are Beijing time, as the user guide examples and the log object name', () => {
    const t = Date.UTC(2012, 4, 1, 16, 0, 4); // 2012-05-02 00:00:04 +0800
    expect(logTime(t)).toBe('[02/May/2012:00:00:04 +0800]');
    expect(logObjectKey('MyLog-', 'oss-example', Date.UTC(2017, 8, 9, 20, 0, 0), '0000')).toBe('MyLog-oss-example2017-09-10-04-00-00-0000');
  });
});

describe('userDefinedLogFields', () => {
  const decode = (v: string) => JSON.parse(Buffer.from(v, 'base64').toString());
  it('holds only the configured names the request carried', () => {
    const v = userDefinedLogFields({ headers: ['a', 'b'], parameters: ['p'] }, (h) => (h === 'a' ? '1' : undefined), () => undefined);
    expect(decode(v)).toEqual({ truncated: false, headers: { a: '1' }, querys: {} });
  });
  it('cuts keys and values past 1024 bytes and says so', () => {
    const v = userDefinedLogFields({ headers: ['h'], parameters: ['p'] }, () => 'x'.repeat(2000), () => 'y');
    const d = decode(v);
    expect(d.truncated).toBe(true);
    expect(d.headers.h).toHaveLength(1023);
    expect(d.querys).toEqual({});
  });
});
