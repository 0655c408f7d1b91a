// Extension-host tests: mocha against the `vscode` API, in the same extension host as the extension.
// They run inside code-server (test/vscode/editor.test.ts installs a payload extension that starts
// them) and in desktop VS Code with `npm run test:electron`. The workspace is a copy of examples/.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

const EXTENSION_ID = 'journey-maps.journey';

interface JourneyApi {
    client: { sendRequest(method: string, params: unknown): Promise<unknown> };
    previews: { previews: ReadonlyArray<{ uri: vscode.Uri; panel: vscode.WebviewPanel }> };
}

function workspaceFile(path: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    return vscode.Uri.joinPath(folder.uri, path);
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value !== undefined && value !== false) {
            return value;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

describe('the journey extension in the extension host', function () {
    this.timeout(60_000);
    const renewal = () => workspaceFile('spec/renewal.journey');
    let api: JourneyApi;

    it('activates when a .journey file is opened, as language `journey`', async () => {
        const document = await vscode.workspace.openTextDocument(renewal());
        await vscode.window.showTextDocument(document);
        assert.equal(document.languageId, 'journey');
        const extension = vscode.extensions.getExtension<JourneyApi>(EXTENSION_ID);
        assert.ok(extension, `${EXTENSION_ID} is installed`);
        api = await until('activation', async () => extension.isActive ? extension.exports : undefined);
        assert.ok(api.client, 'the language client is exported');
    });

    it('registers its commands', async () => {
        const commands = new Set(await vscode.commands.getCommands(true));
        for (const command of ['journey.preview.openToSide', 'journey.preview.open', 'journey.preview.showSource',
            'journey.export.svg', 'journey.export.png', 'journey.export.html', 'journey.restartServer',
            'journey.export.mermaid', 'journey.export.json', 'journey.export.csv', 'journey.import.mermaid',
            'journey.report.open', 'journey.diff.compare']) {
            assert.ok(commands.has(command), `${command} is registered`);
        }
    });

    it('publishes the server\'s diagnostics for a file, with rule ids as codes', async () => {
        const diagnostics = await until('diagnostics', () => {
            const found = vscode.languages.getDiagnostics(renewal());
            return found.length > 0 ? found : undefined;
        });
        const valueGap = diagnostics.find(d => d.code === 'value-gap');
        assert.ok(valueGap, `a value-gap diagnostic among ${JSON.stringify(diagnostics.map(d => d.code))}`);
        assert.equal(valueGap.severity, vscode.DiagnosticSeverity.Warning);
        assert.equal(valueGap.range.start.line, 50);
    });

    it('answers journey/map with the file\'s journeys, from the server', async () => {
        const result = await api.client.sendRequest('journey/map', { uri: renewal().toString() }) as {
            journeys: Array<{ name: string; stages: Array<{ touchpoints: Array<{ name: string }> }> }>;
            hasSyntaxErrors: boolean;
        };
        assert.equal(result.hasSyntaxErrors, false);
        assert.deepEqual(result.journeys.map(j => j.name), ['renewal']);
        assert.deepEqual(result.journeys[0].stages.flatMap(s => s.touchpoints.map(t => t.name)), ['renewal_quote', 'pricing_page', 'kickoff']);
    });

    it('exports a journey file as Mermaid, JSON and CSV, and imports the Mermaid back as a journey file', async () => {
        const decode = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        const mermaid = await vscode.commands.executeCommand<vscode.Uri>('journey.export.mermaid', renewal(), workspaceFile('out/renewal.mmd'));
        assert.equal(mermaid?.toString(), workspaceFile('out/renewal.mmd').toString());
        const diagram = await decode(mermaid);
        assert.match(diagram, /^journey$/m);
        const json = await vscode.commands.executeCommand<vscode.Uri>('journey.export.json', renewal(), workspaceFile('out/renewal.json'));
        const exported = JSON.parse(await decode(json)) as { journeys: Array<{ name: string; file: string }> };
        assert.deepEqual(exported.journeys.map(j => [j.name, j.file]), [['renewal', 'spec/renewal.journey']]);
        const csv = await vscode.commands.executeCommand<vscode.Uri>('journey.export.csv', renewal(), workspaceFile('out/renewal.csv'));
        assert.ok((await decode(csv)).split('\n').length > 3, 'a header and a row per touchpoint');

        const imported = await vscode.commands.executeCommand<vscode.Uri>('journey.import.mermaid', mermaid, workspaceFile('out/imported.journey'));
        assert.equal(imported?.toString(), workspaceFile('out/imported.journey').toString());
        assert.match(await decode(imported), /^journey \w+/m);
        // The JSON export comes back too, as `journey import FILE.json` reads it.
        const fromJson = await vscode.commands.executeCommand<vscode.Uri>('journey.import.mermaid', json, workspaceFile('out/from-json.journey'));
        assert.match(await decode(fromJson), /^journey renewal "Olivia replaces her operations tool" \{$/m);
        assert.match(await decode(fromJson), /^persona olivia "Olivia, Operations Manager" \{$/m);
        const untitled = await vscode.commands.executeCommand<vscode.Uri>('journey.import.mermaid', mermaid);
        assert.equal(untitled?.scheme, 'untitled');
        assert.equal(vscode.window.activeTextEditor?.document.languageId, 'journey');
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('refuses to export a document with syntax errors, and to import a diagram Mermaid would reject', async () => {
        const broken = await vscode.workspace.openTextDocument({ language: 'journey', content: 'journey broken "Broken" {\n  stage\n' });
        const target = workspaceFile('out/broken.mmd');
        assert.equal(await vscode.commands.executeCommand('journey.export.mermaid', broken.uri, target), undefined);
        await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)));
        const bad = workspaceFile('out/bad.mmd');
        await vscode.workspace.fs.writeFile(bad, new TextEncoder().encode('journey\n  section S\n    Task: 9: Me\n'));
        assert.equal(await vscode.commands.executeCommand('journey.import.mermaid', bad, workspaceFile('out/bad.journey')), undefined);
        await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(workspaceFile('out/bad.journey'))));
    });

    it('completes a touchpoint skeleton filled from its stage: the channel and team of the touchpoint before it, a need not yet served', async () => {
        const file = workspaceFile('out/snippets.journey');
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode([
            'journey snippet_demo "Snippets" {',
            '    persona olivia',
            '    stage research "Research" {',
            '        touchpoint call "Calls us" { channel phone owner success serves clear_pricing }',
            '        ',
            '    }',
            '}',
            '',
        ].join('\n')));
        const document = await vscode.workspace.openTextDocument(file);
        await vscode.window.showTextDocument(document);
        await until('the server read the file', () => vscode.languages.getDiagnostics(file).some(d => d.code === 'need-not-served') || undefined);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', file, new vscode.Position(4, 8));
        const skeleton = list.items.find(item => item.detail === 'Touchpoint skeleton');
        assert.ok(skeleton, `a touchpoint skeleton among ${JSON.stringify(list.items.map(item => item.label))}`);
        const body = (skeleton.insertText as vscode.SnippetString).value;
        assert.match(body, /^ {4}channel \$\{3\|phone,/m);
        assert.match(body, /^ {4}owner \$\{4\|success,/m);
        assert.match(body, /^ {4}serves \$\{\d+\|fast_setup\|\}$/m);
        assert.doesNotMatch(body, /^ {4}by /m, 'one persona: no by line');
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('opens the map preview beside the editor', async () => {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(renewal()), vscode.ViewColumn.One);
        await vscode.commands.executeCommand('journey.preview.openToSide');
        const preview = await until('a preview', () => api.previews.previews.find(p => p.uri.toString() === renewal().toString()));
        assert.equal(preview.panel.viewType, 'journey.preview');
        await until('the preview shown beside, in column two', () => preview.panel.viewColumn === vscode.ViewColumn.Two || undefined);
        const tab = vscode.window.tabGroups.all.flatMap(group => group.tabs)
            .find(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('journey.preview'));
        assert.ok(tab, 'a webview tab of the preview');
        assert.equal(tab.label, 'Preview renewal.journey');
    });

    it('compares the maps with a git revision: journey diff\'s page beside the editor, and a revision git does not know said so', async () => {
        const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Journey Tests', '-c', 'user.email=tests@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: folder, encoding: 'utf8' });
        const file = renewal().fsPath;
        const text = readFileSync(file, 'utf8');
        try {
            git('init', '-q', '-b', 'main');
            git('add', '-A');
            git('commit', '-q', '-m', 'the maps as they were');
            writeFileSync(file, text.replace('emotion 1 serves fast_setup', 'emotion 3 serves fast_setup'));
            const html = await vscode.commands.executeCommand<string>('journey.diff.compare', 'HEAD');
            assert.match(html, /^<!DOCTYPE html>/);
            assert.match(html, /journey diff <code>HEAD<\/code> → <code>working tree<\/code>/);
            assert.match(html, /went from \+1 to \+3/);
            assert.match(html, /diff-badge-better/);
            assert.match(html, /data-diff="changed"/);
            const tab = vscode.window.tabGroups.all.flatMap(group => group.tabs)
                .find(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('journey.diff'));
            assert.ok(tab, 'a webview tab of the comparison');
            assert.equal(tab.label, 'Journey diff: HEAD ↔ working tree');
            const unknown = await vscode.commands.executeCommand<string>('journey.diff.compare', 'no-such-branch');
            assert.match(unknown, /Could not compare with no-such-branch: no revision `no-such-branch`/);
        } finally {
            writeFileSync(file, text);
            rmSync(`${folder}/.git`, { recursive: true, force: true });
        }
    });
});
