// Bucket image styles (`?style&styleName=`; behaviour §14.20): a named x-oss-process content per bucket, kept as one
// document per bucket. Pure: the HTTP layer reads the body and stores the document.
import { OssError } from './errors.js';

export interface Style {
  name: string;
  content: string;
  category: string;
  createTime: string;
  lastModifyTime: string;
}

/** Name → style, in the order styles were first created (PY2 and oss2 live tests list them in that order). */
export type StyleSet = Record<string, Style>;

/**
 * 1–63 letters, digits, `_`, `-`, `.` (OSS error docs 0017-00000250 (length) and 0017-00000251 (characters):
 * InvalidArgument "The value: Images!tyle of parameter: stylename is invalid.").
 */
export function checkStyleName(name: string | undefined): string {
  const value = name ?? '';
  if (value.length < 1 || value.length > 63) throw styleNameError(value, '0017-00000250');
  if (!/^[A-Za-z0-9_.-]+$/.test(value)) throw styleNameError(value, '0017-00000251');
  return value;
}

function styleNameError(value: string, ec: string): OssError {
  return new OssError('InvalidArgumentStyleName', { ArgumentName: 'stylename', ArgumentValue: value }, ec);
}

/**
 * The `<Style><Content>` of a PutStyle body. Empty content (oss2 live test_bucket_style_exception) or one with
 * `; ()'*?` (OSS error doc 0017-00000253) is 400 BadRequest "Style content is invalid."; any other text is kept
 * as sent, unchecked (oss2 live test_bucket_style_content stores `csdar5324`).
 */
export function parseStyleContent(doc: Record<string, unknown> | undefined): string {
  const root = doc?.Style;
  if (root === undefined || root === null || (root !== '' && typeof root !== 'object')) throw new OssError('MalformedXML');
  const content = root === '' ? '' : (root as Record<string, unknown>).Content;
  if (content !== undefined && content !== null && typeof content !== 'string' && typeof content !== 'number') {
    throw new OssError('MalformedXML');
  }
  const text = content === undefined || content === null ? '' : String(content);
  if (text === '' || /[; ()'*?]/.test(text)) throw new OssError('InvalidStyleContent');
  return text;
}

/**
 * PutStyle creates or replaces (PY2 live test_style puts the same name twice [I: that a replace keeps
 * CreateTime]). The category defaults to `image` [I: the only category the SDKs name].
 */
export function putStyle(set: StyleSet | undefined, name: string, content: string, category: string | undefined, now: string): StyleSet {
  const prior = set?.[name];
  const style: Style = { name, content, category: category || 'image', createTime: prior?.createTime ?? now, lastModifyTime: now };
  return { ...(set ?? {}), [name]: style };
}

export function deleteStyle(set: StyleSet | undefined, name: string): StyleSet | undefined {
  if (set === undefined || !(name in set)) return set;
  const { [name]: _gone, ...rest } = set;
  return Object.keys(rest).length === 0 ? undefined : rest;
}

/** The `<Style>` element of GetStyle and of each ListStyle entry (PY2 models/bucket_style.py StyleInfo). */
export function styleToXml(style: Style): Record<string, string> {
  return {
    Name: style.name,
    Content: style.content,
    Category: style.category,
    CreateTime: style.createTime,
    LastModifyTime: style.lastModifyTime,
  };
}
