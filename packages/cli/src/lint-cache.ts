import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AstUtils } from 'langium';
import { compareText, formatCalendarDate, hasSyntaxErrors, journeyRules, JourneySettings, type CalendarDate, type JourneyConfig, type JourneyServices } from '@journey/language';
import { CliError } from './cli-error.js';
import { contentHashOf, type LoadedFile } from './journey-workspace.js';
import type { FileMessage, FileMessages, LintSeverity } from './lint-results.js';

/**
 * `journey lint --cache`: each file's findings kept in a file (`.journeycache`), and used again when
 * nothing that could change them has changed (ESLint's `--cache`, always by content). A file's entry
 * holds the sha-256 of its bytes, the names it declares, the names it refers to and its findings (every
 * severity, with whether `--fix` would fix each). The whole cache is for one CLI version and one
 * configuration (the resolved severity of every rule, and "today" while a date rule is on); another's is
 * read as empty.
 *
 * What a file's findings depend on outside its own text, from reading packages/language/src/rules/, the
 * document validator and references/ (no rule reads other documents in another way):
 * - the declarations its references lead to (by name): `unresolved-reference` (does the name resolve, to
 *   which of several declarations), and the rules that read the declaration found: `need-not-served` (the
 *   persona's needs), `value-gap` (the need's importance), `kpi-off-target` and `score-out-of-range` (the
 *   metric's scale and direction), `future-without-current` (the current journey's states), the `serves`
 *   and value-gap scopes (the needs of the journey's personas), and the validator, which drops a finding
 *   whose node refers into a file that does not parse (`JourneyDeclarations.refersIntoBrokenFile`);
 * - the other declarations of the names it declares: `duplicate-name` (`JourneyDeclarations`: the first
 *   declaration by file, then by position, over the whole index);
 * - every name of the workspace, for a file with a reference that does not resolve: the "did you mean"
 *   of `unresolved-reference` (every name in scope), its hints (`elsewhereHint`: the needs of personas
 *   from every file; `by`: whether the name is a persona anywhere), and whether a file that does not
 *   parse mentions the name (`mentionedInBrokenFile`, which silences the finding);
 * - no rule looks at who uses a declaration (there is no "unused" rule), but the files that refer to a
 *   file's names are part of its fingerprint all the same, so that such a rule would not need a new cache.
 * - the data files (CSV exports) its sources and computed KPIs read: `data-unreadable`, `small-sample`,
 *   `sample-mismatch`, and the computed values `kpi-off-target` and `score-out-of-range` check; each is
 *   stamped with the hash of its bytes, read again on every run.
 * Every other rule reads only its own file (`unused-suppression` reads which findings the file has);
 * `stale-map`, `plan-overdue` and `stale-evidence` also read the day, which is in the configuration's key.
 *
 * So a file's fingerprint hashes, for every name it refers to or declares, the files (path and content
 * hash) that declare it; for every name it declares, the files that refer to it; and, when one of its
 * references does not resolve, every name of the workspace with its kind and the files that do not parse.
 * An entry is used when its content hash and its fingerprint, computed on this run's files, are the
 * ones stored. Paths are relative to the cache file's folder, so a checkout that moves keeps its cache.
 */

/** The cache file's name, in the command's folder or in the folder `--cache-location` names. */
export const CACHE_FILE_NAME = '.journeycache';

/** The layout of the cache file; another is read as no cache. */
const CACHE_FORMAT = 1;

/** The rules whose findings change with the day: while one is on, the cache is for one day. */
const DATE_RULES = ['stale-map', 'plan-overdue', 'stale-evidence'];

/** A finding as stored: rule, severity, message, start and end (1-based), fixable (1) or not (0). */
type CachedMessage = [string, LintSeverity, string, number, number, number, number, 0 | 1];

/** What a file's findings depend on in the other files (see above). */
export interface FileFacts {
    /** Its exported names, each `Type name` (a persona's needs as `Need persona.need`). */
    declares: string[];
    /** The names its references write, and the persona of each `persona.need`, without repeats. */
    refers: string[];
    /** Whether one of its references does not resolve: its findings then depend on every name. */
    unresolved: boolean;
    /** Whether it does not parse (its declarations then count for nothing, and its words silence others' unknown names). */
    broken: boolean;
    /** The data files (CSV exports) it read, each `path\u0000sha-256` (or `missing`): a changed export changes its findings. */
    data?: string[];
}

