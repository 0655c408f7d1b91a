import type { JourneyMapModel } from '@journey/language/protocol';

/**
 * The messages between the extension and the preview webview, typed once for both sides. The
 * extension trusts nothing the webview says: every message from it goes through
 * `parseWebviewMessage`, which returns `undefined` for anything not exactly of an expected shape.
 */

export type PreviewTheme = 'auto' | 'light' | 'dark';
export type ExportFormat = 'svg' | 'png' | 'html';

export interface Position {
    line: number;
    character: number;
}

export interface Range {
    start: Position;
    end: Position;
}

/** Extension → webview. */
export type ExtensionMessage =
    | {
        type: 'update';
        uri: string;
        /** The file's name, for the title and the "out of date" note. */
        fileName: string;
        version: number | null;
        journeys: JourneyMapModel[];
        /** The text does not parse: keep the last good map and mark it as out of date. */
        hasSyntaxErrors: boolean;
        theme: PreviewTheme;
    }
    | { type: 'theme'; theme: PreviewTheme }
    | { type: 'cursor'; position: Position }
    | { type: 'export'; requestId: number; format: ExportFormat };

/** What the webview keeps across reloads (`vscode.setState`); the serializer reopens `uri`. */
export interface PreviewState {
    uri: string;
    zoom: number;
    scrollX: number;
    scrollY: number;
}

/** Webview → extension. */
export type WebviewMessage =
    | { type: 'ready' }
    | { type: 'reveal'; range: Range }
    | { type: 'rendered'; uri: string; version: number | null; elements: number }
    | { type: 'exported'; requestId: number; format: ExportFormat; data: string }
    | { type: 'exportFailed'; requestId: number; message: string }
    | { type: 'error'; message: string };

const MAX_TEXT = 64 * 1024;
/** An export may be large (a PNG of a big map, as base64); larger than this is refused. */
const MAX_EXPORT = 64 * 1024 * 1024;

export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
    if (!isRecord(value) || typeof value.type !== 'string') {
        return undefined;
    }
    switch (value.type) {
        case 'ready':
            return hasOnly(value, ['type']) ? { type: 'ready' } : undefined;
        case 'reveal': {
            const range = hasOnly(value, ['type', 'range']) ? parseRange(value.range) : undefined;
            return range ? { type: 'reveal', range } : undefined;
        }
        case 'rendered':
            return hasOnly(value, ['type', 'uri', 'version', 'elements']) && isText(value.uri, MAX_TEXT)
                && (value.version === null || isCount(value.version)) && isCount(value.elements)
                ? { type: 'rendered', uri: value.uri, version: value.version, elements: value.elements }
                : undefined;
        case 'exported':
            return hasOnly(value, ['type', 'requestId', 'format', 'data']) && isCount(value.requestId)
                && isExportFormat(value.format) && isText(value.data, MAX_EXPORT)
                ? { type: 'exported', requestId: value.requestId, format: value.format, data: value.data }
                : undefined;
        case 'exportFailed':
            return hasOnly(value, ['type', 'requestId', 'message']) && isCount(value.requestId) && isText(value.message, MAX_TEXT)
                ? { type: 'exportFailed', requestId: value.requestId, message: value.message }
                : undefined;
        case 'error':
            return hasOnly(value, ['type', 'message']) && isText(value.message, MAX_TEXT)
                ? { type: 'error', message: value.message }
                : undefined;
        default:
            return undefined;
    }
}

/** The state a restored webview hands to the serializer, checked like a message. */
export function parsePreviewState(value: unknown): PreviewState | undefined {
    if (!isRecord(value) || !isText(value.uri, MAX_TEXT)) {
        return undefined;
    }
    const number = (n: unknown, fallback: number) => typeof n === 'number' && Number.isFinite(n) ? n : fallback;
    return { uri: value.uri, zoom: number(value.zoom, 1), scrollX: number(value.scrollX, 0), scrollY: number(value.scrollY, 0) };
}

export function isExportFormat(value: unknown): value is ExportFormat {
    return value === 'svg' || value === 'png' || value === 'html';
}

function parseRange(value: unknown): Range | undefined {
    if (!isRecord(value) || !hasOnly(value, ['start', 'end'])) {
        return undefined;
    }
    const start = parsePosition(value.start);
    const end = parsePosition(value.end);
    return start && end ? { start, end } : undefined;
}

function parsePosition(value: unknown): Position | undefined {
    return isRecord(value) && hasOnly(value, ['line', 'character']) && isCount(value.line) && isCount(value.character)
        ? { line: value.line, character: value.character }
        : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnly(value: Record<string, unknown>, keys: string[]): boolean {
    return Object.keys(value).every(key => keys.includes(key));
}

function isCount(value: unknown): value is number {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isText(value: unknown, max: number): value is string {
    return typeof value === 'string' && value.length <= max;
}
