// PutStyle / GetStyle / ListStyle / DeleteStyle (`?style&styleName=`; behaviour §14.20). The styles are one document
// per bucket (domain/style.ts holds the rules).
import { OssError } from '../domain/errors.js';
import { checkStyleName, deleteStyle as withoutStyle, parseStyleContent, putStyle as withStyle, styleToXml, type StyleSet } from '../domain/style.js';
import { readXml } from '../http/body.js';
import { isoDate, sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

/** A `<Style><Content>` body is small [I: the cap]. */
const MAX_STYLE_BODY = 16 * 1024;

function stylesOf(ctx: OssContext, bucket: string): StyleSet | undefined {
  return ctx.state.store.buckets.getDocument<StyleSet>(bucket, 'style');
}

export async function putStyle(ctx: OssContext): Promise<void> {
  const name = checkStyleName(ctx.state.query.get('styleName'));
  const content = parseStyleContent(await readXml(ctx, MAX_STYLE_BODY));
  const category = ctx.state.query.get('category');
  const now = isoDate(ctx.state.config.clock.now());
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'style', withStyle(stylesOf(ctx, bucket.name), name, content, category, now));
  });
  sendEmpty(ctx);
}

export function getStyle(ctx: OssContext): void {
  const name = checkStyleName(ctx.state.query.get('styleName'));
  const bucket = requireBucket(ctx);
  const style = stylesOf(ctx, bucket.name)?.[name];
  if (style === undefined) throw new OssError('NoSuchStyle', { StyleName: name });
  sendXml(ctx, 'Style', styleToXml(style));
}

/** An empty `<StyleList/>` when there are none [I]. */
export function listStyle(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const styles = Object.values(stylesOf(ctx, bucket.name) ?? {});
  sendXml(ctx, 'StyleList', { Style: styles.map(styleToXml) });
}

/** 204, also for a style that does not exist [I: the live tests delete only existing ones]. */
export function deleteStyle(ctx: OssContext): void {
  const name = checkStyleName(ctx.state.query.get('styleName'));
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'style', withoutStyle(stylesOf(ctx, bucket.name), name));
  });
  sendEmpty(ctx, 204);
}
