// CNAME (PY2 operations/bucket_cname.py): `?cname&comp=token|add|delete` (POST), `?comp=token&cname=` and `?cname`
// (GET) on a bucket.
import { buildXml } from '../xml.js';
import { fromXmlTree, toXmlTree, type XmlObjectSchema } from '../xmlSchema.js';
import type * as M from '../models/index.js';
import { base, md5, type Node, type Wire } from './wire.js';

const s = (e: string): [string, 's'] => [e, 's'];
const CONFIGURATION: XmlObjectSchema = {
  cname: [
    'Cname',
    {
      domain: s('Domain'),
      certificateConfiguration: ['CertificateConfiguration', { certId: s('CertId'), certificate: s('Certificate'), privateKey: s('PrivateKey'), previousCertId: s('PreviousCertId'), force: ['Force', 'b'], deleteCertificate: ['DeleteCertificate', 'b'] }],
    },
  ],
};
const TOKEN: XmlObjectSchema = { bucket: s('Bucket'), cname: s('Cname'), token: s('Token'), expireTime: s('ExpireTime') };
const LIST: XmlObjectSchema = {
  bucket: s('Bucket'),
  owner: s('Owner'),
  cnames: [
    'Cname',
    [
      {
        domain: s('Domain'),
        lastModified: s('LastModified'),
        status: s('Status'),
        certificate: ['Certificate', { type: s('Type'), certId: s('CertId'), status: s('Status'), creationDate: s('CreationDate'), fingerprint: s('Fingerprint'), validStartDate: s('ValidStartDate'), validEndDate: s('ValidEndDate') }],
      },
    ],
  ],
};

function post(wire: Wire, bucket: string, comp: string, c: M.BucketCnameConfiguration) {
  const body = buildXml('BucketCnameConfiguration', toXmlTree(c, CONFIGURATION));
  return wire.send({ method: 'POST', bucket, query: [['cname', undefined], ['comp', comp]], headers: { 'content-md5': md5(body) }, body });
}

export async function createCnameToken(wire: Wire, req: M.CreateCnameTokenRequest): Promise<M.CreateCnameTokenResult> {
  const res = await post(wire, req.bucket, 'token', req.bucketCnameConfiguration);
  return { ...base(res), cnameToken: fromXmlTree((await wire.xml(res)).CnameToken, TOKEN) as M.CnameToken };
}

export async function getCnameToken(wire: Wire, req: M.GetCnameTokenRequest): Promise<M.GetCnameTokenResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [['comp', 'token'], ['cname', req.cname]] });
  return { ...base(res), cnameToken: fromXmlTree((await wire.xml(res)).CnameToken, TOKEN) as M.CnameToken };
}

export async function putCname(wire: Wire, req: M.PutCnameRequest): Promise<M.PutCnameResult> {
  return base(await post(wire, req.bucket, 'add', req.bucketCnameConfiguration));
}

export async function listCname(wire: Wire, req: M.ListCnameRequest): Promise<M.ListCnameResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [['cname', undefined]] });
  const list = fromXmlTree((await wire.xml(res)).ListCnameResult as Node | undefined, LIST) as Omit<M.ListCnameResult, keyof M.ResultBase>;
  return { ...base(res), ...list, cnames: list.cnames ?? [] };
}

export async function deleteCname(wire: Wire, req: M.DeleteCnameRequest): Promise<M.DeleteCnameResult> {
  return base(await post(wire, req.bucket, 'delete', req.bucketCnameConfiguration));
}
