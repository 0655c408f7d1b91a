import { readdir, realpath, stat } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { compareText, type CalendarDate } from '@journey/language';
import { CliError } from './cli-error.js';
import { loadConfig } from './config-file.js';
import type { CommandIO } from './commands/lint-command.js';
import { findJourneyFiles } from './file-discovery.js';
import { stylishFormatter } from './formatters/stylish-formatter.js';
import { toLintResults } from './lint-results.js';
import { journeyVersion } from './version.js';
import { loadJourneyWorkspace, type LoadedFile, type WorkspaceOptions } from './journey-workspace.js';
import { notRegularFile } from './regular-file.js';

/**
 * One `.journey` file loaded with the workspace `journey lint` reads for it, so that personas, channels
 * and teams declared elsewhere in the project resolve: every `.journey` file under its workspace root
 * (see `workspaceRootOfFile`), with the configuration found there applied as lint applies it. A bad
 * configuration, an unreadable folder or a FIFO in the workspace is the usage error lint gives.
 */
export async function loadJourneyFile(filePath: string, options: { today?: CalendarDate; cwd?: string; env?: NodeJS.ProcessEnv; createServices?: WorkspaceOptions['createServices'] } = {}): Promise<LoadedFile> {
    const cwd = options.cwd ?? process.cwd();
    const root = await workspaceRootOfFile(filePath, options.env ?? process.env);
    const files = root === undefined ? [filePath] : await findJourneyFiles([root], cwd, { allowNone: true });
    if (!files.includes(filePath)) {
        files.push(filePath);
        files.sort(compareText);
    }
    const config = await loadConfig(undefined, cwd, root ?? path.dirname(filePath));
    const workspace = await loadJourneyWorkspace(files, { today: options.today, config, cwd: options.cwd, createServices: options.createServices });
    return workspace.files.find(loaded => loaded.filePath === filePath)!;
}

/**
 * The folder whose `.journey` files make the workspace of FILE for `render` and `export`: the nearest
 * folder at or above FILE's folder that holds `journey.config.json` (the spec's workspace root), else the
 * nearest that holds `.git` (the repository's root; nothing beyond it is read), else FILE's own folder.
 * Never the filesystem root, the home folder or the temporary folder: they hold everything, and searching
 * them would read the whole disk; the search stops below them, and when FILE's own folder is one of them
 * the workspace is FILE alone (undefined).
 */
export async function workspaceRootOfFile(filePath: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
    const own = path.dirname(filePath);
    for (let folder = own; !await isSharedFolder(folder, env); folder = path.dirname(folder)) {
        if (await isBoundary(folder)) {
            return folder;
        }
    }
    return await isSharedFolder(own, env) ? undefined : own;
}

/** The filesystem root, the home folder, the temporary folder: not a project, never searched as one. */
async function isSharedFolder(folder: string, env: NodeJS.ProcessEnv): Promise<boolean> {
    const spellings = async (candidate: string): Promise<string[]> =>
        [path.resolve(candidate), await realpath(candidate).catch(() => path.resolve(candidate))];
    const shared = new Set((await Promise.all(sharedFolders(env).map(spellings))).flat());
    return (await spellings(folder)).some(candidate => path.dirname(candidate) === candidate || shared.has(candidate));
}

/**
 * The home folder and the temporary folder as ENV names them, read the way os.homedir() and os.tmpdir()
 * read the process's environment (HOME; TMPDIR, TMP, TEMP, without a trailing slash), so that the binary
 * (ENV is process.env) sees what they say and a test in process can name its own. What ENV leaves out
 * (and everything on Windows) is asked of node:os.
 */
export function sharedFolders(env: NodeJS.ProcessEnv): [home: string, temp: string] {
    if (process.platform === 'win32') {
        return [homedir(), tmpdir()];
    }
    const named = env.TMPDIR || env.TMP || env.TEMP;
    const temp = named ? (named.length > 1 && named.endsWith('/') ? named.slice(0, -1) : named) : tmpdir();
    return [env.HOME ?? homedir(), temp];
}

async function isBoundary(folder: string): Promise<boolean> {
    const entries = await readdir(folder).catch(() => [] as string[]);
    return entries.includes('journey.config.json') || entries.includes('.git');
}

