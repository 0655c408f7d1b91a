import { TextDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { withoutByteOrderMark } from '@journey/language';

/** Where the bytes of a file stop being UTF-8: the first byte that is not, and its place in the text before it. */
export interface NotUtf8 {
    /** The byte's offset in the file. */
    offset: number;
    /** The byte. */
    byte: number;
    /** 0-based line and UTF-16 column, as an editor counts the (valid) text before the byte, without a byte order mark. */
    line: number;
    character: number;
}

/** What a file's bytes read as: the text (a byte that is not UTF-8 as U+FFFD), and where the first such byte is. */
export interface DecodedText {
    text: string;
    notUtf8?: NotUtf8;
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** The text of BYTES; a leading byte order mark is kept (the workspace drops it as for any file). */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
    try {
        return { text: strict.decode(bytes) };
    } catch {
        const offset = firstInvalidByte(bytes);
        const before = withoutByteOrderMark(Buffer.from(bytes.buffer, bytes.byteOffset, offset).toString('utf8'));
        // Counted as the language server counts positions (LF, CRLF and CR end a line).
        const { line, character } = TextDocument.create('', 'journey', 0, before).positionAt(before.length);
        return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), notUtf8: { offset, byte: bytes[offset], line, character } };
    }
}

/**
 * The one finding of a file that is not UTF-8: a `syntax` error at its first bad byte (the file is
 * then left alone by `--fix`, `format` and `render`, as a file that does not parse).
 */
export function notUtf8Diagnostic(where: NotUtf8): Diagnostic {
    const hex = where.byte.toString(16).toUpperCase().padStart(2, '0');
    return {
        range: { start: { line: where.line, character: where.character }, end: { line: where.line, character: where.character + 1 } },
        message: `This file is not UTF-8 text: byte 0x${hex} at line ${where.line + 1} is not valid UTF-8. Save the file as UTF-8 (your editor can reopen it with its encoding, e.g. Latin-1 or Windows-1252, then save it as UTF-8).`,
        severity: 1, // DiagnosticSeverity.Error
        code: 'syntax',
        source: 'journey',
    };
}

/** The offset of the first byte of BYTES that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
    let index = 0;
    while (index < bytes.length) {
        const lead = bytes[index];
        if (lead < 0x80) {
            index++;
            continue;
        }
        // The sequence's length and the range of its second byte (Unicode's table of well-formed UTF-8).
        const [length, low, high] = lead >= 0xC2 && lead <= 0xDF ? [2, 0x80, 0xBF]
            : lead === 0xE0 ? [3, 0xA0, 0xBF]
                : lead >= 0xE1 && lead <= 0xEC ? [3, 0x80, 0xBF]
                    : lead === 0xED ? [3, 0x80, 0x9F]
                        : lead >= 0xEE && lead <= 0xEF ? [3, 0x80, 0xBF]
                            : lead === 0xF0 ? [4, 0x90, 0xBF]
                                : lead >= 0xF1 && lead <= 0xF3 ? [4, 0x80, 0xBF]
                                    : lead === 0xF4 ? [4, 0x80, 0x8F]
                                        : [0, 0, 0];
        if (length === 0 || index + length > bytes.length) {
            return index;
        }
        const second = bytes[index + 1];
        if (second < low || second > high) {
            return index;
        }
        for (let next = 2; next < length; next++) {
            const continuation = bytes[index + next];
            if (continuation < 0x80 || continuation > 0xBF) {
                return index;
            }
        }
        index += length;
    }
    return bytes.length;
}
