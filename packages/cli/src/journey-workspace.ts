import { createHash } from 'node:crypto';
import path from 'node:path';
import v8 from 'node:v8';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver';
import { createJourneyServices, hasSyntaxErrors, isConfigurable, journeyRules, withoutByteOrderMark, type CalendarDate, type EvidenceSettings, type JourneyConfig, type JourneyServices } from '@journey/language';
import { CliError } from './cli-error.js';
import { NO_PROGRESS, type Progress } from './progress.js';
import { readRegularFile } from './regular-file.js';
import { decodeUtf8, notUtf8Diagnostic } from './utf8-text.js';

export interface WorkspaceOptions {
    /** "Today" for the date rules; the clock when absent. */
    today?: CalendarDate;
    /** Rule severities from journey.config.json. */
    config?: JourneyConfig;
    /** Told of each file read and each file checked (see progress.ts); cleared when done. */
    progress?: Progress;
    /**
     * Texts that stand for files (absolute path → text): read instead of the file on disk, which need not
     * exist (`lint --stdin --stdin-filename PATH`). Bytes are read as the bytes of a file are; a byte order
     * mark is dropped as on disk.
     */
    texts?: ReadonlyMap<string, string | Uint8Array>;
    /**
     * Makes the language's services (a fresh set per load when absent). Tests that run the program many
     * times in one process pass a pool: building the parser is most of a small run.
     */
    createServices?: () => JourneyServicePair;
    /** The folder paths in messages are relative to (the command's, never the process's). */
    cwd?: string;
    /**
     * Parse only (`journey format`): no index, no linking, no rule but `syntax` (which reads the text
     * alone: parse errors, impossible dates, unknown escapes), worded as lint words them.
     */
    parseOnly?: boolean;
    /** Give each file the sha-256 of the bytes read (`LoadedFile.contentHash`, for `lint --cache`). */
    hashContent?: boolean;
    /** How the sources' data files are read (a git revision's for `journey diff`); the file system when absent. */
    readDataFile?: (uri: URI) => string;
    /**
     * Which files to check (`lint --cache`): asked once every file is parsed and linked, before any is
     * checked, with the files in order; those it leaves out are not validated (`validated: false`, no
     * diagnostics). All are checked when absent.
     */
    select?: (files: readonly LoadedFile[], services: JourneyServices) => readonly boolean[];
}

/** Bytes of input past which the heap is held closer to what it holds (see {@link holdHeapGrowth}). */
const LARGE_INPUT = 4_000_000;

/**
 * Lets V8 grow the heap by 25 % of what a collection leaves alive rather than by its default (up to
 * 2 or 4 ×): a command holds every parsed file to its end, so past a few megabytes the heap is the
 * run's memory. Measured with the real CLI, lint peak RSS and time against V8's default: 8 MB 400 MB
 * 10.4 s -> 20 %: 318 MB 12 s, 30 %: 326 MB 11.1 s; 50 MB 2010 MB 60 s -> 20 %: 1397 MB 89 s, 30 %:
 * 1450 MB 72 s. Small inputs keep V8's defaults.
 */
function holdHeapGrowth(): void {
    v8.setFlagsFromString('--heap-growing-percent=25');
}

/** What `createJourneyServices` makes: the shared services and the language's. */
export type JourneyServicePair = ReturnType<typeof createJourneyServices>;

export interface LoadedFile {
    /** Absolute path. */
    filePath: string;
    document: LangiumDocument;
    diagnostics: Diagnostic[];
    /** The sha-256 (hex) of the bytes read, with `hashContent`. */
    contentHash?: string;
    /** False when `select` left the file out: it was not checked, and its diagnostics are not known. */
    validated?: boolean;
    /** The workspace's data thresholds (journey.config.json's `evidence`), for the map models built from it. */
    evidence: EvidenceSettings;
}

/**
 * Whether a file is left alone by `--fix`, `format` and `render`: it does not parse, or a `syntax`
 * finding (a date that is no calendar date, bytes that are not UTF-8) says its text is not what it means.
 */
export function hasSyntaxProblems(file: LoadedFile): boolean {
    return hasSyntaxErrors(file.document) || file.diagnostics.some(diagnostic => diagnostic.code === 'syntax');
}

export interface JourneyWorkspace {
    services: JourneyServices;
    files: LoadedFile[];
}

/**
 * Loads files as one workspace and validates it: the language server's services without a
 * connection, so the CLI reports exactly what the editor shows. Only regular files are read (a FIFO,
 * a device or a socket is a usage error, see regular-file.ts). A file whose bytes are not UTF-8 is
 * read as an editor shows it (U+FFFD for each bad byte) so that the other files see its names, and gets
 * one finding, a `syntax` error at its first bad byte: nothing else is reported on it, and nothing
 * writes it (`hasSyntaxProblems`), so the bytes are never replaced by U+FFFD.
 */
