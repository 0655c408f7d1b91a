import type { Formatter } from './formatter.js';
import { jsonFormatter } from './json-formatter.js';
import { stylishFormatter } from './stylish-formatter.js';

export type { Formatter, FormatterContext } from './formatter.js';

/** The `--format` choices of `journey lint`. */
export const formatters: Record<string, Formatter> = {
    stylish: stylishFormatter,
    json: jsonFormatter,
};
