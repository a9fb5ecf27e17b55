// The testcontainers module (`local-oss/testcontainers`): start the image, get a ready client, use it.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage, dockerOrSkipReason } from '../../../test-support/docker.js';

const skipReason = await dockerOrSkipReason();
if (skipReason) console.warn(`skipping testcontainers tests: ${skipReason}`);
process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';

describe.skipIf(skipReason !== undefined)('OssEmulatorContainer', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let container: any;

  beforeAll(async () => {
    await buildImage();
    const { OssEmulatorContainer } = await import('local-oss/testcontainers');
    container = await new OssEmulatorContainer().withRegion('cn-shanghai').withCredentials('tc-key', 'tc-secret').start();
  }, 15 * 60_000);

  afterAll(async () => {
    await container?.stop();
  });

  it('gives endpoint, region, credentials and a working client', async () => {
    expect(container.getEndpoint()).toMatch(/^http:\/\/[^:]+:\d+$/);
    expect(container.getRegion()).toBe('cn-shanghai');
    expect(container.getCredentials()).toEqual({ accessKeyId: 'tc-key', accessKeySecret: 'tc-secret' });
    const client = container.createClient();
    await client.putBucket({ bucket: 'tc-bucket' });
    expect((await client.getBucketLocation({ bucket: 'tc-bucket' })).location).toBe('oss-cn-shanghai');
    await client.putObject({ bucket: 'tc-bucket', key: 'k', body: 'v' });
    const copy = await client.copyObject({ bucket: 'tc-bucket', key: 'k2', sourceKey: 'k' });
    expect(copy.statusCode).toBe(200);
  });

  it('processes images inside the image: sharp loads, and a text watermark finds its font (Dockerfile fonts)', async () => {
    const client = container.createClient();
    await client.putBucket({ bucket: 'tc-images' });
    const png = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#3366cc' } }).png().toBuffer();
    await client.putObject({ bucket: 'tc-images', key: 'p.png', body: png });
    const text = Buffer.from('Hello 图片').toString('base64url');
    const got = await client.getObject({ bucket: 'tc-images', key: 'p.png', process: `image/resize,w_150/watermark,text_${text},color_FFFFFF,size_20/format,jpg` });
    const meta = await sharp(await got.content()).metadata();
    expect([got.contentType, meta.format, meta.width, meta.height]).toEqual(['image/jpeg', 'jpeg', 150, 50]);
  });
});
