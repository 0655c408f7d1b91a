export * from './assets.js';
export * from './pdf.js';
export * from './png.js';
