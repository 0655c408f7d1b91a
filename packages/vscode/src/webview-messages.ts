import type { JourneyMapModel } from '@journey/language/protocol';
import type { Layout } from '@journey/preview';

/**
 * The messages between the extension and the preview webview, typed once for both sides. The
 * extension trusts nothing the webview says: every message from it goes through
 * `parseWebviewMessage`, which returns `undefined` for anything not exactly of an expected shape.
 */

export type PreviewTheme = 'auto' | 'light' | 'dark';
export type ExportFormat = 'svg' | 'png' | 'pdf' | 'html';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['svg', 'png', 'pdf', 'html'];

/**
 * What the webview answers an export of a PNG or PDF with (as JSON in `data`): the maps as it laid them
 * out, which the extension draws with the CLI's code (@journey/png-pdf).
 */
export interface ExportedLayouts {
    theme: 'light' | 'dark';
    layouts: Layout[];
}

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
        /** The current states its future-state journeys redesign (their curves go faintly under theirs). */
        baselines: JourneyMapModel[];
        /** The text does not parse: keep the last good map and mark it as out of date. */
        hasSyntaxErrors: boolean;
        theme: PreviewTheme;
    }
    | { type: 'theme'; theme: PreviewTheme }
    | { type: 'cursor'; position: Position }
    | { type: 'fit' }
    | { type: 'export'; requestId: number; format: ExportFormat };

/** What the webview keeps across reloads (`vscode.setState`); the serializer reopens `uri`. */
export interface PreviewState {
    uri: string;
    zoom: number;
    scrollX: number;
    scrollY: number;
    /** The zoom and scroll of each file shown before (the preview follows the active editor). */
    views?: Record<string, { zoom: number; scrollX: number; scrollY: number }>;
    /** The toolbar's *Current state* toggle: a future state's map draws its current state's curve (default true). */
    currentState?: boolean;
}

/** Webview → extension. */
export type WebviewMessage =
    | { type: 'ready' }
    | { type: 'reveal'; range: Range }
    | { type: 'rendered'; uri: string; version: number | null; elements: number }
    | { type: 'exported'; requestId: number; format: ExportFormat; data: string }
    | { type: 'exportFailed'; requestId: number; message: string }
    /** A toolbar button: export the map in this format (as the command of that name). */
    | { type: 'exportRequest'; format: ExportFormat }
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
        case 'exportRequest':
            return hasOnly(value, ['type', 'format']) && isExportFormat(value.format) ? { type: 'exportRequest', format: value.format } : undefined;
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

/** The longest URI a restored preview may name (a path of a few thousand characters is no journey file). */
const MAX_URI = 4096;
/** Schemes a preview is never restored for, even were a workspace folder to have one. */
const REFUSED_SCHEMES = new Set(['command', 'javascript', 'vbscript', 'data', 'blob', 'untitled', 'http', 'https', 'vscode-webview']);

/**
 * The document a restored preview may reopen: `state.uri`, if it names a `.journey` file inside one of
 * the open workspace folders (given as URI strings), else `undefined`. The state is written by the
 * webview, so it is not trusted: only a URI as VS Code writes one (`scheme://authority/path`, RFC 3986
 * characters, no query or fragment) of `file:` or of a workspace folder's scheme, whose path, decoded
 * segment by segment, has no `.`, `..` or empty segment, no encoded separator and no control character,
 * and starts with the folder's own segments. Pure (no `vscode`): what `deserializeWebviewPanel` asks.
 */
