import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { exportJson, JOURNEY_EXPORT_SCHEMA_URL, journeyExportDocument } from '@journey/interchange';
import type { JourneyMapModel } from '@journey/language';
import { repoRoot } from '../support/journey-process.js';
import { buildModels, journeyFiles } from './journey-models.js';

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas/journey-export.schema.json'), 'utf8')) as { $id: string };
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

async function examples(): Promise<JourneyMapModel[]> {
    const spec = await buildModels(journeyFiles('examples/spec'));
    const brightspoke = await buildModels(journeyFiles('examples/brightspoke-cx'));
    expect([...spec.errors, ...brightspoke.errors]).toEqual([]);
    return [...spec.journeys, ...brightspoke.journeys];
}

const inputs = (journeys: JourneyMapModel[]) => journeys.map(journey => ({ journey, file: `${journey.name}.journey` }));

/** Every object of a JSON value, with the path to it. */
function* objects(value: unknown, at = '$'): Generator<[string, Record<string, unknown>]> {
    if (Array.isArray(value)) {
        for (const [index, item] of value.entries()) {
            yield* objects(item, `${at}[${index}]`);
        }
    } else if (value && typeof value === 'object') {
        yield [at, value as Record<string, unknown>];
        for (const [key, item] of Object.entries(value)) {
            yield* objects(item, `${at}.${key}`);
        }
    }
}

describe('JSON export', () => {
    it('validates against the shipped schema, with and without ranges', async () => {
        const journeys = await examples();
        for (const ranges of [false, true]) {
            const document = JSON.parse(exportJson(inputs(journeys), { ranges }));
            const valid = validate(document);
            expect(validate.errors ?? [], `ranges: ${ranges}`).toEqual([]);
            expect(valid).toBe(true);
        }
    });

    it('points $schema at the schema, whose $id is that URL', () => {
        expect(schema.$id).toBe(JOURNEY_EXPORT_SCHEMA_URL);
        expect(schema.$id).toMatch(/\/schemas\/journey-export\.schema\.json$/);
        expect(journeyExportDocument([])).toEqual({ $schema: JOURNEY_EXPORT_SCHEMA_URL, formatVersion: 1, journeys: [] });
    });

    it('has source ranges only when asked, then 1-based on every element', async () => {
        const journeys = await examples();
        const plain = JSON.parse(exportJson(inputs(journeys)));
        for (const [at, object] of objects(plain)) {
            expect(Object.keys(object), at).not.toContain('range');
            expect(Object.keys(object), at).not.toContain('nameRange');
        }
        const ranged = JSON.parse(exportJson(inputs(journeys), { ranges: true }));
        const renewal = ranged.journeys.find((journey: { name: string }) => journey.name === 'renewal');
        const source = readFileSync(path.join(repoRoot, 'examples/spec/renewal.journey'), 'utf8').split('\n');
        const line = source.findIndex(text => text.startsWith('journey renewal')) + 1;
        expect(renewal.nameRange).toEqual({ start: { line, column: 9 }, end: { line, column: 16 } });
        for (const stage of renewal.stages) {
            expect(stage.range.start.line).toBeLessThanOrEqual(stage.nameRange.start.line);
            for (const touchpoint of stage.touchpoints) {
                const { start, end } = touchpoint.nameRange;
                expect(source[start.line - 1].slice(start.column - 1, end.column - 1)).toBe(touchpoint.name);
            }
        }
    });

    it('is stable: keys in the documented order, absent values left out, the same text every time', async () => {
        const journeys = await examples();
        expect(exportJson(inputs(journeys))).toBe(exportJson(inputs(journeys)));
        const document = journeyExportDocument(inputs(journeys)) as { journeys: Array<Record<string, unknown>> };
        const renewal = document.journeys.find(journey => journey.name === 'renewal')!;
        expect(Object.keys(renewal)).toEqual([
            'name', 'label', 'description', 'file', 'personas', 'trigger', 'state', 'owner', 'reviewed', 'stages', 'flows', 'unknowns', 'valueGap', 'competitors', 'plans',
        ]);
        const text = exportJson(inputs(journeys));
        expect(text).not.toContain('null');
        expect(text.endsWith('}\n')).toBe(true);
        const kickoff = JSON.parse(text).journeys.find((j: { name: string }) => j.name === 'renewal').stages[2].touchpoints[0];
        expect(kickoff).toEqual({
            name: 'kickoff', label: 'Kick-off workshop', stage: 'onboarding',
            channel: { name: 'phone', label: 'Phone call', mode: 'offline' },
            owner: { name: 'success', label: 'Customer Success' },
            personas: ['olivia'], byWritten: false, emotion: { value: 1 },
            serves: [{ persona: 'olivia', need: 'fast_setup', label: 'Be productive within one week' }],
            kpis: [], evidence: [], momentOfTruth: false, pains: [], opportunities: [], supported: false,
        });
    });

    it('says who each persona is: description, goals, pains, motivations, preferred channels, needs', async () => {
        const document = journeyExportDocument(inputs(await examples())) as { journeys: Array<{ name: string; personas: unknown[] }> };
        const [olivia] = document.journeys.find(journey => journey.name === 'renewal')!.personas;
        expect(olivia).toEqual({
            name: 'olivia', label: 'Olivia, Operations Manager',
            description: ['Runs operations at a 200-person logistics firm and owns the tooling budget.'],
            goals: ['Replace a tool whose contract is up for renewal with one her team adopts'],
            pains: ['Past tools were abandoned after onboarding'],
            motivations: [],
            prefers: [{ name: 'web', label: 'Website', mode: 'online' }, { name: 'email', label: 'Email', mode: 'online' }],
            needs: [
                { name: 'clear_pricing', label: 'Know the total cost before talking to sales', importance: 5 },
                { name: 'fast_setup', label: 'Be productive within one week', importance: 4 },
            ],
        });
    });

    it('computes stale and overdue for the day given as today', async () => {
        const early = await buildModels(journeyFiles('examples/spec'), '2026-11-02');
        const late = await buildModels(journeyFiles('examples/spec'), '2027-06-01');
        const at = (journeys: JourneyMapModel[]) => JSON.parse(exportJson(inputs(journeys))).journeys[0];
        expect(at(early.journeys).reviewed).toEqual({ date: '2026-11-01', everyDays: 30, stale: false });
        expect(at(late.journeys).reviewed).toEqual({ date: '2026-11-01', everyDays: 30, stale: true });
        expect(at(early.journeys).plans[0].overdue).toBe(false);
        expect(at(late.journeys).plans[0].overdue).toBe(true);
    });
});
