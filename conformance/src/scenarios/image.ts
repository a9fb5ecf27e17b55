// Image processing (x-oss-process on GetObject and HEAD, behaviour §16.1), ProcessObject's sys/saveas (§16.2) and
// bucket styles (§14.20). Answers compare on format, dimensions and JSON, never bytes: libvips encodes other bytes
// than OSS's encoder. The source is a 200×100 PNG, left half red, right half blue, made for this suite.
import type { Outcome, Scenario, ScenarioContext } from '../model.js';
import { imageOf } from '../recording.js';
import { eq, fails, header, ok } from './expect.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAMgAAABkCAMAAAD0WI85AAAABlBMVEUAAP//AADF+ovTAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAaUlEQVR42u3PMQEAAAwCINe/9CL4eUEDcgNZEBERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERFpHswPJxFk5I4TAAAAAElFTkSuQmCC',
  'base64',
);
const id = (family: string, n: number) => `${family}-${String(n).padStart(2, '0')}`;
const b64url = (v: string) => Buffer.from(v).toString('base64url');

async function photo(ctx: ScenarioContext): Promise<{ bucket: string; key: string }> {
  const bucket = ctx.buckets.B1;
  const key = ctx.key('photo.png');
  ok(await ctx.call('PutObject', { bucket, key, body: PNG, contentType: 'image/png' }));
  return { bucket, key };
}

function image(o: Outcome, type: string, width: number, height: number, what: string): void {
  eq(header(o, 'content-type'), type === 'jpg' ? 'image/jpeg' : `image/${type}`, `${what}: Content-Type`);
  eq(imageOf(o.body ?? Buffer.alloc(0)), { type, width, height }, what);
}

const json = (o: Outcome): unknown => JSON.parse((o.body ?? Buffer.alloc(0)).toString('utf8'));

export const imageScenarios: Scenario[] = [
  {
    id: id('image', 1),
    title: 'resize,w_100 then format,jpg: the ratio kept, JPEG out; resize m_fixed and limit_0',
    tags: ['image'],
    async run(ctx) {
      const { bucket, key } = await photo(ctx);
      image(ok(await ctx.call('GetObject', { bucket, key, imageProcess: 'image/resize,w_100/format,jpg' })), 'jpg', 100, 50, 'resize w_100');
      image(ok(await ctx.call('GetObject', { bucket, key, imageProcess: 'image/resize,m_fixed,w_50,h_50' })), 'png', 50, 50, 'm_fixed');
      image(ok(await ctx.call('GetObject', { bucket, key, imageProcess: 'image/resize,w_400,limit_0' })), 'png', 400, 200, 'limit_0 enlarges');
      image(ok(await ctx.call('GetObject', { bucket, key, imageProcess: 'image/resize,w_400' })), 'png', 200, 100, 'limit_1 (default) does not');
    },
  },
  {
    id: id('image', 2),
    title: 'image/info: JSON, each field {"value": …}, of the stored image',
    tags: ['image'],
    async run(ctx) {
      const { bucket, key } = await photo(ctx);
      const o = ok(await ctx.call('GetObject', { bucket, key, imageProcess: 'image/info' }));
      eq(json(o), { FileSize: { value: String(PNG.length) }, Format: { value: 'png' }, ImageHeight: { value: '100' }, ImageWidth: { value: '200' } }, 'info');
    },
  },
  {
    id: id('image', 3),
    title: 'crop, circle, rounded-corners, indexcrop, rotate: the sizes OSS documents',
    tags: ['image'],
    async run(ctx) {
      const { bucket, key } = await photo(ctx);
      const cases: [string, string, number, number][] = [
        ['image/crop,w_100,h_100,g_se', 'png', 100, 100],
        ['image/crop,w_100,h_100/circle,r_40/format,png', 'png', 81, 81],
        ['image/circle,r_500', 'png', 99, 99],
        ['image/rounded-corners,r_20', 'png', 200, 100],
        ['image/indexcrop,x_60,i_3', 'png', 20, 100],
        ['image/indexcrop,y_30,i_9', 'png', 200, 100],
        ['image/rotate,90/format,webp', 'webp', 100, 200],
        ['image/bright,20/contrast,-20/sharpen,100/blur,r_3,s_2/interlace,1/format,jpg', 'jpg', 200, 100],
      ];
      for (const [process, type, w, h] of cases) image(ok(await ctx.call('GetObject', { bucket, key, imageProcess: process })), type, w, h, process);
    },
  },
  {
    id: id('image', 4),
    title: 'average-hue: {"RGB": "0xrrggbb"} of the image the actions before it made',
    tags: ['image'],
    async run(ctx) {
      const { bucket, key } = await photo(ctx);
      eq(json(ok(await ctx.call('GetObject', { bucket, key, imageProcess: 'image/crop,w_100,h_100/average-hue' }))), { RGB: '0xff0000' }, 'red half');
      eq(json(ok(await ctx.call('GetObject', { bucket, key, imageProcess: 'image/crop,w_100,h_100,g_ne/average-hue' }))), { RGB: '0x0000ff' }, 'blue half');
    },
  },
  {
    id: id('image', 5),
    title: 'bad parameters: 400 BadRequest with OSS ECs; a non-image 400; an action not served NotImplemented',
    tags: ['image'],
    async run(ctx) {
      const { bucket, key } = await photo(ctx);
      const ec = (o: Outcome, want: string) => eq(o.ec, want, 'EC');
      ec(fails(await ctx.call('GetObject', { bucket, key, imageProcess: 'image/format,dng' }), 400, 'BadRequest'), '0040-00000206');
      ec(fails(await ctx.call('GetObject', { bucket, key, imageProcess: 'image/resize' }), 400, 'BadRequest'), '0040-00000322');
      fails(await ctx.call('GetObject', { bucket, key, imageProcess: 'image/bright,200' }), 400, 'BadRequest');
      const text = ctx.key('notes.txt');
      ok(await ctx.call('PutObject', { bucket, key: text, body: 'not an image' }));
      fails(await ctx.call('GetObject', { bucket, key: text, imageProcess: 'image/resize,w_10' }), 400, 'BadRequest');
      fails(await ctx.call('GetObject', { bucket, key, imageProcess: 'image/blindwatermark,content_SGk' }), 400, 'NotImplemented');
    },
  },
  {
    id: id('image', 6),
    title: 'watermarks: text (font, colour, size, shadow, rotate, fill) and an image of the bucket with P_; the size kept',
    tags: ['image'],
    async run(ctx) {
      const { bucket, key } = await photo(ctx);
      const logo = ctx.key('logo.png');
      ok(await ctx.call('PutObject', { bucket, key: logo, body: PNG, contentType: 'image/png' }));
      const marks = [
        `image/watermark,text_${b64url('Hello 图片服务')},color_FFFFFF,size_20,shadow_50,rotate_10,g_center`,
        `image/watermark,text_${b64url('OSS')},type_${b64url('wqy-microhei')},t_50,fill_1`,
        `image/watermark,image_${b64url(`${logo}?x-oss-process=image/resize,P_20`)},g_se,x_5,y_5`,
        `image/watermark,image_${b64url(logo)},text_${b64url('OSS')},order_1,align_1,interval_4,g_nw`,
      ];
      for (const process of marks) image(ok(await ctx.call('GetObject', { bucket, key, imageProcess: process })), 'png', 200, 100, process);
    },
  },
  {
    id: id('image', 7),
    title: 'HEAD with x-oss-process: the processed image headers, no body',
    tags: ['image'],
    async run(ctx) {
      const { bucket, key } = await photo(ctx);
      const o = ok(await ctx.call('HeadObject', { bucket, key, imageProcess: 'image/resize,w_50/format,jpg' }));
      eq(header(o, 'content-type'), 'image/jpeg', 'Content-Type');
    },
  },
  {
    id: id('image', 8),
    title: 'format,bmp: image/bmp of the processed size',
    tags: ['image'],
    async run(ctx) {
      const { bucket, key } = await photo(ctx);
      image(ok(await ctx.call('GetObject', { bucket, key, imageProcess: 'image/resize,w_40/format,bmp' })), 'bmp', 40, 20, 'bmp');
    },
  },
];

