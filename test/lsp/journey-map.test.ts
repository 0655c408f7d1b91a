import type { JourneyMapChangedParams, JourneyMapResult, JourneyWorkspaceResult } from '@journey/language/protocol';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PERSONAS, RENEWAL_CLEAN, RENEWAL_WITH_PROBLEMS } from '../support/fixtures.js';
import { lspSessions, type LspTestClient } from '../support/lsp-client.js';

const start = lspSessions();

/**
 * Collects `journey/mapChanged` notifications; `next(uri, version, after)` waits for one at or past a
 * version, among those after the first `after` seen (`next.seen()` counts them).
 */
function mapChanges(client: LspTestClient): ((uri: string, version: number, after?: number) => Promise<JourneyMapChangedParams>) & { seen(): number } {
    const seen: JourneyMapChangedParams[] = [];
    const waiters: Array<() => void> = [];
    client.connection.onNotification('journey/mapChanged', (params: JourneyMapChangedParams) => {
        seen.push(params);
        waiters.splice(0).forEach(wake => wake());
    });
    const next = async (uri: string, version: number, after = 0) => {
        const deadline = Date.now() + 20_000;
        for (;;) {
            const hit = seen.slice(after).find(p => p.uri === uri && (p.version ?? 0) >= version);
            if (hit) {
                return hit;
            }
            if (Date.now() > deadline) {
                throw new Error(`no journey/mapChanged for ${uri} v${version}; seen ${JSON.stringify(seen)}`);
            }
            await new Promise<void>(resolve => { waiters.push(resolve); setTimeout(resolve, 500); });
        }
    };
    return Object.assign(next, { seen: () => seen.length });
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

    it('sends the current state a future state redesigns, from its own file, and sends it anew when that file changes', async () => {
        const current = `persona olivia "Olivia" { need fast "Be fast" }
journey today "Today" {
    persona olivia
    state current
    stage s "Stage" { touchpoint quote "Quote" { emotion -2 "Let down" serves fast } }
}
`;
        const future = `journey tomorrow "Tomorrow" {
    persona olivia
    state future of today
    stage s "Stage" { touchpoint quote "Quote" { emotion 2 serves fast } }
}
journey plain "No redesign" { persona olivia state current stage s "S" { touchpoint x "X" { serves fast } } }
`;
        const { ws, client } = start({ 'today.journey': current, 'tomorrow.journey': future });
        const changed = mapChanges(client);
        await client.initialize(ws.root);
        const uri = await client.open(ws.path('tomorrow.journey'), future);
        await changed(uri, 1);
        const map = await client.connection.sendRequest<JourneyMapResult>('journey/map', { uri });
        expect(map.journeys.map(j => [j.name, j.state])).toEqual([
            ['tomorrow', { kind: 'future', of: 'today', ofLabel: 'Today' }], ['plain', { kind: 'current' }],
        ]);
        expect(map.baselines?.map(b => [b.name, b.uri, b.stages[0].touchpoints[0].emotion])).toEqual([
            ['today', pathToFileURL(ws.path('today.journey')).toString(), { value: -2, label: 'Let down' }],
        ]);

        // An edit of the current state (in the editor, unsaved) reaches the future state's map.
        const todayUri = await client.open(ws.path('today.journey'), current);
        await changed(todayUri, 1);
        // The future state's file is validated again, and says so: that is what makes a preview of it redraw.
        const before = changed.seen();
        await client.change(todayUri, 2, current.replace('emotion -2 "Let down"', 'emotion -3 "Furious"'));
        await changed(todayUri, 2);
        await changed(uri, 1, before);
        const again = await client.connection.sendRequest<JourneyMapResult>('journey/map', { uri });
        expect(again.baselines?.[0]?.stages[0].touchpoints[0].emotion).toEqual({ value: -3, label: 'Furious' });
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