/** The kind of file a command reads, said in its one-line usage error for a file of another kind. */
export interface InputKind {
    /** Extensions, lower case, with the dot. */
    extensions: readonly string[];
    /** What the command takes: `a .journey file`. */
    description: string;
    /** Extensions of files someone may give by mistake → a hint that follows the error (FILE as `{file}`). */
    hints?: Readonly<Record<string, string>>;
    /** Whether the extension is matched whatever its case (Mermaid, Markdown); `.journey` is as the language services know it. */
    anyCase?: boolean;
}

/** The extensions of Markdown files (`import` reads their Mermaid blocks, `render` their journey blocks). */
export const MARKDOWN_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.mdx'];
const MERMAID_OR_MARKDOWN = ['.mmd', '.mermaid', ...MARKDOWN_EXTENSIONS];

/** What `render` and `export` read. */
export const JOURNEY_INPUT: InputKind = {
    extensions: ['.journey'],
    description: 'a .journey file',
    hints: Object.fromEntries(MERMAID_OR_MARKDOWN.map(extension => [extension, '`journey import {file}` turns its Mermaid journey diagram into one'])),
};

/** What `render` reads: a .journey file, or a Markdown file whose ```journey blocks it draws. */
export const RENDER_INPUT: InputKind = {
    extensions: ['.journey'],
    description: 'a .journey file or a Markdown file (.md)',
    hints: Object.fromEntries(['.mmd', '.mermaid'].map(extension => [extension, '`journey import {file}` turns its Mermaid journey diagram into .journey text'])),
};

/** What `import` reads. */
export const MERMAID_INPUT: InputKind = {
    extensions: [...MERMAID_OR_MARKDOWN, '.json'],
    description: 'a Mermaid diagram (.mmd, .mermaid), a Markdown file (.md, .markdown, .mdx) or a JSON export (.json)',
    hints: { '.journey': 'it is a .journey file already; `journey export {file} -f mermaid` goes the other way' },
    anyCase: true,
};

/**
 * The absolute path of FILE, when it is an existing file of the kind `command` reads; else a one-line
 * usage error naming what the command takes (a file of another kind, a folder) or `no such file: FILE`.
 */
export async function requireInputFile(command: string, file: string, cwd: string, kind: InputKind): Promise<string> {
    const filePath = path.resolve(cwd, file);
    const info = await stat(filePath).catch(() => undefined);
    if (info?.isDirectory()) {
        throw new CliError(`${command} takes ${kind.description}; ${file} is a folder`);
    }
    const extension = kind.anyCase ? path.extname(filePath).toLowerCase() : path.extname(filePath);
    if (!kind.extensions.includes(extension)) {
        const hint = kind.hints?.[path.extname(filePath).toLowerCase()];
        throw new CliError(`${command} takes ${kind.description}, not ${file}${hint ? ` (${hint.replace('{file}', file)})` : ''}`);
    }
    if (!info) {
        throw new CliError(`no such file: ${file}`);
    }
    if (!info.isFile()) {
        // A FIFO would wait for a writer forever, a device never ends: only regular files are read.
        throw notRegularFile(file, info);
    }
    return filePath;
}

/**
 * FILE as the input of a command that writes something from it (`render`, `export`): a missing path, a
 * folder or a file that is not a .journey file is a usage error; syntax errors are printed on stderr and
 * `undefined` comes back, so nothing half-made is written.
 */
export async function loadInputFile(command: string, file: string, io: CommandIO, today: CalendarDate | undefined, nothingDone: string, kind: InputKind = JOURNEY_INPUT): Promise<LoadedFile | undefined> {
    const filePath = await requireInputFile(command, file, io.cwd, kind);
    const target = await loadJourneyFile(filePath, { today, cwd: io.cwd, env: io.env, createServices: io.createServices });
    const syntax = target.diagnostics.filter(diagnostic => diagnostic.code === 'syntax');
    if (syntax.length > 0) {
        io.stderr(stylishFormatter(toLintResults([{ ...target, diagnostics: syntax }]), { cwd: io.cwd, color: false, version: journeyVersion, rules: [] }));
        io.stderr(`journey: ${file} has syntax errors; ${nothingDone}.\n`);
        return undefined;
    }
    return target;
}
