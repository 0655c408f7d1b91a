// Extension-host tests: mocha against the `vscode` API, in the same extension host as the extension.
// They run inside code-server (test/vscode/editor.test.ts installs a payload extension that starts
// them) and in desktop VS Code with `npm run test:electron`. The workspace is a copy of examples/.
import * as assert from 'node:assert/strict';
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
            'journey.export.svg', 'journey.export.png', 'journey.export.html', 'journey.restartServer']) {
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
});
