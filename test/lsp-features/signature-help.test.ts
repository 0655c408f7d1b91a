// Signature help as you type: the parts of a KPI after `kpi `, the emotion scale after `emotion `.
import type { MarkupContent, SignatureHelp } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { RENEWAL, SHARED, withCursor } from './features-helper.js';

async function helpAt(journeyText: string): Promise<SignatureHelp | undefined> {
    return withCursor({ 'shared.journey': SHARED, 'renewal.journey': journeyText }, 'renewal.journey', async ({ ws, document, position }) =>
        await ws.services.lsp.SignatureHelp!.provideSignatureHelp(document, { textDocument: { uri: document.uri.toString() }, position }) ?? undefined);
}

const at = (typed: string) => RENEWAL.replace('            evidence survey\n', `            evidence survey\n            ${typed}<|>\n`);
const active = (help: SignatureHelp | undefined) => help && help.signatures[help.activeSignature ?? 0].parameters![help.activeParameter ?? 0].label;

describe('signature help', () => {
    test('after kpi: the parts of a typed KPI, the one being written active', async () => {
        const help = await helpAt(at('kpi '));
        expect(help?.signatures[0].label).toBe('kpi METRIC VALUE [target VALUE] [source SOURCE]');
        expect(active(help)).toBe('METRIC');
        expect(active(await helpAt(at('kpi conversion ')))).toBe('VALUE');
        expect(active(await helpAt(at('kpi conversion 3.1% target ')))).toBe('[target VALUE]');
        expect(active(await helpAt(at('kpi conversion 3.1% target 5% source ')))).toBe('[source SOURCE]');
    });

    test('after kpi METRIC from: the parts of a computed KPI', async () => {
        const help = await helpAt(at('kpi csat from survey column "Q1" as '));
        expect(help?.signatures[0].label).toMatch(/^kpi METRIC from SOURCE column "COLUMN" as AGGREGATE/);
        expect(active(help)).toBe('as AGGREGATE');
        expect((help?.signatures[0].parameters![3].documentation as MarkupContent).value).toContain('`share LOW to HIGH`');
    });

    test('after emotion: the scale and its words, then the feeling', async () => {
        const help = await helpAt(at('emotion '));
        expect(help?.signatures[0].label).toBe('emotion SCORE ["How it feels"]');
        const scale = (help?.signatures[0].parameters![0].documentation as MarkupContent).value;
        expect(scale).toContain('`−3` very negative');
        expect(scale).toContain('`+3` very positive');
        expect(active(await helpAt(at('emotion -2 ')))).toBe('["How it feels"]');
    });

    test('says nothing elsewhere: other members, a text, a comment', async () => {
        expect(await helpAt(at('channel '))).toBeUndefined();
        expect(await helpAt(at('action "the kpi '))).toBeUndefined();
        expect(await helpAt(at('// emotion '))).toBeUndefined();
    });

    test('is asked for by a space as it is typed', async () => {
        await withCursor({ 'renewal.journey': '<|>' }, 'renewal.journey', async ({ ws }) => {
            expect(ws.services.lsp.SignatureHelp!.signatureHelpOptions.triggerCharacters).toEqual([' ']);
        });
    });
});
