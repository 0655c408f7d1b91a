/**
 * Editors may save a byte order mark and hide it: the text is read, and positions in it are counted,
 * as if it were not there (the CLI, the language server's files on disk, journey.config.json).
 */
export function withoutByteOrderMark(text: string): string {
    return text.replace(/^\uFEFF/, '');
}
