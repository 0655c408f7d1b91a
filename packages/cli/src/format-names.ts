/** The `--format` choices of `journey lint` (each a formatter in formatters/). */
export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit', 'markdown'] as const;
export type LintFormat = typeof LINT_FORMATS[number];

/** The `--format` choices of `journey export`. */
export const EXPORT_FORMATS = ['json', 'mermaid', 'csv'] as const;
export type ExportFormat = typeof EXPORT_FORMATS[number];
