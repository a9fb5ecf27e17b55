// The shared grammar of x-oss-process image actions (OSS "Image Processing" overview: parameters `name_value`
// separated by `,`) and the one error for a bad parameter, used by domain/imageProcess.ts and imageWatermark.ts.
import { OssError } from './errors.js';

export type Gravity = 'nw' | 'north' | 'ne' | 'west' | 'center' | 'east' | 'sw' | 'south' | 'se';

export function badParam(action: string, detail: string, ec?: string): OssError {
  return new OssError('InvalidImageProcess', { Action: action, Detail: detail }, ec);
}

export function intIn(action: string, name: string, value: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value)) throw badParam(action, `${name}_${value}`);
  const n = Number(value);
  if (n < min || n > max) throw badParam(action, `${name}_${value}`);
  return n;
}

export function params(parts: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of parts) {
    const i = part.indexOf('_');
    out.set(i < 0 ? part : part.slice(0, i), i < 0 ? '' : part.slice(i + 1));
  }
  return out;
}

