import type { PdfPage } from '@journey/png-pdf';

/** The `--format` choices of `journey lint` (each a formatter in formatters/). */
export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit', 'markdown'] as const;
export type LintFormat = typeof LINT_FORMATS[number];

/** The `--format` choices of `journey export`. */
export const EXPORT_FORMATS = ['json', 'mermaid', 'csv'] as const;
export type ExportFormat = typeof EXPORT_FORMATS[number];

/** What `journey render -o OUT` writes, by the extension of OUT. */
export const RENDER_FORMATS = ['svg', 'html', 'png', 'pdf'] as const;
export type RenderFormat = typeof RENDER_FORMATS[number];

/** The choices of `journey render --page` (PDF). */
export const PDF_PAGE_NAMES: readonly PdfPage[] = ['fit', 'a4', 'a3', 'letter'];

/** The range of `journey render --scale` (PNG). */
export const MIN_SCALE = 0.1;
export const MAX_SCALE = 8;