export function previewUriToRestore(state: unknown, workspaceFolders: readonly string[]): string | undefined {
    if (!isRecord(state) || !isText(state.uri, MAX_URI)) {
        return undefined;
    }
    const document = parseUri(state.uri);
    if (!document || REFUSED_SCHEMES.has(document.scheme)) {
        return undefined;
    }
    const name = document.segments.at(-1);
    if (!name || !name.endsWith('.journey') || name.length === '.journey'.length) {
        return undefined;
    }
    const inside = workspaceFolders.some(folderText => {
        const folder = typeof folderText === 'string' && folderText.length <= MAX_URI ? parseUri(folderText, true) : undefined;
        return folder !== undefined && folder.scheme === document.scheme && folder.authority === document.authority
            && folder.segments.length < document.segments.length
            && folder.segments.every((segment, index) => sameSegment(segment, document.segments[index], index, document.scheme));
    });
    // Inside a folder of its own scheme: `file:`, or the scheme of a remote or virtual workspace.
    return inside ? `${document.scheme}:${state.uri.slice(state.uri.indexOf(':') + 1)}` : undefined;
}

interface ParsedUri {
    /** Lower case. */
    scheme: string;
    /** Decoded, lower case. */
    authority: string;
    /** The path's segments, each decoded. */
    segments: string[];
}

/** Only what RFC 3986 allows in a URI, percent-encoded bytes included: VS Code writes every other character encoded. */
const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/@!$&'()*+,;=%]*$/;
const URI_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** `scheme://authority/path` as above; a folder's path may be empty or end with `/`. */
function parseUri(text: string, folder = false): ParsedUri | undefined {
    const match = URI_CHARACTERS.test(text) ? URI_SHAPE.exec(text) : null;
    if (!match) {
        return undefined;
    }
    const authority = decode(match[2]);
    let raw = (match[3] ?? '').split('/').slice(1);
    if (folder && raw.at(-1) === '') {
        raw = raw.slice(0, -1); // `file:///` or `file:///home/me/`
    }
    const segments = raw.map(decode);
    if (authority === undefined || /[/\\]/.test(authority) || CONTROL.test(authority)) {
        return undefined;
    }
    if (segments.some((segment, index) => segment === undefined || !isPlainSegment(segment, index))) {
        return undefined;
    }
    if (!folder && segments.length === 0) {
        return undefined;
    }
    return { scheme: match[1].toLowerCase(), authority: authority.toLowerCase(), segments: segments as string[] };
}

/** A file or folder name: not empty, `.` or `..`, no separator (`/`, `\\`), control character or `:` (but a drive, `c:`, first). */
function isPlainSegment(segment: string, index: number): boolean {
    if (segment === '' || segment === '.' || segment === '..' || /[/\\]/.test(segment) || CONTROL.test(segment)) {
        return false;
    }
    return !segment.includes(':') || index === 0 && /^[A-Za-z]:$/.test(segment);
}

function sameSegment(a: string, b: string | undefined, index: number, scheme: string): boolean {
    // VS Code writes a Windows drive letter in lower case; a folder may have been opened as `C:`.
    return a === b || scheme === 'file' && index === 0 && b !== undefined && /^[A-Za-z]:$/.test(a) && a.toLowerCase() === b.toLowerCase();
}

function decode(text: string): string | undefined {
    try {
        return decodeURIComponent(text);
    } catch {
        return undefined;
    }
}

export function isExportFormat(value: unknown): value is ExportFormat {
    return (EXPORT_FORMATS as readonly unknown[]).includes(value);
}

/**
 * The layouts of an `exported` PNG or PDF, checked as far as drawing relies on them: a theme, and
 * one or more maps, each an object with a name, a title and a finite positive size (what else is
 * wrong in one makes drawing throw, which the export says).
 */
export function parseExportedLayouts(data: string): ExportedLayouts | undefined {
    let value: unknown;
    try {
        value = JSON.parse(data);
    } catch {
        return undefined;
    }
    if (!isRecord(value) || !hasOnly(value, ['theme', 'layouts']) || (value.theme !== 'light' && value.theme !== 'dark')
        || !Array.isArray(value.layouts) || value.layouts.length === 0) {
        return undefined;
    }
    const size = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n > 0 && n < 1_000_000;
    const layouts = value.layouts as unknown[];
    return layouts.every(layout => isRecord(layout) && typeof layout.name === 'string' && typeof layout.title === 'string' && size(layout.width) && size(layout.height))
        ? { theme: value.theme, layouts: layouts as Layout[] }
        : undefined;
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
