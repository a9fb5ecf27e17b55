export * from './common.js';
export * from './bucket.js';
export * from './object.js';
export * from './copy.js';
export * from './list.js';
