import type { Formatter } from './formatter.js';

/** ESLint's `json` formatter: the results array, as is, on one line. */
export const jsonFormatter: Formatter = results => `${JSON.stringify(results)}\n`;
