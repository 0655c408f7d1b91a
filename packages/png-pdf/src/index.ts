export * from './assets.js';
export * from './attribute-svg.js';
export * from './pdf.js';
export * from './png.js';