export async function loadJourneyWorkspace(filePaths: readonly string[], options: WorkspaceOptions = {}): Promise<JourneyWorkspace> {
    const { shared, Journey } = options.createServices?.() ?? createJourneyServices({ ...NodeFileSystem });
    // Nothing a command prints asks who refers to what (the editor's find-references and hover counts do):
    // the index of references is not built.
    shared.workspace.IndexManager.updateReferences = async () => undefined;
    Journey.validation.JourneySettings.today = options.today;
    Journey.validation.JourneySettings.applyConfig(options.config);
    if (options.readDataFile) {
        Journey.data.DataFiles.reader = options.readDataFile;
    }
    const progress = options.progress ?? NO_PROGRESS;
    const documents: LangiumDocument[] = [];
    const notUtf8 = new Map<LangiumDocument, Diagnostic>();
    const hashes: string[] = [];
    let read = 0;
    for (const filePath of filePaths) {
        progress.report('parsing files', documents.length, filePaths.length);
        const bytes = options.texts?.get(filePath) ?? await readInputFile(filePath, options.cwd);
        if (options.hashContent) {
            hashes.push(contentHashOf(bytes));
        }
        read += bytes.length;
        if (read >= LARGE_INPUT && read - bytes.length < LARGE_INPUT) {
            holdHeapGrowth();
        }
        const decoded = typeof bytes === 'string' ? { text: bytes, notUtf8: undefined } : decodeUtf8(bytes);
        // Editors hide a byte order mark; columns must match what the user sees.
        const document = shared.workspace.LangiumDocumentFactory.fromString(withoutByteOrderMark(decoded.text), URI.file(filePath));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
        if (decoded.notUtf8) {
            notUtf8.set(document, notUtf8Diagnostic(decoded.notUtf8));
        }
    }
    let chosen: readonly boolean[] | undefined;
    const loadedFiles = (): LoadedFile[] => documents.map((document, index) => ({
        filePath: filePaths[index],
        document,
        diagnostics: chosen?.[index] === false ? [] : document.diagnostics ?? [],
        evidence: Journey.validation.JourneySettings.evidence,
        ...(options.hashContent ? { contentHash: hashes[index] } : {}),
        ...(chosen?.[index] === false ? { validated: false } : {}),
    }));
    let checked = 0;
    const checking = shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => {
        progress.report('checking files', ++checked, documents.length);
    });
    try {
        if (options.parseOnly) {
            // Every other rule off: the validator then runs `syntax` only, on documents nobody linked.
            Journey.validation.JourneySettings.applyConfig({ severities: new Map(journeyRules.filter(isConfigurable).map(rule => [rule.id, 'off'])) });
            for (const document of documents) {
                document.diagnostics = await Journey.validation.DocumentValidator.validateDocument(document);
            }
        } else if (options.select) {
            // Linked as a whole (names resolve across files), then only the files chosen are checked.
            await shared.workspace.DocumentBuilder.build(documents, { validation: false });
            chosen = options.select(loadedFiles(), Journey);
            const count = chosen.filter(Boolean).length;
            for (const [index, document] of documents.entries()) {
                if (chosen[index]) {
                    document.diagnostics = await Journey.validation.DocumentValidator.validateDocument(document);
                    progress.report('checking files', ++checked, count);
                }
            }
        } else {
            await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        }
    } finally {
        checking.dispose();
        progress.clear();
    }
    for (const [document, diagnostic] of notUtf8) {
        document.diagnostics = [diagnostic];
    }
    return { services: Journey, files: loadedFiles() };
}

/**
 * The bytes of a file to check, as every command reads one: only a regular file (regular-file.ts), and
 * a failure is a usage error naming the file as the user wrote it (relative to `cwd`).
 */
export async function readInputFile(filePath: string, cwd: string | undefined): Promise<Uint8Array> {
    const shown = (cwd !== undefined && path.relative(cwd, filePath).split(path.sep).join('/')) || filePath;
    return readRegularFile(filePath, shown).catch((error: NodeJS.ErrnoException) => {
        throw error instanceof CliError ? error : new CliError(`cannot read ${shown}: ${error.code ?? error.message}`);
    });
}

/** The sha-256 (hex) of a file's bytes (a text given for a file: of its UTF-8 bytes). */
export function contentHashOf(bytes: string | Uint8Array): string {
    return createHash('sha256').update(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).digest('hex');
}
