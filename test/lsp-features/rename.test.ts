// Rename across files, `persona.need` part by part, refusing invalid names and clashes with a reason.
import { ResponseError, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { buildWorkspace, type BuiltWorkspace } from '../language/workspace-helper.js';
import { RENEWAL, SHARED, positionOf } from './features-helper.js';

const FILES = { 'shared.journey': SHARED, 'renewal.journey': RENEWAL };

async function rename(file: string, needle: string, delta: number, newName: string): Promise<{ ws: BuiltWorkspace; edit: WorkspaceEdit | undefined }> {
    const ws = await buildWorkspace(FILES);
    const document = ws.doc(file);
    const edit = await ws.services.lsp.RenameProvider!.rename(document, {
        textDocument: { uri: document.uri.toString() }, position: positionOf(document, needle, delta), newName,
    });
    return { ws, edit };
}

/** The files after the edit, by name. */
function applied(ws: BuiltWorkspace, edit: WorkspaceEdit | undefined): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [name, document] of ws.documents) {
        const edits: TextEdit[] = edit?.changes?.[document.uri.toString()] ?? [];
        result[name] = TextDocument.applyEdits(TextDocument.create('x', 'journey', 1, document.textDocument.getText()), edits);
    }
    return result;
}

async function refusal(file: string, needle: string, delta: number, newName: string): Promise<string> {
    try {
        await rename(file, needle, delta, newName);
    } catch (error) {
        expect(error).toBeInstanceOf(ResponseError);
        return (error as ResponseError<unknown>).message;
    }
    throw new Error('the rename was not refused');
}

/** After the rename the workspace still links: nothing unresolved, no duplicate. */
async function expectStillLinks(files: Record<string, string>): Promise<void> {
    const ws = await buildWorkspace(files);
    for (const document of ws.documents.values()) {
        expect((document.diagnostics ?? []).filter(d => d.code === 'unresolved-reference' || d.code === 'duplicate-name')).toEqual([]);
    }
}

describe('rename across files', () => {
    test('a need: its declaration, bare and qualified references, value-gap rows', async () => {
        const { ws, edit } = await rename('shared.journey', 'need fast_setup', 6, 'quick_start');
        const after = applied(ws, edit);
        expect(after['shared.journey']).toContain('need quick_start "Be productive within one week"');
        expect(after['renewal.journey']).toContain('serves quick_start\n');
        expect(after['renewal.journey']).toContain('quick_start us 3 acme 4');
        expect(after['renewal.journey']).not.toContain('fast_setup');
        await expectStillLinks(after);
    });

    test('a need from a qualified reference: only the need part changes', async () => {
        const { ws, edit } = await rename('renewal.journey', 'olivia.clear_pricing', 'olivia.'.length + 2, 'total_cost');
        const after = applied(ws, edit);
        expect(after['renewal.journey']).toContain('serves olivia.total_cost\n');
        expect(after['renewal.journey']).toContain('serves ben.clear_pricing'); // ben's need is another need
        expect(after['shared.journey']).toContain('need total_cost "Know the total cost');
        expect(after['shared.journey']).toContain('need clear_pricing "Predictable invoices"');
        await expectStillLinks(after);
    });

    test('a persona: declaration, persona lines, `by`, and the persona part of persona.need', async () => {
        const files = { ...FILES, 'renewal.journey': RENEWAL.replace('owner marketing\n            emotion', 'owner marketing\n            by olivia\n            emotion') };
        const ws = await buildWorkspace(files);
        const document = ws.doc('renewal.journey');
        const edit = await ws.services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.uri.toString() }, position: positionOf(document, 'serves olivia.', 'serves '.length + 1), newName: 'olga',
        });
        const after = applied(ws, edit);
        expect(after['shared.journey']).toContain('persona olga "Olivia, Operations Manager"');
        expect(after['renewal.journey']).toContain('persona olga, ben');
        expect(after['renewal.journey']).toContain('by olga\n');
        expect(after['renewal.journey']).toContain('serves olga.clear_pricing');
        expect(after['renewal.journey']).not.toMatch(/\bolivia\b/);
        await expectStillLinks(after);
    });

    test('a touchpoint: declaration, `at`, flow; a name used in another journey is free', async () => {
        const { ws, edit } = await rename('renewal.journey', 'touchpoint pricing_page', 'touchpoint '.length + 1, 't');
        const after = applied(ws, edit);
        expect(after['renewal.journey']).toContain('touchpoint t "Visits the pricing page"');
        expect(after['renewal.journey']).toContain('at t severity 4');
        expect(after['renewal.journey']).toContain('flow t -> demo -> kickoff');
        expect(Object.values(edit!.changes!).flat()).toHaveLength(3);
        await expectStillLinks(after);
    });

    test('a need whose new bare name another persona of the journey has: references are qualified to keep their meaning', async () => {
        const { ws, edit } = await rename('shared.journey', 'need fast_setup', 6, 'reporting');
        const after = applied(ws, edit);
        expect(after['renewal.journey']).toContain('serves olivia.reporting\n');
        expect(after['renewal.journey']).toContain('olivia.reporting us 3 acme 4');
        // demo served ben's reporting by its bare name: now ambiguous in this journey, so qualified.
        expect(after['renewal.journey']).toContain('touchpoint demo "Demo call" { channel email serves ben.reporting }');
        // old_way has only ben: its bare `reporting` stays.
        expect(after['renewal.journey']).toContain('stage s "S" { touchpoint t "T" { channel web serves reporting } }');
        await expectStillLinks(after);
        const rebuilt = await buildWorkspace(after);
        const needOf = (touchpoint: string) => rebuilt.doc('renewal.journey').parseResult.value.declarations
            .flatMap(d => d.$type === 'Journey' ? d.stages.flatMap(s => s.touchpoints) : []).find(t => t.name === touchpoint)!.serves.map(s => `${s.need.ref?.$container.name}.${s.need.ref?.name}`);
        expect(needOf('pricing_page')).toEqual(['olivia.reporting', 'olivia.clear_pricing']);
        expect(needOf('demo')).toEqual(['ben.reporting']);
    });
});

