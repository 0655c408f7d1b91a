import type { LintFormat } from '../format-names.js';
import type { Formatter } from './formatter.js';
import { githubFormatter } from './github-formatter.js';
import { gitlabFormatter } from './gitlab-formatter.js';
import { jsonFormatter } from './json-formatter.js';
import { junitFormatter } from './junit-formatter.js';
import { markdownFormatter } from './markdown-formatter.js';
import { sarifFormatter } from './sarif-formatter.js';
import { stylishFormatter } from './stylish-formatter.js';

export type { Formatter, FormatterContext } from './formatter.js';

/** The formatter of each `--format` choice of `journey lint` (LINT_FORMATS, which the program offers). */
export const formatters: Record<LintFormat, Formatter> = {
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
