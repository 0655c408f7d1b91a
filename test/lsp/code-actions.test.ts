import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { describe, expect, it } from 'vitest';
import { PERSONAS, RENEWAL_WITH_PROBLEMS } from '../support/fixtures.js';
import { lspSessions } from '../support/lsp-client.js';

const start = lspSessions();

describe('quick fixes over LSP', () => {
    it('offers the rules\' fixes as code actions whose edits repair the text', async () => {
        const text = RENEWAL_WITH_PROBLEMS.replace('phase pre-purchase', 'phase pre-purchase\n        touchpoint mood "Mood" { channel email emotion 5 evidence survey }');
        const { ws, client } = start({ 'personas.journey': PERSONAS, 'renewal.journey': text });
        await client.initialize(ws.root);
        const uri = await client.open(ws.path('renewal.journey'), text);
        const diagnostics = await client.diagnosticsFor(uri, d => d.some(x => x.code === 'emotion-out-of-range'));

        const ask = (code: string) => {
            const diagnostic = diagnostics.find(d => d.code === code)!;
            return client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
                textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
            });
        };
        const document = TextDocument.create(uri, 'journey', 1, text);

        const clamp = await ask('emotion-out-of-range');
        expect(clamp.map(action => action.title)).toEqual(['Clamp the emotion to 3']);
        expect(clamp[0].kind).toBe('quickfix');
        const clamped = TextDocument.applyEdits(document, clamp[0].edit!.changes![uri]);
        expect(clamped).toContain('emotion 3 evidence survey');

        const rename = await ask('unresolved-reference');
        expect(rename.map(action => action.title)).toEqual(['Change to `email`']);
        expect(TextDocument.applyEdits(document, rename[0].edit!.changes![uri])).toContain('channel email\n');
    });
});