interface CacheEntry extends FileFacts {
    hash: string;
    fingerprint: string;
    messages: CachedMessage[];
}

interface CacheData {
    format: number;
    version: string;
    key: string;
    entries: Record<string, CacheEntry>;
}

/** A file of this run: its absolute path and the sha-256 of its bytes. */
export interface HashedFile {
    filePath: string;
    hash: string;
}

/** What a load of this run found of a file (`plan`), for its entry. */
interface PlannedFile {
    hash: string;
    facts: FileFacts;
    fingerprint: string;
}

/**
 * The cache file `--cache-location PATH` names (default `.journeycache` here): PATH itself, or
 * `.journeycache` inside it when it is an existing folder or ends with a path separator.
 */
export async function cacheFileOf(location: string | undefined, cwd: string): Promise<string> {
    if (location === undefined || location === '') {
        return path.join(cwd, CACHE_FILE_NAME);
    }
    const absolute = path.resolve(cwd, location);
    const folder = location.endsWith('/') || location.endsWith(path.sep) || (await stat(absolute).catch(() => undefined))?.isDirectory();
    const file = folder ? path.join(absolute, CACHE_FILE_NAME) : absolute;
    if (file.endsWith('.journey')) {
        throw new CliError(`--cache-location ${location} names a .journey file; name another file (a lint of its folder would read it as a map)`);
    }
    return file;
}

/**
 * What the findings depend on besides the files: the resolved severity of every rule (the configuration
 * file's, and the rules' own), and "today" while a date rule is on. A hash.
 */
export function configurationKey(config: JourneyConfig | undefined, today: CalendarDate): string {
    const settings = new JourneySettings();
    settings.applyConfig(config);
    const severities = journeyRules.map(rule => [rule.id, settings.severityOf(rule.id)]);
    // Suppression comments may name rules the registry lacks: the configuration's own entries too.
    const configured = [...config?.severities ?? []].sort(([a], [b]) => compareText(a, b));
    const dated = DATE_RULES.some(id => settings.severityOf(id) !== 'off');
    return contentHashOf(JSON.stringify({ severities, configured, today: dated ? formatCalendarDate(today) : null }));
}

/** The cache of one run: read (or empty), asked for reusable results, updated, written. */
export class LintCache {
    private constructor(
        readonly file: string,
        private readonly version: string,
        private readonly key: string,
        private readonly entries: Map<string, CacheEntry>,
    ) { }

    /** The last load's files (`plan`), by key. */
    private planned = new Map<string, PlannedFile>();

    /** Reads the cache file; one that is missing, unreadable, corrupt, of another version or configuration is an empty cache. */
    static async open(file: string, version: string, key: string): Promise<LintCache> {
        const entries = new Map<string, CacheEntry>();
        try {
            // Only a regular file is read: a FIFO would keep the run waiting.
            const data = (await stat(file)).isFile() ? JSON.parse(await readFile(file, 'utf8')) as Partial<CacheData> : undefined;
            if (data?.format === CACHE_FORMAT && data.version === version && data.key === key && typeof data.entries === 'object' && data.entries) {
                for (const [name, entry] of Object.entries(data.entries)) {
                    if (isEntry(entry)) {
                        entries.set(name, entry);
                    }
                }
            }
        } catch {
            // No cache, or not one we can read: every file is linted, and the cache written anew.
        }
        return new LintCache(file, version, key, entries);
    }

    /** How many files the cache holds. */
    get size(): number {
        return this.entries.size;
    }

    /**
     * The findings of every file, when the cache holds all of them with the same content and the same
     * fingerprint on this run's files; undefined when any file must be linted.
     */
    reuse(files: readonly HashedFile[]): FileMessages[] | undefined {
        const found: Array<{ file: HashedFile; name: string; entry: CacheEntry }> = [];
        for (const file of files) {
            const name = this.nameOf(file.filePath);
            const entry = this.entries.get(name);
            if (!entry || entry.hash !== file.hash) {
                return undefined;
            }
            found.push({ file, name, entry });
        }
        // The data files as they are now: an export changed since is another fingerprint.
        const prints = fingerprints(found.map(({ name, entry }) => ({ name, hash: entry.hash, facts: { ...entry, data: entry.data?.map(stamp => this.dataStamp(path.resolve(path.dirname(this.file), stamp.slice(0, stamp.indexOf('\u0000'))))) } })));
        if (found.some(({ entry }, index) => entry.fingerprint !== prints[index])) {
            return undefined;
        }
        return found.map(({ file, entry }) => ({ filePath: file.filePath, messages: entry.messages.map(fromCached) }));
    }