export const saveAsScenarios: Scenario[] = [
  {
    id: id('saveas', 1),
    title: 'sys/saveas writes the processed image as a new object; JSON result, bucket "" without b_',
    tags: ['saveas'],
    async run(ctx) {
      const { bucket, key } = await photo(ctx);
      const target = ctx.key('thumbs/small.jpg');
      const r = ok(await ctx.call('ProcessObject', { bucket, key, imageProcess: 'image/resize,w_50/format,jpg', saveAsKey: target }));
      eq(r.data?.processResult, { bucket: '', object: target, status: 'OK' }, 'result');
      image(ok(await ctx.call('GetObject', { bucket, key: target })), 'jpg', 50, 25, 'saved object');
    },
  },
  {
    id: id('saveas', 2),
    title: 'sys/saveas with b_ into another bucket; an unknown action refused and nothing written',
    tags: ['saveas'],
    async run(ctx) {
      const { bucket, key } = await photo(ctx);
      const target = ctx.key('copy.png');
      const other = ctx.buckets.B2;
      const r = ok(await ctx.call('ProcessObject', { bucket, key, imageProcess: 'image/resize,w_20', saveAsKey: target, saveAsBucket: other }));
      eq(r.data?.processResult, { bucket: other, object: target, status: 'OK' }, 'result');
      image(ok(await ctx.call('GetObject', { bucket: other, key: target })), 'png', 20, 10, 'saved object');
      const refused = ctx.key('refused.png');
      fails(await ctx.call('ProcessObject', { bucket, key, imageProcess: 'image/blindwatermark,content_SGk', saveAsKey: refused }), 400, 'NotImplemented');
      fails(await ctx.call('HeadObject', { bucket, key: refused }), 404);
    },
  },
];

export const styleScenarios: Scenario[] = [
  {
    id: id('style', 1),
    title: 'PutStyle, GetStyle, style/<name> on GetObject, DeleteStyle; then NoSuchStyle',
    tags: ['style'],
    async run(ctx) {
      const { bucket, key } = await photo(ctx);
      // One name per driver: the drivers share the run's buckets.
      const styleName = `thumb-${ctx.driver.name.replace(/[^A-Za-z0-9_.-]/g, '-')}`;
      ok(await ctx.call('PutBucketStyle', { bucket, styleName, styleContent: 'image/resize,w_40/format,webp' }));
      const got = ok(await ctx.call('GetBucketStyle', { bucket, styleName }));
      eq(got.data?.style, { name: styleName, content: 'image/resize,w_40/format,webp' }, 'style');
      image(ok(await ctx.call('GetObject', { bucket, key, imageProcess: `style/${styleName}` })), 'webp', 40, 20, 'style applied');
      ok(await ctx.call('DeleteBucketStyle', { bucket, styleName }), 204);
      fails(await ctx.call('GetObject', { bucket, key, imageProcess: `style/${styleName}` }), 404, 'NoSuchStyle');
    },
  },
];
