// CORS (PY2 put/get/delete_bucket_cors, option_object): `?cors` on a bucket and the OPTIONS preflight.
import { asArray, buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, md5, num, str, type Node, type Wire } from './wire.js';

const SUB: [string, undefined][] = [['cors', undefined]];

export async function putBucketCors(wire: Wire, req: M.PutBucketCorsRequest): Promise<M.PutBucketCorsResult> {
  const c = req.corsConfiguration;
  const body = buildXml('CORSConfiguration', {
    CORSRule: (c.corsRules ?? []).map((r) => ({
      ...(r.allowedOrigins ? { AllowedOrigin: r.allowedOrigins } : {}),
      ...(r.allowedMethods ? { AllowedMethod: r.allowedMethods } : {}),
      ...(r.allowedHeaders ? { AllowedHeader: r.allowedHeaders } : {}),
      ...(r.exposeHeaders ? { ExposeHeader: r.exposeHeaders } : {}),
      ...(r.maxAgeSeconds !== undefined ? { MaxAgeSeconds: String(r.maxAgeSeconds) } : {}),
    })),
    ...(c.responseVary !== undefined ? { ResponseVary: String(c.responseVary) } : {}),
  });
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: SUB, headers: { 'content-md5': md5(body) }, body }));
}

export async function getBucketCors(wire: Wire, req: M.GetBucketCorsRequest): Promise<M.GetBucketCorsResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: SUB });
  const root = (await wire.xml(res)).CORSConfiguration as Node | undefined;
  const list = (v: unknown) => asArray(v as string[]).filter((x): x is string => typeof x === 'string');
  const vary = str(root, 'ResponseVary');
  return {
    ...base(res),
    corsConfiguration: {
      corsRules: asArray(root?.CORSRule as Node[]).map((r) => ({
        allowedOrigins: list(r.AllowedOrigin),
        allowedMethods: list(r.AllowedMethod),
        allowedHeaders: list(r.AllowedHeader),
        exposeHeaders: list(r.ExposeHeader),
        maxAgeSeconds: num(str(r, 'MaxAgeSeconds')),
      })),
      ...(vary !== undefined ? { responseVary: vary === 'true' } : {}),
    },
  };
}

export async function deleteBucketCors(wire: Wire, req: M.DeleteBucketCorsRequest): Promise<M.DeleteBucketCorsResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: SUB }));
}

/** The preflight a browser sends before a cross-origin request (signed like every request; OSS does not look). */
export async function optionObject(wire: Wire, req: M.OptionObjectRequest): Promise<M.OptionObjectResult> {
  const res = await wire.send({
    method: 'OPTIONS',
    bucket: req.bucket,
    key: req.key,
    headers: {
      origin: req.origin,
      'access-control-request-method': req.accessControlRequestMethod,
      'access-control-request-headers': req.accessControlRequestHeaders,
    },
  });
  const h = res.headers;
  return {
    ...base(res),
    accessControlAllowOrigin: h['access-control-allow-origin'],
    accessControlAllowMethods: h['access-control-allow-methods'],
    accessControlAllowHeaders: h['access-control-allow-headers'],
    accessControlExposeHeaders: h['access-control-expose-headers'],
    accessControlMaxAge: num(h['access-control-max-age']),
  };
}
