import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { oneAtATime } from './one-at-a-time.js';

export const COMPARE_VIEW_TYPE = 'journey.diff';

export interface CompareContext {
    extensionUri: vscode.Uri;
    output: vscode.LogOutputChannel;
}

/** What is compared with the files on disk: a revision, or a branch's merge base with HEAD. */
export interface CompareTarget {
    /** A git revision as git reads it: `main`, `origin/main`, `v1.2`, `HEAD~1`, a commit id. */
    revision: string;
    /** `git diff --merge-base`: from where HEAD left `revision`, not `revision` as it is now. */
    mergeBase: boolean;
}

/**
 * "Journey: Compare with …": `journey diff` of the workspace folder's files on disk against a git
 * revision, as the HTML page `journey diff --format html` writes (the maps with the changes marked),
 * beside the editor. The CLI the extension ships runs it (`dist/cli/journey.cjs`, with the editor's own
 * Node.js), so the editor shows exactly what CI posts on the pull request; run again when a `.journey`
 * file is saved.
 */
export class JourneyComparePanel implements vscode.Disposable {
    private static current: JourneyComparePanel | undefined;
    private readonly disposables: vscode.Disposable[] = [];
    private timer: ReturnType<typeof setTimeout> | undefined;

    /** Shows the comparison of `folder` with `target`, in the one compare panel (reused, re-aimed). */
    static async show(context: CompareContext, folder: vscode.Uri, target: CompareTarget): Promise<JourneyComparePanel> {
        const existing = JourneyComparePanel.current;
        if (existing) {
            existing.folder = folder;
            existing.target = target;
            existing.panel.title = titleOf(target);
            existing.panel.reveal(vscode.ViewColumn.Beside, true);
            await existing.refresh();
            return existing;
        }
        const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, titleOf(target), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true,
            enableFindWidget: true,
            localResourceRoots: [],
        });
        const created = new JourneyComparePanel(panel, context, folder, target);
        JourneyComparePanel.current = created;
        await created.refresh();
        return created;
    }

    private constructor(readonly panel: vscode.WebviewPanel, private readonly context: CompareContext, private folder: vscode.Uri, private target: CompareTarget) {
        panel.webview.html = message(`Comparing with ${describe(target)}…`);
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            vscode.workspace.onDidSaveTextDocument(document => {
                if (document.languageId === 'journey' || document.uri.path.endsWith('.journey') || document.uri.path.endsWith('journey.config.json')) {
                    clearTimeout(this.timer);
                    this.timer = setTimeout(() => void this.refresh(), 300);
                }
            }),
        );
    }

    /** The page's HTML now (for tests and the command's result). */
    html(): string {
        return this.panel.webview.html;
    }

    /** Runs the diff again; one asked for while one runs runs once after it. */
    readonly refresh = oneAtATime(() => this.run());

    private async run(): Promise<void> {
        const { revision, mergeBase } = this.target;
        // `--`: a revision is never read as an option (git then checks it with --end-of-options).
        const args = ['diff', ...(mergeBase ? ['--merge-base'] : []), '--format', 'html', '--', revision];
        const result = await runCli(this.context.extensionUri, args, this.folder.fsPath);
        if (this.panel.visible === undefined) {
            return;
        }
        if (result.status === 0) {
            this.panel.webview.html = result.stdout;
            return;
        }
        // Exit 2: a usage error (no such revision, not a repository) said in one line; anything else is ours.
        const reason = result.stderr.trim().replace(/^journey: /, '') || `journey diff exited with ${result.status}`;
        this.context.output.error(`journey ${args.join(' ')} (in ${this.folder.fsPath}): ${result.stderr.trim() || result.status}`);
        this.panel.webview.html = message(`Could not compare with ${describe(this.target)}: ${reason}`);
        void vscode.window.showErrorMessage(`Journey: could not compare with ${describe(this.target)}: ${reason}`);
    }

    dispose(): void {
        if (JourneyComparePanel.current === this) {
            JourneyComparePanel.current = undefined;
        }
        clearTimeout(this.timer);
        this.disposables.forEach(disposable => disposable.dispose());
        this.panel.dispose();
    }
}

function titleOf(target: CompareTarget): string {
    return `Journey diff: ${target.revision}${target.mergeBase ? ' (base)' : ''} ↔ working tree`;
}

function describe(target: CompareTarget): string {
    return target.mergeBase ? `${target.revision} (where this branch left it)` : target.revision;
}

function message(text: string): string {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p role="status">${escaped}</p></body></html>`;
}

interface Run {
    status: number | null;
    stdout: string;
    stderr: string;
}

/**
 * The journey CLI the extension ships, run with the editor's Node.js (`ELECTRON_RUN_AS_NODE`: VS Code's
 * executable is Electron; code-server's is Node.js, which ignores it).
 */
function runCli(extensionUri: vscode.Uri, args: readonly string[], cwd: string): Promise<Run> {
    const cli = vscode.Uri.joinPath(extensionUri, 'dist', 'cli', 'journey.cjs').fsPath;
    return new Promise(resolve => {
        execFile(process.execPath, [cli, ...args], {
            cwd,
            env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' },
            maxBuffer: 256 * 1024 * 1024,
            windowsHide: true,
        }, (error, stdout, stderr) => {
            const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
            resolve({ status, stdout, stderr: status === null && error ? `${stderr}${error.message}` : stderr });
        });
    });
}

/** Runs git in `cwd`; undefined when it fails (no git, not a repository, no such ref). */
export function git(args: readonly string[], cwd: string): Promise<string | undefined> {
    return new Promise(resolve => {
        execFile('git', [...args], { cwd, maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout));
    });
}
