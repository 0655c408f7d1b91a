import type { Formatter } from './formatter.js';
import { githubFormatter } from './github-formatter.js';
import { gitlabFormatter } from './gitlab-formatter.js';
import { jsonFormatter } from './json-formatter.js';
import { junitFormatter } from './junit-formatter.js';
import { markdownFormatter } from './markdown-formatter.js';
import { sarifFormatter } from './sarif-formatter.js';
import { stylishFormatter } from './stylish-formatter.js';

export type { Formatter, FormatterContext } from './formatter.js';

/** The `--format` choices of `journey lint`. */
export const formatters: Record<string, Formatter> = {
    stylish: stylishFormatter,
    json: jsonFormatter,
    sarif: sarifFormatter,
    github: githubFormatter,
    gitlab: gitlabFormatter,
    junit: junitFormatter,
    markdown: markdownFormatter,
};

/**
 * Formats that carry info diagnostics even without `--info` (SARIF writes them as `note`, which its
 * viewers filter); `--quiet` still leaves them out. Every other format shows them only with `--info`.
 */
export const formatsWithInfo: ReadonlySet<string> = new Set(['sarif']);
