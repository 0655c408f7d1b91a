import type { JourneyMapChangedParams, JourneyMapResult, JourneyWorkspaceResult } from '@journey/language/protocol';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PERSONAS, RENEWAL_CLEAN, RENEWAL_WITH_PROBLEMS } from '../support/fixtures.js';
import { lspSessions, type LspTestClient } from '../support/lsp-client.js';

const start = lspSessions();

/** Collects `journey/mapChanged` notifications; `next(uri, version)` waits for one at or past a version. */
function mapChanges(client: LspTestClient): (uri: string, version: number) => Promise<JourneyMapChangedParams> {
    const seen: JourneyMapChangedParams[] = [];
    const waiters: Array<() => void> = [];
    client.connection.onNotification('journey/mapChanged', (params: JourneyMapChangedParams) => {
        seen.push(params);
        waiters.splice(0).forEach(wake => wake());
    });
    return async (uri, version) => {
        const deadline = Date.now() + 20_000;
        for (;;) {
            const hit = seen.find(p => p.uri === uri && (p.version ?? 0) >= version);
            if (hit) {
                return hit;
            }
            if (Date.now() > deadline) {
                throw new Error(`no journey/mapChanged for ${uri} v${version}; seen ${JSON.stringify(seen)}`);
            }
            await new Promise<void>(resolve => { waiters.push(resolve); setTimeout(resolve, 500); });
        }
    };
}

describe('journey/map and journey/mapChanged', () => {
    it('answers with the resolved journey map of an open document, cross-file names resolved', async () => {
        const { ws, client } = start({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_CLEAN });
        const changed = mapChanges(client);
        await client.initialize(ws.root);
        const uri = await client.open(ws.path('renewal.journey'), RENEWAL_CLEAN);
        expect(await changed(uri, 1)).toEqual({ uri, version: 1 });

        const map = await client.connection.sendRequest<JourneyMapResult>('journey/map', { uri });
        expect(map.uri).toBe(uri);
        expect(map.version).toBe(1);
        expect(map.hasSyntaxErrors).toBe(false);
        expect(map.journeys.map(j => j.name)).toEqual(['renewal']);
        const [journey] = map.journeys;
        expect(journey.personas.map(p => p.label)).toEqual(['Olivia, Operations Manager']);
        expect(journey.stages.flatMap(s => s.touchpoints.map(t => [t.name, t.channel?.label, t.nameRange.start.line]))).toEqual([
            ['quote', 'Email', 3],
            ['kickoff', 'Email', 7],
        ]);
    });

    it('follows edits without saving, and says when the text does not parse', async () => {
        const { ws, client } = start({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        const changed = mapChanges(client);
        await client.initialize(ws.root);
        const uri = await client.open(ws.path('renewal.journey'), RENEWAL_WITH_PROBLEMS);
        await changed(uri, 1);

        const added = RENEWAL_CLEAN.replace('    stage onboarding', '    stage later "Later" {\n        touchpoint call "Phone call" { channel email }\n    }\n    stage onboarding');
        await client.change(uri, 2, added);
        await changed(uri, 2);
        const map = await client.connection.sendRequest<JourneyMapResult>('journey/map', { uri });
        expect(map.version).toBe(2);
        expect(map.journeys[0].stages.map(s => s.name)).toEqual(['notice', 'later', 'onboarding']);

        await client.change(uri, 3, added.replace('touchpoint call "Phone call" {', 'touchpoint call "Phone call {'));
        await changed(uri, 3);
        const broken = await client.connection.sendRequest<JourneyMapResult>('journey/map', { uri });
        expect(broken.hasSyntaxErrors).toBe(true);
        expect(broken.version).toBe(3);
    });

    it('tells the client when it knows no such document', async () => {
        const { ws, client } = start({ 'personas.journey': PERSONAS });
        await client.initialize(ws.root);
        const uri = 'file:///nowhere/missing.journey';
        expect(await client.connection.sendRequest<JourneyMapResult>('journey/map', { uri }))
            .toEqual({ uri, version: null, journeys: [], hasSyntaxErrors: false, unknown: true });
    });

    it('answers journey/workspace with every journey, persona, team and source of the workspace and each file\'s diagnostics', async () => {
        const { ws, client } = start({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        await client.initialize(ws.root);
        const result = await client.connection.sendRequest<JourneyWorkspaceResult>('journey/workspace');
        expect(result.workspace.journeys.map(journey => journey.name)).toEqual(['renewal']);
        expect(result.workspace.personas.map(persona => persona.name)).toEqual(['olivia']);
        expect(result.workspace.teams.map(team => team.name).length).toBeGreaterThan(0);
        expect(result.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(result.files.map(file => file.uri)).toEqual([pathToFileURL(ws.path('personas.journey')).href, pathToFileURL(ws.path('renewal.journey')).href]);
        const renewal = result.files[1];
        expect(renewal.hasSyntaxErrors).toBe(false);
        expect(renewal.diagnostics.length).toBeGreaterThan(0);
        expect(renewal.diagnostics.every(diagnostic => typeof diagnostic.code === 'string' && ['error', 'warning', 'info'].includes(diagnostic.severity))).toBe(true);
        const lines = renewal.diagnostics.map(diagnostic => diagnostic.range.start.line);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
    });
});
