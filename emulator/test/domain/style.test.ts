// Image styles (domain/style.ts): name and content checks, create/replace/delete keeping creation order.
import { describe, expect, it } from 'vitest';
import { OssError } from '../../src/domain/errors.js';
import { checkStyleName, deleteStyle, parseStyleContent, putStyle } from '../../src/domain/style.js';

function thrown(fn: () => unknown): OssError | undefined {
  try {
    fn();
  } catch (err) {
    return err as OssError;
  }
  return undefined;
}

describe('checkStyleName', () => {
  it('1-63 of letters, digits, _ - . (OSS error docs 0017-00000250/251)', () => {
    expect(checkStyleName('image_style-1.a')).toBe('image_style-1.a');
    expect(checkStyleName('a'.repeat(63))).toBe('a'.repeat(63));
    const long = thrown(() => checkStyleName('a'.repeat(64)));
    expect([long?.code, long?.ec]).toEqual(['InvalidArgument', '0017-00000250']);
    const bad = thrown(() => checkStyleName('Images!tyle'));
    expect([bad?.code, bad?.message, bad?.ec]).toEqual(['InvalidArgument', 'The value: Images!tyle of parameter: stylename is invalid.', '0017-00000251']);
    expect(thrown(() => checkStyleName(undefined))?.code).toBe('InvalidArgument');
  });
});

describe('parseStyleContent', () => {
  it('keeps any text; empty or with ; ()\'*? is BadRequest "Style content is invalid."', () => {
    expect(parseStyleContent({ Style: { Content: 'image/resize,w_200' } })).toBe('image/resize,w_200');
    expect(parseStyleContent({ Style: { Content: 'csdar5324' } })).toBe('csdar5324');
    for (const content of ['', 'image/resize,p_6?', 'a b']) {
      const e = thrown(() => parseStyleContent({ Style: { Content: content } }));
      expect([e?.code, e?.message]).toEqual(['BadRequest', 'Style content is invalid.']);
    }
    expect(thrown(() => parseStyleContent({ Style: '' }))?.code).toBe('BadRequest');
    expect(thrown(() => parseStyleContent({ Other: {} }))?.code).toBe('MalformedXML');
    expect(thrown(() => parseStyleContent(undefined))?.code).toBe('MalformedXML');
  });
});

describe('putStyle / deleteStyle', () => {
  it('replaces in place keeping CreateTime and order; delete of the last leaves no document', () => {
    let set = putStyle(undefined, 'a', 'image/resize,w_1', undefined, 't1');
    set = putStyle(set, 'b', 'image/resize,w_2', 'image', 't2');
    set = putStyle(set, 'a', 'image/resize,w_3', 'image', 't3');
    expect(Object.keys(set)).toEqual(['a', 'b']);
    expect(set.a).toEqual({ name: 'a', content: 'image/resize,w_3', category: 'image', createTime: 't1', lastModifyTime: 't3' });
    expect(Object.keys(deleteStyle(set, 'a') ?? {})).toEqual(['b']);
    expect(deleteStyle(set, 'zz')).toBe(set);
    expect(deleteStyle(deleteStyle(set, 'a'), 'b')).toBeUndefined();
  });
});
