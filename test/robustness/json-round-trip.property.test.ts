// Property: JSON → journey → JSON on generated workspaces (whose references do not all resolve). Every
// export imports (the import never refuses what `journey export --format json` wrote), the text it
// writes says nothing of its own text the workspace did not say, and what does not hang on names
// resolving comes back the same: journeys, descriptions, stages, touchpoints and what they hold, plans.
// (The examples, which resolve, come back whole: test/interchange/json-import.test.ts.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importJson, journeyExportDocument } from '@journey/interchange';
import { buildModels } from '../interchange/journey-models.js';
import { isDataFile } from '../language/workspace-helper.js';
import { workspaceArb } from './generated-journeys.js';

const RUNS = Math.ceil(Number(process.env.JOURNEY_FUZZ_RUNS ?? 150) / 3);
const SEED = process.env.JOURNEY_FUZZ_SEED === undefined ? 20261203 : Number(process.env.JOURNEY_FUZZ_SEED);

type Models = Awaited<ReturnType<typeof buildModels>>['journeys'];

/** What a journey's text says whatever its names resolve to, as JSON holds it (-0 is 0 there). */
const shape = (journeys: Models) => JSON.parse(JSON.stringify(journeys.map(journey => ({
    name: journey.name, label: journey.label, description: journey.description, trigger: journey.trigger, state: journey.state.kind,
    reviewed: journey.reviewed?.date,
    stages: journey.stages.map(stage => ({
        name: stage.name, label: stage.label, phase: stage.phase, question: stage.question,
        touchpoints: stage.touchpoints.map(touchpoint => ({
            name: touchpoint.name, label: touchpoint.label, action: touchpoint.action, thinks: touchpoint.thinks,
            emotion: touchpoint.emotion, backstage: touchpoint.backstage, momentOfTruth: touchpoint.momentOfTruth,
        })),
    })),
    unknowns: journey.unknowns.map(unknown => unknown.text),
    plans: journey.plans.map(plan => ({ name: plan.name, label: plan.label, due: plan.due, status: plan.status })),
}))));

describe('generated journeys through JSON and back', () => {
    it('import every export, and give back what the text says whatever the names resolve to', async () => {
        let compared = 0;
        await fc.assert(fc.asyncProperty(workspaceArb, async files => {
            const original = await buildModels(files);
            if (original.journeys.length === 0) {
                return;
            }
            const imported = importJson(JSON.stringify(journeyExportDocument(original.journeys.map(journey => ({ journey, file: 'x.journey' })))));
            const data = Object.fromEntries(Object.entries(files).filter(([name]) => isDataFile(name)));
            const back = await buildModels({ ...data, 'imported.journey': imported.text });
            // What the workspace said of its own text (an impossible date) it may say again; nothing else.
            const said = new Set(original.errors.map(error => error.message));
            expect(back.errors.filter(error => error.code === 'syntax' && !said.has(error.message)), imported.text).toEqual([]);
            expect(shape(back.journeys), imported.text).toEqual(shape(original.journeys));
            compared++;
        }), { seed: SEED, numRuns: RUNS });
        expect(compared).toBeGreaterThan(0);
    }, 180_000);
});