    /**
     * Which files of a loaded (parsed and linked, not yet checked) workspace must be checked: those whose
     * entry is missing, of other content or of another fingerprint on this workspace, and with `fix`
     * those whose findings are fixable (their fixes are only in a fresh check). The others' findings are
     * `cachedMessages`. Remembers what it found of every file, for `update`.
     */
    plan(files: readonly LoadedFile[], services: JourneyServices, options: { fix?: boolean } = {}): boolean[] {
        const facts = factsOf(files, services, filePath => this.dataStamp(filePath));
        const linted = files.map((file, index) => ({ name: this.nameOf(file.filePath), hash: file.contentHash!, facts: facts[index] }));
        const prints = fingerprints(linted);
        this.planned = new Map(linted.map((file, index) => [file.name, { hash: file.hash, facts: file.facts, fingerprint: prints[index] }]));
        return linted.map((file, index) => {
            const entry = this.entries.get(file.name);
            return !entry || entry.hash !== file.hash || entry.fingerprint !== prints[index]
                || (options.fix === true && entry.messages.some(message => message[7] === 1));
        });
    }

    /** The cached findings of a file that `plan` left unchecked. */
    cachedMessages(filePath: string): FileMessage[] {
        return this.entries.get(this.nameOf(filePath))!.messages.map(fromCached);
    }

    /**
     * Puts the findings of the last load's files into the cache (`plan` found their content and
     * fingerprint); entries of other files stay while their file exists.
     */
    async update(files: readonly FileMessages[]): Promise<void> {
        const names = new Set(files.map(file => this.nameOf(file.filePath)));
        const others = [...this.entries.keys()].filter(name => !names.has(name));
        const gone = await Promise.all(others.map(async name => (await stat(path.resolve(path.dirname(this.file), name)).catch(() => undefined))?.isFile() !== true));
        others.forEach((name, index) => {
            if (gone[index]) {
                this.entries.delete(name);
            }
        });
        for (const file of files) {
            const name = this.nameOf(file.filePath);
            const planned = this.planned.get(name)!;
            this.entries.set(name, { hash: planned.hash, ...planned.facts, fingerprint: planned.fingerprint, messages: file.messages.map(toCached) });
        }
    }

