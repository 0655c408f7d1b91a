import { AstUtils, URI, UriUtils, type FileSystemProvider } from 'langium';
import type { Source } from '../generated/ast.js';
import { parseCsvTable, type CsvRead } from './csv-table.js';

/** A source's data file: where it is, and what reading it gave. */
export interface SourceData {
    uri: URI;
    /** The path as written on the source (`data "…"`). */
    path: string;
    read: CsvRead;
}

/**
 * The data files (CSV exports) the workspace's sources point at: read when a KPI or a source needs one,
 * kept until the file changes on disk (`invalidate`), and never written. Who read which file is noted,
 * so that a changed export rebuilds exactly the files whose numbers come from it.
 */
export class JourneyDataFiles {
    /** How a file's text is read: the workspace's file system; a git revision's blobs for `journey diff`. */
    reader: (uri: URI) => string;
    private readonly tables = new Map<string, CsvRead>();
    /** data file → the documents that read it. */
    private readonly readers = new Map<string, Set<string>>();

    private readonly fromFileSystem: (uri: URI) => string;

    constructor(fileSystem: FileSystemProvider) {
        this.fromFileSystem = uri => fileSystem.readFileSync(uri);
        this.reader = this.fromFileSystem;
    }

    /** Back to reading the file system, with nothing read yet (a workspace emptied for reuse). */
    reset(): void {
        this.reader = this.fromFileSystem;
        this.tables.clear();
        this.readers.clear();
    }

    /** The data file of a source (`data "PATH"`, relative to the file that declares the source), or undefined without one. */
    ofSource(source: Source, readBy?: URI): SourceData | undefined {
        if (source.data === undefined) {
            return undefined;
        }
        const declaredIn = AstUtils.getDocument(source).uri;
        const uri = UriUtils.resolvePath(UriUtils.dirname(declaredIn), source.data);
        this.noteReader(uri, declaredIn);
        if (readBy) {
            this.noteReader(uri, readBy);
        }
        return { uri, path: source.data, read: this.table(uri) };
    }

    /** The table of a data file, read once until it changes. */
    table(uri: URI): CsvRead {
        const key = uri.toString();
        let read = this.tables.get(key);
        if (!read) {
            read = this.readTable(uri);
            this.tables.set(key, read);
        }
        return read;
    }

    /** Forgets what the files changed on disk held; returns the documents whose numbers came from them (to build again). */
    invalidate(changed: readonly URI[]): URI[] {
        const documents = new Set<string>();
        for (const uri of changed) {
            const key = uri.toString();
            this.tables.delete(key);
            this.readers.get(key)?.forEach(document => documents.add(document));
        }
        return [...documents].sort().map(document => URI.parse(document));
    }

    /** The data files a document read (its sources' and those of the sources its KPIs are computed from), sorted. */
    readBy(document: URI): URI[] {
        const key = document.toString();
        return [...this.readers].filter(([, documents]) => documents.has(key)).map(([file]) => file).sort().map(file => URI.parse(file));
    }

    /** Whether a file is one that a source of the workspace points at. */
    isDataFile(uri: URI): boolean {
        return this.readers.has(uri.toString());
    }

    private noteReader(uri: URI, document: URI): void {
        const key = uri.toString();
        let documents = this.readers.get(key);
        if (!documents) {
            documents = new Set();
            this.readers.set(key, documents);
        }
        documents.add(document.toString());
    }

    private readTable(uri: URI): CsvRead {
        let text: string;
        try {
            text = this.reader(uri);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            return {
                problem: code === 'ENOENT' ? 'there is no such file'
                    : code === 'EISDIR' ? 'it is a folder, not a file'
                        : `it cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`,
            };
        }
        return parseCsvTable(text);
    }
}
