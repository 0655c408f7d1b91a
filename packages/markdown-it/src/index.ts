export * from './block-html.js';
export * from './journey-fences.js';
