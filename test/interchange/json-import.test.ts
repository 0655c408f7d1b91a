// JSON → journey → JSON: `journey import map.json` reads back what `journey export --format json` wrote.
import { describe, expect, it } from 'vitest';
import { importJson, journeyExportDocument, JsonImportError } from '@journey/interchange';
import { buildModels, journeyFiles } from './journey-models.js';

/** The export of every journey of a workspace, without the files they came from (an import writes one). */
async function exported(files: Record<string, string>): Promise<unknown[]> {
    const { journeys, errors } = await buildModels(files);
    expect(errors).toEqual([]);
    const document = journeyExportDocument(journeys.map(journey => ({ journey, file: 'x.journey' })));
    return (document.journeys as Array<Record<string, unknown>>).map(({ file: _file, ...journey }) => journey);
}

describe('JSON import', () => {
    it.each(['examples/spec', 'examples/brightspoke-cx'])('%s: JSON → journey → JSON gives the same journeys', async folder => {
        const files = journeyFiles(folder);
        const csv = Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith('.csv')));
        const { journeys } = await buildModels(files);
        const json = JSON.stringify(journeyExportDocument(journeys.map(journey => ({ journey, file: 'x.journey' }))));
        const imported = importJson(json);
        expect(imported.journeys).toEqual(journeys.map(journey => journey.name));
        // Beside the original journeys, so that the sources' data paths point at the same files.
        expect(await exported({ ...csv, 'journeys/imported.journey': imported.text })).toEqual(await exported(files));
    });

    it('keeps the journey\'s description and its personas\' descriptions, goals, needs, pains and motivations', async () => {
        const text = [
            'persona olivia "Olivia" {', '    description "Runs operations"', '    goal "Replace the tool"', '    goal "Keep the team happy"',
            '    need fast "Fast setup" importance 4', '    pain "Too many tools"', '    motivation "Looking good to her boss"', '}',
            'journey renewal "Renewal" {', '    persona olivia', '    description "How Olivia renews, or does not"', '    description "Workshop of 2026-11-18"',
            '    stage s "S" {', '        touchpoint t "T" { serves fast emotion 1 }', '    }', '}', '',
        ].join('\n');
        const imported = importJson(JSON.stringify(journeyExportDocument((await buildModels({ 'a.journey': text })).journeys.map(journey => ({ journey, file: 'a.journey' })))));
        expect(imported.text).toContain('persona olivia "Olivia" {\n    description "Runs operations"\n    goal "Replace the tool"\n    goal "Keep the team happy"\n    need fast "Fast setup" importance 4\n    pain "Too many tools"\n    motivation "Looking good to her boss"\n}');
        expect(imported.text).toContain('    persona olivia\n    description "How Olivia renews, or does not"\n    description "Workshop of 2026-11-18"\n');
        expect(await exported({ 'a.journey': imported.text })).toEqual(await exported({ 'a.journey': text }));
    });

    it('needs to choose nothing for an export, and says what it chose for JSON written by hand', async () => {
        const { journeys } = await buildModels(journeyFiles('examples/brightspoke-cx'));
        expect(importJson(JSON.stringify(journeyExportDocument(journeys.map(journey => ({ journey, file: 'x.journey' }))))).warnings).toEqual([]);
        const byHand = {
            formatVersion: 1,
            journeys: [{
                name: 'j', label: 'J', personas: [{ name: 'p', label: 'P', prefers: [{ name: 'web', label: 'Web' }] }],
                stages: [{ name: 's', label: 'S', touchpoints: [{ name: 't', label: 'T', evidence: [{ name: 'notes', label: 'Notes' }] }] }],
            }],
        };
        const imported = importJson(JSON.stringify(byHand));
        expect(imported.warnings).toEqual([
            'source `notes`: the JSON does not say what kind of source it is; written `other`',
            'channel `web`: the JSON does not say whether it is online or offline; written online',
        ]);
        expect(imported.text).toContain('channel web "Web" online\nsource notes "Notes" other\npersona p "P" {\n    prefers web\n}');
    });

    it('refuses what is not an export, naming where', () => {
        expect(() => importJson('{')).toThrow(JsonImportError);
        expect(() => importJson('{')).toThrow(/^not JSON: /);
        expect(() => importJson('{"formatVersion": 2, "journeys": []}')).toThrow('formatVersion is 2: this journey reads version 1 of `journey export --format json`');
        expect(() => importJson('{"formatVersion": 1, "journeys": []}')).toThrow('journeys is empty: nothing to import');
        expect(() => importJson('{"formatVersion": 1, "journeys": [{"name": "a b", "label": "A"}]}')).toThrow('journeys[0].name: "a b" is not a name (letters, digits and _, not starting with a digit)');
        expect(() => importJson('{"formatVersion": 1, "journeys": [{"name": "a", "label": "A", "personas": [], "stages": [{"name": "s", "label": "S", "touchpoints": [{"name": "t", "label": 3}]}]}]}'))
            .toThrow('journeys[0].stages[0].touchpoints[0].label: expected a text, found 3');
    });
});
