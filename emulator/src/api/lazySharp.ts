// sharp, loaded at the first image operation instead of at start-up: libvips and its libraries are ~6 MiB of an idle
// server's resident memory and part of its start (bench/README.md, "Lazy sharp"), and most emulators never process
// an image. Every module that uses sharp imports it from here, so none loads it early by accident.
import { createRequire } from 'node:module';
import type sharpModule from 'sharp';

type SharpFn = typeof sharpModule;

let loaded: SharpFn | undefined;

/** Call it as sharp itself; the module is required on the first call. */
export const sharp = ((...args: Parameters<SharpFn>) => {
  loaded ??= createRequire(import.meta.url)('sharp') as SharpFn;
  return loaded(...args);
}) as SharpFn;
