// GetObject / HeadObject with `Accept-Encoding: gzip`: when OSS compresses the answer. DOCS "How do I compress
// objects that I download from OSS in the GZIP format?" (help.aliyun.com/knowledge_detail/39645.html): the object
// is at least 1 KB, its Content-Type is one of the list below, and it has no Content-Encoding of its own (`identity`,
// the documented default, counts as none [I]); the answer then carries Content-Encoding: gzip and no ETag,
// Content-Length or Accept-Ranges. oss2's live tests pin the edges:
// tests/test_object.py::test_gzip_get (a .txt of 1 MiB, content_length None) and
// test_get_object_with_url_to_file_chunked (exactly 1024 bytes → Transfer-Encoding: chunked); audit #19.
// A ranged GET is answered uncompressed [I: the doc names no range case].

export const GZIP_MIN_SIZE = 1024;

const GZIP_TYPES = new Set([
  'text/cache-manifest',
  'text/xml',
  'text/css',
  'text/html',
  'text/plain',
  'application/javascript',
  'application/x-javascript',
  'application/rss+xml',
  'application/json',
  'text/json',
]);

/** The client accepts gzip: the token is listed with no `q=0`. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (acceptEncoding === undefined) return false;
  return acceptEncoding.split(',').some((item) => {
    const [coding, ...params] = item.split(';').map((s) => s.trim().toLowerCase());
    if (coding !== 'gzip') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export function gzipApplies(o: {
  acceptEncoding: string | undefined;
  contentType: string | undefined;
  contentEncoding: string | undefined;
  size: number;
  ranged: boolean;
}): boolean {
  if (o.ranged || o.size < GZIP_MIN_SIZE || !acceptsGzip(o.acceptEncoding)) return false;
  if (o.contentEncoding !== undefined && o.contentEncoding !== '' && o.contentEncoding.toLowerCase() !== 'identity') return false;
  const type = (o.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return GZIP_TYPES.has(type);
}
