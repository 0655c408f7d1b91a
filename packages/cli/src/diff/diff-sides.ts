import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { buildWorkspaceModel, calendarDateOfToday, compareText, CONFIG_FILE_NAME, hasSyntaxErrors, isJourney, severityName, type CalendarDate, type JourneyConfig, type Model } from '@journey/language';
import type { DiffFinding, DiffSide } from '@journey/diff';
import type { LangiumDocument, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { CliError } from '../cli-error.js';
import type { CommandIO } from '../commands/lint-command.js';
import { loadConfigFile, parseConfigText, workspaceRootOf } from '../config-file.js';
import { findJourneyFiles } from '../file-discovery.js';
import { displayPosixPath } from '../formatters/paths.js';
import { loadJourneyWorkspace, type JourneyWorkspace } from '../journey-workspace.js';
import { fileTextAtRevision, filesAtRevision, mergeBase, readBlobs, repositoryRoot, resolveRevision } from './git-revisions.js';

export interface DiffSidesOptions {
    /** "Today" for the date rules and the models, the same on both sides; the clock when absent. */
    today?: CalendarDate;
    /**
     * `-c, --config FILE`: read from disk and used for both sides. When absent each side has its own:
     * a revision the `journey.config.json` at that revision (the nearest from the paths' folder up to the
     * repository root), the working tree and a folder the one `journey lint` finds.
     */
    config?: string;
    /**
     * `--merge-base`: BASE is the merge base of BASE and HEAD (the `HEAD` commit when HEAD is the working
     * tree), as `git diff --merge-base`: what a branch changes since it left BASE, uncommitted work included.
     */
    mergeBase?: boolean;
}

/** The two sides of `journey diff`, and what to call each in output. */
export interface DiffSides {
    base: DiffSide;
    head: DiffSide;
    /** `main`, `HEAD~1`, `main (merge base with feature)`, a folder as given. */
    baseName: string;
    /** A revision as given, `working tree`, a folder as given. */
    headName: string;
}

/** What the working tree is called as HEAD. */
export const WORKING_TREE = 'working tree';

/**
 * The two sides of `journey diff BASE [HEAD] [PATHS…]`, each loaded as `journey lint` loads a workspace
 * (its own services, its own configuration, the same "today") and made into plain data.
 *
 * - BASE and HEAD both existing folders: each folder is a workspace of its own, paths shown relative to
 *   it (`a/x.journey` and `b/x.journey` are both `x.journey`). PATHS are then a usage error.
 * - Otherwise git revisions of the repository `io.cwd` is in: the `.journey` files at BASE under PATHS
 *   (default `.`), against those at HEAD, or the files on disk when HEAD is omitted. `A...B` is the merge
 *   base of A and B against B (what a pull request from B into A changes), `A..B` is A against B.
 *   A file at a revision stands for its working-tree path (`<root>/<path>`), so the same file has the
 *   same path, and the same URI, on both sides; paths are shown relative to the repository root.
 *   After one revision, a HEAD that exists on disk is the first PATH (`journey diff main maps`).
 */
export async function loadDiffSides(base: string, given: string | undefined, givenPatterns: readonly string[], io: CommandIO, options: DiffSidesOptions = {}): Promise<DiffSides> {
    const today = options.today ?? calendarDateOfToday();
    const baseIsFolder = await isFolder(io.cwd, base);
    // `journey diff main maps`: after one revision, a path that exists is the first PATH, not HEAD (as git reads it).
    const headIsPath = given !== undefined && !baseIsFolder && await exists(path.resolve(io.cwd, given));
    const head = headIsPath ? undefined : given;
    const patterns = headIsPath ? [given!, ...givenPatterns] : givenPatterns;
    if (head !== undefined && baseIsFolder && await isFolder(io.cwd, head)) {
        if (patterns.length > 0) {
            throw new CliError(`journey diff ${base} ${head} compares every .journey file under the two folders: give no paths after them (got ${patterns.join(' ')}), or compare git revisions (journey diff main HEAD ${patterns.join(' ')})`);
        }
        if (options.mergeBase) {
            throw new CliError(`--merge-base compares git revisions; ${base} and ${head} are folders (leave out --merge-base)`);
        }
        const [baseSide, headSide] = [await folderSide(base, io, options, today), await folderSide(head, io, options, today)];
        return { base: baseSide, head: headSide, baseName: folderName(base), headName: folderName(head) };
    }
    const { baseRevision, headRevision, baseName, rangeHead } = splitRange(base, head, options.mergeBase ?? false);
    const root = await repositoryRoot(io.cwd).catch(async (error: unknown) => {
        // `journey diff old-maps` outside a repository: say what a folder needs.
        if (head === undefined && CliError.is(error) && baseIsFolder) {
            throw new CliError(`${error.message}; \`${base}\` is a folder: to compare folders give two (journey diff ${base} OTHER_FOLDER)`);
        }
        throw error;
    });
    const paths = patterns.length > 0 ? patterns : ['.'];
    const inRepository = await Promise.all(paths.map(pattern => repositoryPath(pattern, root, io.cwd)));
    const workspaceRoot = await workspaceRootOf(paths, io.cwd);
    const baseCommit = await resolveRevision(root, baseRevision);
    const headCommit = headRevision === undefined ? undefined : await resolveRevision(root, headRevision);
    const baseAt = rangeHead === undefined ? baseCommit
        : await mergeBase(root, baseCommit, headCommit ?? await resolveRevision(root, 'HEAD'), `${baseRevision}...${rangeHead}`);
    const shown = (filePath: string) => displayPosixPath(filePath, root);
    const baseSide = await revisionSide(root, baseAt, baseName, inRepository, workspaceRoot, io, options, today);
    const headSide = headCommit === undefined
        ? await workingTreeSide(paths, root, workspaceRoot, io, options, today, shown)
        : await revisionSide(root, headCommit, headRevision as string, inRepository, workspaceRoot, io, options, today);
    return { base: baseSide, head: headSide, baseName, headName: headRevision ?? WORKING_TREE };
}

/**
 * BASE and HEAD as revisions: `A...B` (merge base of A and B, and B), `A..B` (A and B), or as given;
 * with `--merge-base`, BASE's merge base with HEAD (with the `HEAD` commit when HEAD is the working tree).
 */
function splitRange(base: string, head: string | undefined, toMergeBase: boolean): { baseRevision: string; headRevision: string | undefined; baseName: string; rangeHead?: string } {
    const dots = base.includes('...') ? '...' : base.includes('..') ? '..' : undefined;
    if (dots === undefined) {
        return toMergeBase
            ? { baseRevision: base, headRevision: head, baseName: `${base} (merge base with ${head ?? 'HEAD'})`, rangeHead: head ?? 'HEAD' }
            : { baseRevision: base, headRevision: head, baseName: base };
    }
    if (toMergeBase) {
        throw new CliError(`${base} is a range, which says itself where each side is: give it without --merge-base, or give --merge-base one revision (journey diff --merge-base main)`);
    }
    if (head !== undefined) {
        throw new CliError(`${base} is a range, which names both sides: give it alone (journey diff ${base}), or two revisions (journey diff A B)`);
    }
    const at = base.indexOf(dots);
    // As git reads them, a side left out is HEAD: `main...` is `main...HEAD`.
    const a = base.slice(0, at) || 'HEAD';
    const b = base.slice(at + dots.length) || 'HEAD';
    return dots === '...'
        ? { baseRevision: a, headRevision: b, baseName: `${a} (merge base with ${b})`, rangeHead: b }
        : { baseRevision: a, headRevision: b, baseName: a };
}

/** A path of the command line as a path in the repository (`/`, `''` for the root); patterns and paths outside are usage errors. */
async function repositoryPath(pattern: string, root: string, cwd: string): Promise<string> {
    const absolute = path.resolve(cwd, pattern);
    const relative = path.relative(root, absolute);
    if (relative.split(path.sep)[0] === '..' || path.isAbsolute(relative)) {
        throw new CliError(`${pattern} is outside the repository ${root}: journey diff compares files of the repository it runs in`);
    }
    // git lists a revision's files by literal paths; a pattern would match on disk only, so the sides would differ.
    if (isDynamicPattern(pattern) && !await exists(absolute)) {
        throw new CliError(`journey diff takes folders and files, not patterns: ${pattern} (give the folder that holds the files)`);
    }
    return relative.split(path.sep).join('/');
}

async function revisionSide(root: string, commit: string, name: string, paths: readonly string[], workspaceRoot: string, io: CommandIO, options: DiffSidesOptions, today: CalendarDate): Promise<DiffSide> {
    const files = await filesAtRevision(root, commit, paths, '.journey');
    const bytes = await readBlobs(root, files.map(file => file.object));
    const texts = new Map<string, Uint8Array>(files.map((file, index) => [path.join(root, ...file.path.split('/')), bytes[index]]));
    const filePaths = [...texts.keys()].sort(compareText);
    const config = options.config !== undefined
        ? (await loadConfigFile(options.config, io.cwd)).config
        : await configAtRevision(root, commit, name, workspaceRoot);
    // The data files too are the revision's: a KPI computed from an export compares as the export was then.
    const readDataFile = (uri: URI) => fileTextAtRevision(root, commit, uri.fsPath);
    const workspace = await loadJourneyWorkspace(filePaths, { today, config, texts, cwd: io.cwd, createServices: io.createServices, readDataFile });
    return sideOf(workspace, today, filePath => displayPosixPath(filePath, root));
}

/**
 * The configuration of a revision: the nearest `journey.config.json` at that revision from the paths'
 * folder up to the repository root; without one there, one above the repository on disk (no revision
 * has those), else none: the rules' defaults.
 */
async function configAtRevision(root: string, commit: string, name: string, workspaceRoot: string): Promise<JourneyConfig | undefined> {
    const candidates: string[] = [];
    let folder = path.relative(root, workspaceRoot);
    if (folder.split(path.sep)[0] === '..' || path.isAbsolute(folder)) {
        folder = '';
    }
    for (let segments = folder === '' ? [] : folder.split(path.sep); ; segments = segments.slice(0, -1)) {
        candidates.push([...segments, CONFIG_FILE_NAME].join('/'));
        if (segments.length === 0) {
            break;
        }
    }
    const found = await filesAtRevision(root, commit, candidates, CONFIG_FILE_NAME);
    // Nearest first: the candidates go from the paths' folder up.
    const nearest = candidates.map(candidate => found.find(file => file.path === candidate)).find(file => file !== undefined);
    if (nearest) {
        const [bytes] = await readBlobs(root, [nearest.object]);
        return parseConfigText(bytes.toString('utf8'), `${name}:${nearest.path}`);
    }
    const above = path.dirname(root);
    return above === root ? undefined : (await loadConfigFile(undefined, above, above)).config;
}

async function workingTreeSide(paths: readonly string[], root: string, workspaceRoot: string, io: CommandIO, options: DiffSidesOptions, today: CalendarDate, shown: (filePath: string) => string): Promise<DiffSide> {
    // A folder whose every file was deleted is a side without files, not a usage error.
    const files = await findJourneyFiles(paths, io.cwd, { allowNone: true });
    const { config } = await loadConfigFile(options.config, io.cwd, workspaceRoot);
    const workspace = await loadJourneyWorkspace(files, { today, config, cwd: io.cwd, createServices: io.createServices });
    return sideOf(workspace, today, shown);
}

async function folderSide(folder: string, io: CommandIO, options: DiffSidesOptions, today: CalendarDate): Promise<DiffSide> {
    const absolute = path.resolve(io.cwd, folder);
    const files = await findJourneyFiles([folder], io.cwd, { allowNone: true });
    const { config } = await loadConfigFile(options.config, io.cwd, absolute);
    const workspace = await loadJourneyWorkspace(files, { today, config, cwd: io.cwd, createServices: io.createServices });
    return sideOf(workspace, today, filePath => displayPosixPath(filePath, absolute));
}

async function exists(absolute: string): Promise<boolean> {
    return (await stat(absolute).catch(() => undefined)) !== undefined;
}

async function isFolder(cwd: string, name: string): Promise<boolean> {
    return (await stat(path.resolve(cwd, name)).catch(() => undefined))?.isDirectory() ?? false;
}

function folderName(folder: string): string {
    return folder.replace(/[\\/]+$/, '') || folder;
}

/** A loaded workspace as plain data: its model, every finding (sorted), the files that do not parse, the paths as shown. */
function sideOf(workspace: JourneyWorkspace, today: CalendarDate, shown: (filePath: string) => string): DiffSide {
    const findings: DiffFinding[] = [];
    const broken: string[] = [];
    const paths: Record<string, string> = {};
    for (const file of workspace.files) {
        const filePath = shown(file.filePath);
        paths[file.document.uri.toString()] = filePath;
        if (hasSyntaxErrors(file.document)) {
            broken.push(filePath);
        }
        const journeys = journeyLines(file.document);
        for (const diagnostic of file.diagnostics) {
            findings.push(toFinding(diagnostic, filePath, journeys));
        }
    }
    findings.sort((a, b) => compareText(a.path, b.path) || a.line - b.line || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message));
    const model = buildWorkspaceModel(workspace.files.map(file => file.document.parseResult.value as Model), today, workspace.services.validation.JourneySettings.evidence);
    return { workspace: model, findings, broken: broken.sort(compareText), paths };
}

/** Each journey of a file with its lines (0-based, first and last). */
function journeyLines(document: LangiumDocument): Array<{ name: string; start: number; end: number }> {
    const root = document.parseResult.value as Model | undefined;
    return (root?.declarations ?? []).filter(isJourney).flatMap(journey => {
        const range = journey.$cstNode?.range;
        return range && journey.name ? [{ name: journey.name, start: range.start.line, end: range.end.line }] : [];
    });
}

function toFinding(diagnostic: Diagnostic, filePath: string, journeys: ReadonlyArray<{ name: string; start: number; end: number }>): DiffFinding {
    const line = diagnostic.range.start.line;
    const journey = journeys.find(candidate => candidate.start <= line && line <= candidate.end)?.name;
    return {
        path: filePath,
        ...(journey !== undefined ? { journey } : {}),
        ruleId: String(diagnostic.code ?? 'syntax'),
        severity: severityName(diagnostic.severity),
        message: diagnostic.message,
        line: line + 1,
    };
}
