export * from './diff-model.js';
export * from './format/json-format.js';
export * from './format/markdown-format.js';
export * from './format/summary.js';
export * from './format/text-format.js';
export { diffWorkspaces } from './workspace/diff-workspaces.js';
export { withRemovedElements, type MapWithRemoved, type RemovedKey } from './journey/removed-drawn.js';