describe('refusals, with the reason', () => {
    test('names that are not names', async () => {
        for (const bad of ['2fast', 'fast-setup', 'olivia.x', '', 'two words']) {
            expect(await refusal('shared.journey', 'need fast_setup', 6, bad)).toMatch(/is not a valid name: a name starts with a letter or _/);
        }
    });

    test('a name taken in the same scope', async () => {
        expect(await refusal('shared.journey', 'need fast_setup', 6, 'clear_pricing'))
            .toBe('Cannot rename need `fast_setup` to `clear_pricing`: persona `olivia` already has a need `clear_pricing`.');
        expect(await refusal('shared.journey', 'team sales', 6, 'web'))
            .toBe('Cannot rename team `sales` to `web`: a channel `web` is already declared in this workspace, and top-level names are shared by all files.');
        expect(await refusal('renewal.journey', 'touchpoint demo', 12, 'research'))
            .toMatch(/^Cannot rename touchpoint `demo` to `research`: a stage `research` already exists in journey `renewal`/);
    });

    test('keywords and unresolved references cannot be renamed', async () => {
        expect(await refusal('renewal.journey', 'trigger', 2, 'x')).toMatch(/^Only names can be renamed/);
        const ws = await buildWorkspace({ ...FILES, 'renewal.journey': RENEWAL.replace('channel email serves', 'channel emial serves') });
        const document = ws.doc('renewal.journey');
        await expect(ws.services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.uri.toString() }, position: positionOf(document, 'emial', 1), newName: 'x',
        })).rejects.toThrow('`emial` does not resolve to a declaration');
    });

    test('prepareRename: the name\'s range, the part of persona.need under the cursor, or why not', async () => {
        const ws = await buildWorkspace(FILES);
        const document = ws.doc('renewal.journey');
        const prepare = (needle: string, delta: number) => ws.services.lsp.RenameProvider!.prepareRename(document, {
            textDocument: { uri: document.uri.toString() }, position: positionOf(document, needle, delta),
        });
        const text = async (needle: string, delta: number) => {
            const range = await prepare(needle, delta);
            return range && 'start' in range ? document.textDocument.getText(range) : undefined;
        };
        expect(await text('serves olivia.clear_pricing', 8)).toBe('olivia');
        expect(await text('serves olivia.clear_pricing', 16)).toBe('clear_pricing');
        expect(await text('touchpoint demo', 12)).toBe('demo');
        await expect(prepare('state current', 2)).rejects.toThrow(/^Only names can be renamed/);
    });
});
