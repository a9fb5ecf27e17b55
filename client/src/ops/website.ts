// Static website (PY2 put/get/delete_bucket_website): `?website` on a bucket.
import { asArray, buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, md5, str, type Node, type Wire } from './wire.js';

const SUB: [string, undefined][] = [['website', undefined]];

/** Elements in the order of the PutBucketWebsite API reference; undefined fields are left out. */
function present(fields: [string, string | number | boolean | undefined][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of fields) if (v !== undefined) out[name] = String(v);
  return out;
}

export async function putBucketWebsite(wire: Wire, req: M.PutBucketWebsiteRequest): Promise<M.PutBucketWebsiteResult> {
  const c = req.websiteConfiguration;
  const rules = c.routingRules?.routingRules ?? [];
  const body = buildXml('WebsiteConfiguration', {
    ...(c.indexDocument ? { IndexDocument: present([['Suffix', c.indexDocument.suffix], ['SupportSubDir', c.indexDocument.supportSubDir], ['Type', c.indexDocument.type]]) } : {}),
    ...(c.errorDocument ? { ErrorDocument: present([['Key', c.errorDocument.key], ['HttpStatus', c.errorDocument.httpStatus]]) } : {}),
    ...(rules.length > 0
      ? {
          RoutingRules: {
            RoutingRule: rules.map((r) => ({
              ...present([['RuleNumber', r.ruleNumber]]),
              ...(r.condition
                ? {
                    Condition: {
                      ...present([['KeyPrefixEquals', r.condition.keyPrefixEquals], ['KeySuffixEquals', r.condition.keySuffixEquals], ['HttpErrorCodeReturnedEquals', r.condition.httpErrorCodeReturnedEquals]]),
                      ...(r.condition.includeHeaders?.length
                        ? { IncludeHeader: r.condition.includeHeaders.map((h) => present([['Key', h.key], ['Equals', h.equals], ['StartsWith', h.startsWith], ['EndsWith', h.endsWith]])) }
                        : {}),
                    },
                  }
                : {}),
              ...(r.redirect
                ? {
                    Redirect: present([
                      ['RedirectType', r.redirect.redirectType], ['Protocol', r.redirect.protocol], ['HostName', r.redirect.hostName],
                      ['HttpRedirectCode', r.redirect.httpRedirectCode], ['ReplaceKeyWith', r.redirect.replaceKeyWith],
                      ['ReplaceKeyPrefixWith', r.redirect.replaceKeyPrefixWith], ['EnableReplacePrefix', r.redirect.enableReplacePrefix],
                      ['PassQueryString', r.redirect.passQueryString], ['MirrorURL', r.redirect.mirrorURL],
                      ['MirrorPassQueryString', r.redirect.mirrorPassQueryString], ['MirrorFollowRedirect', r.redirect.mirrorFollowRedirect],
                      ['MirrorCheckMd5', r.redirect.mirrorCheckMd5],
                    ]),
                  }
                : {}),
            })),
          },
        }
      : {}),
  });
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: SUB, headers: { 'content-md5': md5(body) }, body }));
}

function num(node: unknown, name: string): number | undefined {
  const s = str(node, name);
  return s === undefined || s === '' ? undefined : Number(s);
}

function flag(node: unknown, name: string): boolean | undefined {
  const s = str(node, name);
  return s === undefined || s === '' ? undefined : s.toLowerCase() === 'true';
}

export async function getBucketWebsite(wire: Wire, req: M.GetBucketWebsiteRequest): Promise<M.GetBucketWebsiteResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: SUB });
  const root = (await wire.xml(res)).WebsiteConfiguration as Node | undefined;
  const index = root?.IndexDocument as Node | undefined;
  const error = root?.ErrorDocument as Node | undefined;
  const rules = asArray((root?.RoutingRules as Node | undefined)?.RoutingRule as Node[]);
  return {
    ...base(res),
    websiteConfiguration: {
      ...(index ? { indexDocument: { suffix: str(index, 'Suffix'), supportSubDir: flag(index, 'SupportSubDir'), type: num(index, 'Type') } } : {}),
      ...(error ? { errorDocument: { key: str(error, 'Key'), httpStatus: num(error, 'HttpStatus') } } : {}),
      ...(rules.length > 0
        ? {
            routingRules: {
              routingRules: rules.map((r) => {
                const c = r.Condition as Node | undefined;
                const d = r.Redirect as Node | undefined;
                return {
                  ruleNumber: num(r, 'RuleNumber'),
                  condition: {
                    keyPrefixEquals: str(c, 'KeyPrefixEquals'),
                    keySuffixEquals: str(c, 'KeySuffixEquals'),
                    httpErrorCodeReturnedEquals: num(c, 'HttpErrorCodeReturnedEquals'),
                    includeHeaders: asArray(c?.IncludeHeader as Node[]).map((h) => ({
                      key: str(h, 'Key'), equals: str(h, 'Equals'), startsWith: str(h, 'StartsWith'), endsWith: str(h, 'EndsWith'),
                    })),
                  },
                  redirect: {
                    redirectType: str(d, 'RedirectType'), protocol: str(d, 'Protocol'), hostName: str(d, 'HostName'),
                    httpRedirectCode: num(d, 'HttpRedirectCode'), replaceKeyWith: str(d, 'ReplaceKeyWith'),
                    replaceKeyPrefixWith: str(d, 'ReplaceKeyPrefixWith'), enableReplacePrefix: flag(d, 'EnableReplacePrefix'),
                    passQueryString: flag(d, 'PassQueryString'), mirrorURL: str(d, 'MirrorURL'),
                    mirrorPassQueryString: flag(d, 'MirrorPassQueryString'), mirrorFollowRedirect: flag(d, 'MirrorFollowRedirect'),
                    mirrorCheckMd5: flag(d, 'MirrorCheckMd5'),
                  },
                };
              }),
            },
          }
        : {}),
    },
  };
}

export async function deleteBucketWebsite(wire: Wire, req: M.DeleteBucketWebsiteRequest): Promise<M.DeleteBucketWebsiteResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: SUB }));
}
