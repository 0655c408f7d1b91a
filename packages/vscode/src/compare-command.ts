import * as vscode from 'vscode';
import { git, JourneyComparePanel, type CompareContext, type CompareTarget } from './compare-panel.js';

interface TargetItem extends vscode.QuickPickItem {
    target?: CompareTarget;
    /** "Enter a revision…": asks for one. */
    enter?: boolean;
}

/**
 * "Journey: Compare with …": pick what to compare the workspace folder's maps with — the branch's base
 * first (where this branch left the default branch: what its pull request changes), the last commit,
 * any branch or tag, or a revision typed in — and open the HTML diff beside the editor. Given a
 * revision (`executeCommand('journey.diff.compare', 'main', { mergeBase: true })`), it asks nothing.
 * Resolves with the page's HTML, or undefined when cancelled.
 */
export async function compareWith(context: CompareContext, revision?: unknown, options?: unknown): Promise<string | undefined> {
    const folder = workspaceFolder();
    if (!folder) {
        void vscode.window.showWarningMessage('Journey: open a folder in a git repository to compare its maps with a revision.');
        return undefined;
    }
    // git reads the repository's own configuration, which can name programs to run (hooks, fsmonitor).
    if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage('Journey: Compare with… runs git in the workspace; trust the workspace first (Workspaces: Manage Workspace Trust).');
        return undefined;
    }
    const cwd = folder.uri.fsPath;
    if (await git(['rev-parse', '--is-inside-work-tree'], cwd) === undefined) {
        void vscode.window.showWarningMessage(`Journey: ${folder.name} is not in a git repository (or git is not installed): Compare with… compares the maps with a git revision.`);
        return undefined;
    }
    let target: CompareTarget | undefined;
    if (typeof revision === 'string' && revision !== '') {
        const mergeBase = typeof options === 'object' && options !== null && (options as { mergeBase?: unknown }).mergeBase === true;
        target = { revision, mergeBase };
    } else {
        target = await pickTarget(cwd);
        if (!target || !await saveOrKeep()) {
            return undefined;
        }
    }
    const panel = await JourneyComparePanel.show(context, folder.uri, target);
    return panel.html();
}

/** The workspace folder of the active file, else the first one on disk. */
function workspaceFolder(): vscode.WorkspaceFolder | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    const ofActive = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
    return ofActive?.uri.scheme === 'file' ? ofActive : vscode.workspace.workspaceFolders?.find(folder => folder.uri.scheme === 'file');
}

/** The branch a pull request would go into: the remote's default branch, else main, master, trunk or develop. */
async function baseBranch(cwd: string): Promise<string | undefined> {
    const remoteDefault = (await git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], cwd))?.trim();
    if (remoteDefault) {
        return remoteDefault;
    }
    for (const name of ['main', 'master', 'trunk', 'develop']) {
        if (await git(['rev-parse', '--verify', '--quiet', `refs/heads/${name}`], cwd) !== undefined) {
            return name;
        }
    }
    return undefined;
}

async function pickTarget(cwd: string): Promise<CompareTarget | undefined> {
    const [base, current, refs] = await Promise.all([
        baseBranch(cwd),
        git(['branch', '--show-current'], cwd).then(out => out?.trim() ?? ''),
        git(['for-each-ref', '--sort=-committerdate', '--count=200', '--format=%(refname:short)%09%(objectname:short)%09%(committerdate:relative)%09%(subject)', 'refs/heads', 'refs/remotes', 'refs/tags'], cwd),
    ]);
    const items: TargetItem[] = [];
    if (base !== undefined && base !== current) {
        items.push({
            label: `$(git-merge) ${base}`,
            description: 'the branch\'s base',
            detail: `What ${current || 'HEAD'} changes since it left ${base}, uncommitted changes included (as its pull request shows them)`,
            target: { revision: base, mergeBase: true },
        });
    }
    items.push({ label: '$(git-commit) HEAD', description: 'the last commit', detail: 'What the changes not yet committed do', target: { revision: 'HEAD', mergeBase: false } });
    const listed = (refs ?? '').split('\n').filter(line => line !== '').map(line => line.split('\t'))
        .filter(([name]) => name !== undefined && !name.endsWith('/HEAD') && name !== 'HEAD');
    if (listed.length > 0) {
        items.push({ label: 'Branches and tags', kind: vscode.QuickPickItemKind.Separator });
        for (const [name, commit, when, subject] of listed) {
            items.push({ label: `$(git-branch) ${name}`, description: `${commit} · ${when}`, detail: subject, target: { revision: name, mergeBase: false } });
        }
    }
    items.push({ label: '$(edit) Enter a revision…', description: 'a commit id, HEAD~3, a tag', enter: true });
    const picked = await vscode.window.showQuickPick(items, {
        title: 'Journey: Compare the maps with…',
        placeHolder: base !== undefined && base !== current ? `The branch's base (${base}), a commit, branch or tag` : 'A commit, branch or tag',
        matchOnDescription: true,
        matchOnDetail: true,
    });
    if (!picked) {
        return undefined;
    }
    if (!picked.enter) {
        return picked.target;
    }
    const typed = await vscode.window.showInputBox({
        title: 'Journey: Compare the maps with a revision',
        prompt: 'A git revision: a branch, tag, commit id, HEAD~1',
        validateInput: async value => value.trim() === '' ? 'Type a revision'
            : await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${value.trim()}^{commit}`], cwd) === undefined ? `No commit \`${value.trim()}\` in this repository` : undefined,
    });
    return typed === undefined || typed.trim() === '' ? undefined : { revision: typed.trim(), mergeBase: false };
}

/** The comparison reads the files on disk: with unsaved maps, save them or go on with what is saved. */
async function saveOrKeep(): Promise<boolean> {
    const dirty = vscode.workspace.textDocuments.filter(document => document.isDirty && (document.languageId === 'journey' || document.uri.path.endsWith('.journey')));
    if (dirty.length === 0) {
        return true;
    }
    const save = 'Save All and Compare';
    const keep = 'Compare Saved Files';
    const answer = await vscode.window.showWarningMessage(
        `${dirty.length === 1 ? '1 map has' : `${dirty.length} maps have`} unsaved changes; the comparison reads the files on disk.`,
        save, keep,
    );
    if (answer === save) {
        await Promise.all(dirty.map(document => document.save()));
    }
    return answer !== undefined;
}
