export * from './diff-model.js';
