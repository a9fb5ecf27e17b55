// Image styles (PY2 put_style / get_style / list_style / delete_style): `?style&styleName=` on a bucket.
import { asArray, buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, md5, str, type Node, type Wire } from './wire.js';

function query(styleName?: string, category?: string): [string, string | undefined][] {
  return [
    ['style', undefined],
    ...(styleName !== undefined ? [['styleName', styleName] as [string, string]] : []),
    ...(category !== undefined ? [['category', category] as [string, string]] : []),
  ];
}

function styleInfo(node: Node | undefined): M.StyleInfo {
  return {
    name: str(node, 'Name'),
    content: str(node, 'Content'),
    createTime: str(node, 'CreateTime'),
    lastModifyTime: str(node, 'LastModifyTime'),
    category: str(node, 'Category'),
  };
}

export async function putStyle(wire: Wire, req: M.PutStyleRequest): Promise<M.PutStyleResult> {
  const body = buildXml('Style', { Content: req.style?.content ?? '' });
  return base(
    await wire.send({ method: 'PUT', bucket: req.bucket, query: query(req.styleName, req.category), headers: { 'content-md5': md5(body) }, body }),
  );
}

export async function getStyle(wire: Wire, req: M.GetStyleRequest): Promise<M.GetStyleResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: query(req.styleName) });
  return { ...base(res), style: styleInfo((await wire.xml(res)).Style as Node | undefined) };
}

export async function listStyle(wire: Wire, req: M.ListStyleRequest): Promise<M.ListStyleResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: query() });
  const root = (await wire.xml(res)).StyleList as Node | undefined;
  const styles = root !== null && typeof root === 'object' ? asArray(root.Style as Node[]) : [];
  return { ...base(res), styleList: { styles: styles.map(styleInfo) } };
}

export async function deleteStyle(wire: Wire, req: M.DeleteStyleRequest): Promise<M.DeleteStyleResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: query(req.styleName) }));
}