    /** Writes the cache file whole or not at all: a temporary file next to it, renamed over it. */
    async save(): Promise<void> {
        const data: CacheData = {
            format: CACHE_FORMAT,
            version: this.version,
            key: this.key,
            entries: Object.fromEntries([...this.entries].sort(([a], [b]) => compareText(a, b))),
        };
        const temporary = `${this.file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
        try {
            await mkdir(path.dirname(this.file), { recursive: true });
            await writeFile(temporary, JSON.stringify(data), 'utf8');
            await rename(temporary, this.file);
        } catch (error) {
            await unlink(temporary).catch(() => undefined);
            throw error;
        }
    }

    /** A data file's path (as a key) and the hash of its bytes now. */
    private dataStamp(filePath: string): string {
        let hash: string;
        try {
            hash = contentHashOf(readFileSync(filePath));
        } catch {
            hash = 'missing';
        }
        return `${this.nameOf(filePath)}\u0000${hash}`;
    }

    /** A file's key: its path from the cache file's folder, with `/`. */
    private nameOf(filePath: string): string {
        return path.relative(path.dirname(this.file), filePath).split(path.sep).join('/');
    }
}

/** What each file of a loaded workspace declares and refers to (`FileFacts`), in the order of its files. */
export function factsOf(files: readonly LoadedFile[], services: JourneyServices, dataStamp: (filePath: string) => string = filePath => filePath): FileFacts[] {
    const declared = new Map<string, Set<string>>();
    for (const description of services.shared.workspace.IndexManager.allElements()) {
        const uri = description.documentUri.toString();
        const names = declared.get(uri) ?? new Set<string>();
        names.add(`${description.type} ${description.name}`);
        declared.set(uri, names);
    }
    return files.map(({ document }) => {
        const broken = hasSyntaxErrors(document);
        // The linker keeps every reference of a file it linked; what the parser recovered of a file that
        // does not parse is walked.
        const references = broken
            ? AstUtils.streamAst(document.parseResult.value).flatMap(node => AstUtils.streamReferences(node)).map(info => info.reference)
            : document.references;
        const refers = new Set<string>();
        let unresolved = false;
        for (const reference of references) {
            const text = reference.$refText;
            refers.add(text);
            for (let dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
                refers.add(text.slice(0, dot));
            }
            if ('ref' in reference && reference.ref === undefined) {
                unresolved = true;
            }
        }
        const data = services.data.DataFiles.readBy(document.uri).map(uri => dataStamp(uri.fsPath));
        return {
            declares: [...declared.get(document.uri.toString()) ?? []].sort(compareText),
            refers: [...refers].sort(compareText),
            unresolved,
            broken,
            ...(data.length > 0 ? { data } : {}),
        };
    });
}

/** The fingerprint of each file: a hash of what its findings depend on in the others (see the top of this file). */
export function fingerprints(files: ReadonlyArray<{ name: string; hash: string; facts: FileFacts }>): string[] {
    const declaredBy = new Map<string, string[]>();
    const referredBy = new Map<string, string[]>();
    const add = (table: Map<string, string[]>, name: string, stamp: string) => {
        const list = table.get(name);
        if (list) {
            list.push(stamp);
        } else {
            table.set(name, [stamp]);
        }
    };
    const stamps = files.map(file => `${file.name}\u0000${file.hash}`);
    files.forEach((file, index) => {
        for (const declaration of file.facts.declares) {
            add(declaredBy, nameOfDeclaration(declaration), stamps[index]);
        }
        for (const name of file.facts.refers) {
            add(referredBy, name, stamps[index]);
        }
    });
    const joined = (table: Map<string, string[]>) => {
        const result = new Map<string, string>();
        for (const [name, list] of table) {
            result.set(name, [...new Set(list)].sort(compareText).join('\n'));
        }
        return result;
    };
    const declarers = joined(declaredBy);
    const referrers = joined(referredBy);
    let everything: string | undefined;
    const workspaceNames = () => everything ??= contentHashOf([
        [...new Set(files.flatMap(file => file.facts.declares))].sort(compareText).join('\n'),
        stamps.filter((_, index) => files[index].facts.broken).sort(compareText).join('\n'),
    ].join('\u0001'));
    return files.map(file => {
        const hash = createHash('sha256');
        const own = [...new Set(file.facts.declares.map(nameOfDeclaration))].sort(compareText);
        const names = [...new Set([...file.facts.refers, ...own])].sort(compareText);
        for (const name of names) {
            hash.update(`d\u0000${name}\u0000${declarers.get(name) ?? ''}\u0001`);
        }
        for (const name of own) {
            hash.update(`r\u0000${name}\u0000${referrers.get(name) ?? ''}\u0001`);
        }
        if (file.facts.unresolved) {
            hash.update(`w\u0000${workspaceNames()}`);
        }
        if (file.facts.data && file.facts.data.length > 0) {
            hash.update(`x\u0000${file.facts.data.join('\u0001')}`);
        }
        return hash.digest('hex');
    });
}

function nameOfDeclaration(declaration: string): string {
    return declaration.slice(declaration.indexOf(' ') + 1);
}

function toCached({ message, fixable }: FileMessage): CachedMessage {
    return [message.ruleId, message.severity, message.message, message.line, message.column, message.endLine, message.endColumn, fixable ? 1 : 0];
}

function fromCached([ruleId, severity, message, line, column, endLine, endColumn, fixable]: CachedMessage): FileMessage {
    return { message: { ruleId, severity, message, line, column, endLine, endColumn }, fixable: fixable === 1 };
}

function isEntry(value: unknown): value is CacheEntry {
    const entry = value as Partial<CacheEntry> | null;
    return typeof entry === 'object' && entry !== null
        && typeof entry.hash === 'string' && typeof entry.fingerprint === 'string'
        && isStrings(entry.declares) && isStrings(entry.refers)
        && typeof entry.unresolved === 'boolean' && typeof entry.broken === 'boolean' && (entry.data === undefined || isStrings(entry.data))
        && Array.isArray(entry.messages) && entry.messages.every(isCachedMessage);
}

function isStrings(value: unknown): value is string[] {
    return Array.isArray(value) && value.every(item => typeof item === 'string');
}

function isCachedMessage(value: unknown): value is CachedMessage {
    return Array.isArray(value) && value.length === 8
        && typeof value[0] === 'string' && (value[1] === 0 || value[1] === 1 || value[1] === 2) && typeof value[2] === 'string'
        && value.slice(3, 7).every(n => Number.isInteger(n)) && (value[7] === 0 || value[7] === 1);
}
