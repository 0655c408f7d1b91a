// The commands, which the program loads when one runs (scripts/bundle.mjs makes this its own file,
// dist/commands.cjs, so that `--version` and `--help` do not load the language).
export { exportCommand } from './export-command.js';
export { formatCommand } from './format-command.js';
export { importCommand } from './import-command.js';
export { lintCommand } from './lint-command.js';
export { lspCommand } from './lsp-command.js';
export { renderCommand } from './render-command.js';
export { rulesCommand } from './rules-command.js';
export { buildCommand } from './build-command.js';
export { serveCommand } from './serve-command.js';
export { diffCommand } from './diff-command.js';
export { kpisCommand } from './kpis-command.js';
// Not a command: what VS Code's Markdown preview draws ```journey blocks with.
export { markdownBlockPictures } from '../markdown-pictures.js';
