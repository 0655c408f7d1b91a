// The diff engine (packages/diff): what changed in meaning between two versions of a workspace. Each
// side is built from real texts by the language services, as the CLI would build it.
import { diffJson, diffWorkspaces, withRemovedElements, type Change, type DiffFinding, type DiffSide, type WorkspaceDiff } from '@journey/diff';
import { buildWorkspaceModel, hasSyntaxErrors, type CalendarDate } from '@journey/language';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { withWorkspace } from '../language/workspace-helper.js';

const TODAY: CalendarDate = { year: 2026, month: 12, day: 1 };
const ROOT = join(__dirname, '..', '..');

let version = 0;

/**
 * A side of a diff from files (path → text): the workspace model, the findings of every file, the
 * files with syntax errors, and paths by URI. Each side's documents get URIs of their own (under a
 * folder per version), as the same file at two git revisions does; paths are the names given.
 */
async function side(files: Record<string, string>): Promise<DiffSide> {
    const folder = `v${++version}`;
    const prefixed = Object.fromEntries(Object.entries(files).map(([name, text]) => [`${folder}/${name}`, text]));
    return withWorkspace(prefixed, built => {
        const paths: Record<string, string> = {};
        const broken: string[] = [];
        for (const [name, document] of built.documents) {
            paths[document.uri.toString()] = name.slice(folder.length + 1);
            if (hasSyntaxErrors(document)) {
                broken.push(name.slice(folder.length + 1));
            }
        }
        const workspace = buildWorkspaceModel([...built.documents.values()].map(document => document.parseResult.value), TODAY);
        const findings: DiffFinding[] = [];
        for (const document of built.documents.values()) {
            const uri = document.uri.toString();
            for (const diagnostic of document.diagnostics ?? []) {
                const line = diagnostic.range.start.line;
                const journey = workspace.journeys.find(j => j.uri === uri && j.range.start.line <= line && line <= j.range.end.line);
                findings.push({
                    path: paths[uri], ...(journey ? { journey: journey.name } : {}), ruleId: String(diagnostic.code), message: diagnostic.message, line: line + 1,
                    severity: diagnostic.severity === 1 ? 'error' : diagnostic.severity === 2 ? 'warning' : 'info',
                });
            }
        }
        // Plain data, as the CLI hands it over: nothing of the workspace outlives it.
        return JSON.parse(JSON.stringify({ workspace, findings, broken, paths })) as DiffSide;
    }, ({ services }) => {
        services.validation.JourneySettings.today = TODAY;
    });
}

async function diff(base: Record<string, string>, head: Record<string, string>): Promise<WorkspaceDiff> {
    return diffWorkspaces(await side(base), await side(head));
}

/** Every change of a diff: journeys' then the workspace's. */
function changesOf(result: WorkspaceDiff): Change[] {
    return [...result.journeys.flatMap(journey => journey.changes), ...result.workspace];
}

function summary(result: WorkspaceDiff): Array<[string, string]> {
    return changesOf(result).map(change => [change.kind, change.text]);
}

const SHARED = readFileSync(join(ROOT, 'examples/spec/shared.journey'), 'utf8');
const RENEWAL = readFileSync(join(ROOT, 'examples/spec/renewal.journey'), 'utf8');
const SPEC = { 'shared.journey': SHARED, 'renewal.journey': RENEWAL };

/** Replaces one occurrence of `from` (which must be there) in a text. */
function edit(text: string, from: string, to: string): string {
    expect(text, `the text contains ${JSON.stringify(from)}`).toContain(from);
    return text.replace(from, to);
}

/** The example with edits applied to renewal.journey (and optionally shared.journey). */
function spec(edits: Array<[string, string]>, sharedEdits: Array<[string, string]> = []): Record<string, string> {
    return {
        'shared.journey': sharedEdits.reduce((text, [from, to]) => edit(text, from, to), SHARED),
        'renewal.journey': edits.reduce((text, [from, to]) => edit(text, from, to), RENEWAL),
    };
}

/** Diffs the example against itself with edits, expecting exactly these changes (kind, text). */
async function expectOnly(edits: Array<[string, string]>, expected: Array<[string, string]>, sharedEdits: Array<[string, string]> = []): Promise<WorkspaceDiff> {
    const result = await diff(SPEC, spec(edits, sharedEdits));
    expect(summary(result)).toEqual(expected);
    expect(result.changed).toBe(true);
    return result;
}

/** Like expectOnly, from BASE edits to HEAD edits. */
async function expectBetween(baseEdits: Array<[string, string]>, headEdits: Array<[string, string]>, expected: Array<[string, string]>): Promise<WorkspaceDiff> {
    const result = await diff(spec(baseEdits), spec(headEdits));
    expect(summary(result)).toEqual(expected);
    return result;
}

const KICKOFF = 'touchpoint kickoff "Kick-off workshop" { channel phone owner success emotion 1 serves fast_setup }';

describe('no change in meaning', () => {
    it('finds nothing between a workspace and itself', async () => {
        const result = await diff(SPEC, SPEC);
        expect(result).toEqual({ journeys: [], workspace: [], findings: { introduced: [], fixed: [] }, broken: { base: [], head: [] }, changed: false });
    });

    it('finds nothing between the BrightSpoke example and itself', async () => {
        const files = readFolder(join(ROOT, 'examples/brightspoke-cx'));
        expect(Object.keys(files).length).toBeGreaterThan(3);
        const result = await diff(files, files);
        expect(result.changed).toBe(false);
        expect(changesOf(result)).toEqual([]);
        expect(result.findings).toEqual({ introduced: [], fixed: [] });
    });

    it('ignores indentation, blank lines, comments and the order of shared declarations across files', async () => {
        const reformatted = RENEWAL
            .split('\n').map(line => line.replace(/^\s+/, '  ').replace(/\s*\/\/.*$/, '')).join('\n\n')
            .replace('journey renewal', '/* the renewal journey */\njourney renewal');
        const sharedLines = SHARED.split('\n');
        const persona = sharedLines.slice(sharedLines.findIndex(line => line.startsWith('persona'))).join('\n');
        const declarations = sharedLines.slice(0, sharedLines.findIndex(line => line.startsWith('persona'))).filter(line => /^(team|channel|metric|competitor|source) /.test(line));
        const head = {
            'people.journey': `// personas first now\n${persona}\n`,
            'shared.journey': [...declarations].reverse().join('\n\n') + '\n',
            'renewal.journey': reformatted,
        };
        const result = await diff(SPEC, head);
        expect(changesOf(result)).toEqual([]);
        expect(result.findings).toEqual({ introduced: [], fixed: [] });
        expect(result.changed).toBe(false);
    });

    it('ignores a journey moved to another file', async () => {
        const result = await diff(SPEC, { 'shared.journey': SHARED, 'journeys/olivia/renewal-2027.journey': RENEWAL });
        expect(result.changed).toBe(false);
        expect(result.journeys).toEqual([]);
        expect(result.findings).toEqual({ introduced: [], fixed: [] });
    });
});

describe('journeys', () => {
    it('reports a journey added and removed', async () => {
        const other = 'journey churn "Olivia cancels" {\n    persona olivia\n    trigger "Budget cut"\n    stage leave "Leaving" {\n        touchpoint cancel "Cancels online" { channel web owner success serves clear_pricing }\n    }\n}\n';
        const added = await diff(SPEC, { ...SPEC, 'churn.journey': other });
        expect(summary(added)).toEqual([['added', 'New journey "Olivia cancels"']]);
        expect(added.journeys.map(j => [j.name, j.status])).toEqual([['churn', 'added']]);
        expect(added.journeys[0].changes[0].at).toEqual({ path: 'churn.journey', line: 1 });
        const removed = await diff({ ...SPEC, 'churn.journey': other }, SPEC);
        expect(summary(removed)).toEqual([['removed', 'Journey "Olivia cancels" removed']]);
        expect(removed.journeys[0].changes[0].was).toEqual({ path: 'churn.journey', line: 1 });
    });

    it('reports a rename by label (same label, other name)', async () => {
        const result = await expectOnly([['journey renewal "', 'journey replace_tool "']], [['renamed', 'Journey "Olivia replaces her operations tool" renamed from renewal to replace_tool']]);
        expect(result.journeys.map(j => [j.name, j.status, j.previousName])).toEqual([['replace_tool', 'renamed', 'renewal']]);
        expect(result.findings).toEqual({ introduced: [], fixed: [] });
    });

    it('reports a rename by body (other name and label, the same touchpoints)', async () => {
        const result = await expectOnly([['journey renewal "Olivia replaces her operations tool"', 'journey switch "Olivia switches tools"']], [
            ['renamed', 'Journey "Olivia switches tools" renamed from renewal to switch'],
            ['label', 'Journey "Olivia replaces her operations tool" is now called "Olivia switches tools"'],
        ]);
        expect(result.journeys[0].status).toBe('renamed');
    });

    it('reports a label, a state and a review date', async () => {
        await expectOnly([['"Olivia replaces her operations tool"', '"Olivia replaces her ops tool"']], [['label', 'Journey "Olivia replaces her operations tool" is now called "Olivia replaces her ops tool"']]);
        await expectOnly([['state current ', 'state future ']], [['state', 'State of "Olivia replaces her operations tool" changed from current to future']]);
        await expectOnly([['reviewed 2026-11-01', 'reviewed 2026-11-20']], [['reviewed', '"Olivia replaces her operations tool" was reviewed again: 2026-11-20 (before: 2026-11-01)']]);
    });

    it('reports the journey\'s owner once, not at each touchpoint that takes it', async () => {
        const training = ' touchpoint training "Team training" { channel web serves fast_setup }';
        await expectBetween([[KICKOFF, KICKOFF + training]], [[KICKOFF, KICKOFF + training], ['    owner success\n', '    owner sales\n']],
            [['owner', 'Owner of "Olivia replaces her operations tool" changed from "Customer Success" to "Sales"']]);
    });

    it('reports the journey\'s personas once, not at each touchpoint that takes them', async () => {
        const ben = '\npersona ben "Ben, finance lead" {\n    need budget "Stay within budget" importance 3\n}\n';
        const result = await diff(spec([], [['', ben]]), spec([['persona olivia ', 'persona olivia, ben ']], [['', ben]]));
        expect(summary(result)).toEqual([['by', '"Olivia replaces her operations tool" is now the journey of "Olivia, Operations Manager", "Ben, finance lead" (was "Olivia, Operations Manager")']]);
    });

    it('does not report the journeys of a file with syntax errors; lists the file', async () => {
        const result = await diff(SPEC, spec([['stage onboarding "Onboarding" {', 'stage onboarding "Onboarding" {{']]));
        expect(result.journeys).toEqual([]);
        expect(result.workspace).toEqual([]);
        expect(result.broken).toEqual({ base: [], head: ['renewal.journey'] });
        // Its other findings are not fixed, only not looked for; its syntax error is introduced.
        expect(result.findings.fixed).toEqual([]);
        expect(result.findings.introduced.map(f => [f.path, f.ruleId])).toEqual([['renewal.journey', 'syntax']]);
        expect(result.changed).toBe(true);
        const back = await diff(spec([['emotion -1', 'emotion -1 -']]), SPEC);
        expect(back.journeys).toEqual([]);
        expect(back.broken).toEqual({ base: ['renewal.journey'], head: [] });
        expect(back.findings.introduced).toEqual([]);
        expect(back.findings.fixed.map(f => f.ruleId)).toEqual(['syntax']);
    });

    it('does not report the personas of a file with syntax errors', async () => {
        const result = await diff(SPEC, spec([], [['persona olivia "Olivia, Operations Manager" {', 'persona olivia "Olivia, Operations Manager" {{']]));
        expect(result.workspace).toEqual([]);
        expect(result.broken.head).toEqual(['shared.journey']);
    });
});

describe('stages', () => {
    const advocacy = '\n    stage advocacy "Advocacy" {\n        phase post-purchase\n        touchpoint review "Writes a review" { channel web owner marketing }\n    }\n';
    it('reports a stage added and removed (with its touchpoints)', async () => {
        await expectOnly([['\n    flow renewal_quote', `${advocacy}\n    flow renewal_quote`]], [
            ['added', 'New stage "Advocacy"'],
            ['added', 'New touchpoint "Writes a review" in "Advocacy"'],
        ]);
        await expectBetween([['\n    flow renewal_quote', `${advocacy}\n    flow renewal_quote`]], [], [
            ['removed', 'Stage "Advocacy" removed'],
            ['removed', 'Touchpoint "Writes a review" removed from "Advocacy"'],
        ]);
    });

    it('reports a stage renamed (same label, other name)', async () => {
        await expectOnly([['stage research "Research"', 'stage discovery "Research"']], [['renamed', 'Stage "Research" renamed from research to discovery']]);
    });

    it('reports stages reordered', async () => {
        const notice = RENEWAL.slice(RENEWAL.indexOf('    stage notice'), RENEWAL.indexOf('    stage research'));
        const research = RENEWAL.slice(RENEWAL.indexOf('    stage research'), RENEWAL.indexOf('    stage onboarding'));
        const result = await diff(SPEC, { ...SPEC, 'renewal.journey': RENEWAL.replace(notice + research, research + notice) });
        expect(summary(result)).toEqual([['reordered', 'Stage "Renewal notice" now comes after "Research"']]);
    });
});

describe('touchpoints', () => {
    const training = ' touchpoint training "Team training" { channel web owner success serves fast_setup }';
    it('reports a touchpoint added and removed', async () => {
        await expectOnly([[KICKOFF, KICKOFF + training]], [['added', 'New touchpoint "Team training" in "Onboarding"']]);
        await expectBetween([[KICKOFF, KICKOFF + training]], [], [['removed', 'Touchpoint "Team training" removed from "Onboarding"']]);
    });

    it('reports a touchpoint renamed (same label, other name)', async () => {
        await expectOnly([['touchpoint kickoff "', 'touchpoint kick_off "'], ['-> kickoff', '-> kick_off']], [['renamed', 'Touchpoint "Kick-off workshop" renamed from kickoff to kick_off']]);
    });

    it('reports a touchpoint moved to another stage', async () => {
        const result = await expectOnly([[KICKOFF, ''], ['        pain unclear_pricing', `        ${KICKOFF}\n        pain unclear_pricing`]],
            [['moved', 'Touchpoint "Kick-off workshop" moved from "Onboarding" to "Research"']]);
        const moved = changesOf(result)[0];
        expect(moved.was).toEqual({ path: 'renewal.journey', line: RENEWAL.split('\n').findIndex(line => line.includes('touchpoint kickoff')) + 1 });
        expect(moved.at?.path).toBe('renewal.journey');
    });

    it('reports touchpoints reordered within a stage', async () => {
        const first = ' touchpoint training "Team training" { channel web owner success serves fast_setup }';
        await expectBetween([[KICKOFF, KICKOFF + first]], [[KICKOFF, first.trim() + ' ' + KICKOFF]],
            [['reordered', 'Touchpoint "Kick-off workshop" now comes after "Team training" in "Onboarding"']]);
    });

    it('reports an emotion that went up, one added and one removed', async () => {
        const result = await expectOnly([['emotion -1 "Confused', 'emotion 1 "Confused']], [['emotion', 'Emotion at "Visits the pricing page" went from \u22121 to +1 (better)']]);
        expect(changesOf(result)[0]).toMatchObject({ direction: 'better', before: -1, after: 1, element: 'touchpoint', name: 'pricing_page', journey: 'renewal' });
        await expectOnly([['emotion -2 "Frustrated"', 'emotion -3 "Frustrated"']], [['emotion', 'Emotion at "Renewal quote arrives" went from \u22122 to \u22123 (worse)']]);
        await expectOnly([[' emotion 1 serves fast_setup', ' serves fast_setup']], [['emotion', 'Emotion at "Kick-off workshop" removed (was +1)']]);
        await expectBetween([[' emotion 1 serves fast_setup', ' serves fast_setup']], [], [['emotion', 'Emotion at "Kick-off workshop" is now +1']]);
    });

    it('reports a channel and an owner', async () => {
        await expectOnly([['channel phone owner success', 'channel web owner success']], [['channel', 'Channel of "Kick-off workshop" changed from "Phone call" to "Website"']]);
        await expectOnly([['channel phone owner success', 'channel phone owner sales']], [['owner', 'Owner of "Kick-off workshop" changed from "Customer Success" to "Sales"']]);
    });

    it('reports the personas a touchpoint is met by', async () => {
        const ben = '\npersona ben "Ben, finance lead" {\n    need fast_setup "Be productive within one week" importance 3\n}\n';
        const base = spec([['persona olivia ', 'persona olivia, ben ']], [['', ben]]);
        const head = spec([['persona olivia ', 'persona olivia, ben '], ['by olivia ', 'by ben ']], [['', ben]]);
        const result = await diff(base, head);
        expect(summary(result)).toEqual([['by', '"Visits the pricing page" is now met by "Ben, finance lead" (was "Olivia, Operations Manager")']]);
    });

    it('reports needs served added and removed', async () => {
        await expectOnly([['serves fast_setup }', 'serves fast_setup serves clear_pricing }']], [['serves', '"Kick-off workshop" now serves the need "Know the total cost before talking to sales"']]);
        await expectBetween([['serves fast_setup }', 'serves fast_setup serves clear_pricing }']], [], [['serves', '"Kick-off workshop" no longer serves the need "Know the total cost before talking to sales"']]);
    });

    it('reports evidence added and removed', async () => {
        await expectOnly([['evidence survey_q3', 'evidence survey_q3, tickets']], [['evidence', '"Renewal quote arrives" now cites "Support tickets 2026" as evidence']]);
        await expectBetween([['evidence survey_q3', 'evidence survey_q3, tickets']], [], [['evidence', '"Renewal quote arrives" no longer cites "Support tickets 2026" as evidence']]);
    });

    it('reports a moment of truth lost and gained', async () => {
        await expectOnly([['            moment of truth\n', '']], [['moment-of-truth', '"Visits the pricing page" is no longer a moment of truth']]);
        await expectBetween([['            moment of truth\n', '']], [], [['moment-of-truth', '"Visits the pricing page" is now a moment of truth']]);
    });
});

describe('pains and opportunities', () => {
    const slowSetup = 'pain slow_setup "Setup takes weeks" severity 3';
    it('reports a pain added and removed', async () => {
        const result = await expectOnly([['serves fast_setup }', `serves fast_setup ${slowSetup} }`]], [['added', 'New pain "Setup takes weeks" at "Kick-off workshop" (severity 3)']]);
        expect(changesOf(result)[0].direction).toBe('worse');
        const removed = await expectBetween([['serves fast_setup }', `serves fast_setup ${slowSetup} }`]], [], [['removed', 'Pain "Setup takes weeks" at "Kick-off workshop" removed (severity 3)']]);
        expect(changesOf(removed)[0].direction).toBe('better');
    });

    it('reports a severity changed', async () => {
        const result = await expectOnly([['at pricing_page severity 4', 'at pricing_page severity 5']], [['severity', 'Severity of pain "Add-ons make the total cost unclear" went from 4 to 5 (worse)']]);
        expect(changesOf(result)[0]).toMatchObject({ element: 'pain', name: 'unclear_pricing', before: 4, after: 5 });
    });

    it('reports an opportunity added and removed', async () => {
        const bundle = '\n        opportunity bundle "Bundle the add-ons" for unclear_pricing owner marketing';
        const line = 'opportunity calculator "Publish a total-cost calculator" for unclear_pricing owner marketing';
        await expectOnly([[line, line + bundle]], [['added', 'New opportunity "Bundle the add-ons" in "Research"']]);
        await expectBetween([[line, line + bundle]], [], [['removed', 'Opportunity "Bundle the add-ons" in "Research" removed']]);
    });

    it('reports what an opportunity answers', async () => {
        const hidden = '\n        pain hidden_fees "Fees appear at checkout" at pricing_page severity 3 evidence tickets';
        const pain = 'pain unclear_pricing "Add-ons make the total cost unclear" at pricing_page severity 4 evidence tickets';
        await expectBetween([[pain, pain + hidden]], [[pain, pain + hidden], ['for unclear_pricing owner', 'for unclear_pricing, hidden_fees owner']],
            [['answers', 'Opportunity "Publish a total-cost calculator" now answers "Add-ons make the total cost unclear", "Fees appear at checkout" (was "Add-ons make the total cost unclear")']]);
    });
});

describe('KPIs', () => {
    it('reports a value changed, with its direction', async () => {
        const result = await expectOnly([['kpi conversion 3.1%', 'kpi conversion 4%']], [['kpi-value', 'KPI "Trial-to-paid conversion" at "Visits the pricing page" went from 3.1% to 4% (better)']]);
        expect(changesOf(result)[0]).toMatchObject({ element: 'kpi', name: 'pricing_page.conversion', direction: 'better' });
    });

    it('reports a value that lower is better for', async () => {
        const wait = '\nmetric wait_minutes "Minutes on hold" scale 0 to 60 lower is better\n';
        const base = spec([[' serves fast_setup }', ' serves fast_setup kpi wait_minutes 12 }']], [['', wait]]);
        const head = spec([[' serves fast_setup }', ' serves fast_setup kpi wait_minutes 15 }']], [['', wait]]);
        expect(summary(await diff(base, head))).toEqual([['kpi-value', 'KPI "Minutes on hold" at "Kick-off workshop" went from 12 to 15 (worse)']]);
    });

    it('reports a value crossing its target', async () => {
        const result = await expectOnly([['kpi conversion 3.1%', 'kpi conversion 5.2%']], [['kpi-crossed-target', 'KPI "Trial-to-paid conversion" at "Visits the pricing page" went from 3.1% to 5.2% and is now on target (5%)']]);
        expect(changesOf(result)[0]).toMatchObject({ direction: 'better', before: false, after: true });
        const back = await expectBetween([['kpi conversion 3.1%', 'kpi conversion 5.2%']], [], [['kpi-crossed-target', 'KPI "Trial-to-paid conversion" at "Visits the pricing page" went from 5.2% to 3.1% and is now off target (5%)']]);
        expect(changesOf(back)[0].direction).toBe('worse');
    });

    it('reports a target changed', async () => {
        await expectOnly([['3.1% target 5%', '3.1% target 6%']], [['kpi-target', 'Target of KPI "Trial-to-paid conversion" at "Visits the pricing page" changed from 5% to 6%']]);
    });

    it('reports a KPI added and removed', async () => {
        await expectOnly([[' serves fast_setup }', ' serves fast_setup kpi csat 4.2 target 4 }']], [['added', 'New KPI "Customer satisfaction" at "Kick-off workshop": 4.2 (target 4)']]);
        await expectBetween([[' serves fast_setup }', ' serves fast_setup kpi csat 4.2 target 4 }']], [], [['removed', 'KPI "Customer satisfaction" at "Kick-off workshop" removed (was 4.2)']]);
    });
});

describe('plans, value gap, unknowns', () => {
    it('reports a plan status, due date and owner', async () => {
        await expectOnly([['status open ', 'status doing ']], [['plan-status', 'Plan "Ship the total-cost calculator" went from open to doing']]);
        await expectOnly([['due 2027-01-15', 'due 2027-02-01']], [['plan-due', 'Plan "Ship the total-cost calculator" is now due 2027-02-01 (was 2027-01-15)']]);
        await expectOnly([['        owner marketing\n        due', '        owner sales\n        due']], [['plan-owner', 'Owner of plan "Ship the total-cost calculator" changed from "Marketing" to "Sales"']]);
    });

    it('reports a plan added and removed', async () => {
        const plan = '\n    plan onboarding_guide "Write an onboarding guide" {\n        addresses unclear_pricing\n        owner success\n        due 2027-03-01\n        status doing\n    }\n';
        await expectOnly([['\n}\n', `${plan}}\n`]], [['added', 'New plan "Write an onboarding guide" (doing, due 2027-03-01)']]);
        await expectBetween([['\n}\n', `${plan}}\n`]], [], [['removed', 'Plan "Write an onboarding guide" removed']]);
    });

    it('reports value-gap scores: ours up is better, a competitor\'s up is worse', async () => {
        await expectOnly([['clear_pricing us 2 acme 4', 'clear_pricing us 3 acme 4']], [['value-gap-score', 'Our score on "Know the total cost before talking to sales" went from 2 to 3 (better)']]);
        await expectOnly([['clear_pricing us 2 acme 4', 'clear_pricing us 2 acme 5']], [['value-gap-score', 'Score of "AcmeOps" on "Know the total cost before talking to sales" went from 4 to 5 (worse)']]);
    });

    it('reports a value-gap row added and removed', async () => {
        await expectOnly([['        fast_setup us 4 acme 3\n', '']], [['removed', 'Value-gap row "Be productive within one week" removed']]);
        await expectBetween([['        fast_setup us 4 acme 3\n', '']], [], [['added', 'New value-gap row "Be productive within one week": us 4, "AcmeOps" 3']]);
    });

    it('reports an unknown added and one answered', async () => {
        const question = 'unknown "Who signs off the budget?"';
        await expectOnly([['unknown "Why', `${question}\n    unknown "Why`]], [['added', 'New unknown: "Who signs off the budget?"']]);
        const answered = await expectOnly([['    unknown "Why do trial users stop logging in after day 3?"\n', '']], [['answered', 'Unknown answered: "Why do trial users stop logging in after day 3?"']]);
        expect(changesOf(answered)[0].direction).toBe('better');
    });
});

describe('workspace: personas and needs', () => {
    const ben = '\npersona ben "Ben, finance lead" {\n    need budget "Stay within budget" importance 3\n}\n';
    it('reports a persona added and removed', async () => {
        const result = await expectOnly([], [['added', 'New persona "Ben, finance lead"']], [['', ben]]);
        expect(result.journeys).toEqual([]);
        expect(result.workspace[0]).toMatchObject({ element: 'persona', name: 'ben', at: { path: 'shared.journey', line: 2 } });
        const removed = await diff(spec([], [['', ben]]), SPEC);
        expect(summary(removed)).toEqual([['removed', 'Persona "Ben, finance lead" removed']]);
    });

    it('reports a persona renamed (same label) and a label changed', async () => {
        const base = { ...SPEC, 'ben.journey': ben };
        expect(summary(await diff(base, { ...SPEC, 'ben.journey': ben.replace('persona ben', 'persona benjamin') }))).toEqual([['renamed', 'Persona "Ben, finance lead" renamed from ben to benjamin']]);
        expect(summary(await diff(base, { ...SPEC, 'ben.journey': ben.replace('"Ben, finance lead"', '"Ben, CFO"') }))).toEqual([['label', 'Persona "Ben, finance lead" is now called "Ben, CFO"']]);
    });

    it('reports a need added, removed and its importance changed', async () => {
        const base = { ...SPEC, 'ben.journey': ben };
        const extra = '    need cheap "Pay less" importance 2\n}';
        expect(summary(await diff(base, { ...SPEC, 'ben.journey': ben.replace('\n}', `\n${extra}`) }))).toEqual([['added', 'New need "Pay less" of "Ben, finance lead" (importance 2)']]);
        expect(summary(await diff({ ...SPEC, 'ben.journey': ben.replace('\n}', `\n${extra}`) }, base))).toEqual([['removed', 'Need "Pay less" of "Ben, finance lead" removed']]);
        const result = await diff(base, { ...SPEC, 'ben.journey': ben.replace('importance 3', 'importance 5') });
        expect(summary(result)).toEqual([['importance', 'Importance of need "Stay within budget" of "Ben, finance lead" went from 3 to 5']]);
        expect(result.workspace[0]).toMatchObject({ element: 'need', name: 'ben.budget', before: 3, after: 5 });
    });
});

describe('findings', () => {
    it('reports a finding introduced by removing evidence, and fixed by putting it back', async () => {
        const edits: Array<[string, string]> = [['            evidence survey_q3\n', '']];
        const result = await diff(SPEC, spec(edits));
        expect(summary(result)).toEqual([['evidence', '"Renewal quote arrives" no longer cites "Q3 customer survey" as evidence']]);
        expect(result.findings.fixed).toEqual([]);
        expect(result.findings.introduced.map(f => [f.path, f.journey, f.ruleId])).toEqual([['renewal.journey', 'renewal', 'unsupported-claim']]);
        const back = await diff(spec(edits), SPEC);
        expect(back.findings.introduced).toEqual([]);
        expect(back.findings.fixed.map(f => f.ruleId)).toEqual(['unsupported-claim']);
        expect(back.changed).toBe(true);
    });

    it('ignores findings that only moved to other lines', async () => {
        const result = await diff(SPEC, spec([['journey renewal', '\n\n\njourney renewal']]));
        expect(result.findings).toEqual({ introduced: [], fixed: [] });
        expect(result.changed).toBe(false);
    });

    it('counts findings as a multiset: a second finding of the same kind is introduced', async () => {
        const edits: Array<[string, string]> = [['\n}\n', '\n    unknown "Why?"\n}\n']];
        const base = await side({ ...SPEC });
        const head = await side(spec(edits));
        const duplicated = { ...head, findings: [...head.findings, ...head.findings.slice(0, 1)] };
        const result = diffWorkspaces(base, duplicated);
        expect(result.findings.introduced).toEqual(head.findings.slice(0, 1));
    });
});

describe('many changes at once', () => {
    it('lists them in the map\'s order (stage, touchpoint), then plans, value gap, unknowns; the JSON is valid', async () => {
        const result = await diff(SPEC, spec([
            ['    unknown "Why do trial users stop logging in after day 3?"\n', ''],
            ['clear_pricing us 2 acme 4', 'clear_pricing us 3 acme 4'],
            ['status open ', 'status done '],
            ['channel phone owner success', 'channel web owner success'],
            ['kpi conversion 3.1%', 'kpi conversion 5.2%'],
            ['emotion -1 "Confused', 'emotion 1 "Confused'],
            ['emotion -2 "Frustrated"', 'emotion -1 "Frustrated"'],
            ['reviewed 2026-11-01', 'reviewed 2026-11-20'],
        ], [['need fast_setup "Be productive within one week" importance 4', 'need fast_setup "Be productive within one week" importance 5']]));
        expect(changesOf(result).map(change => change.kind)).toEqual([
            'reviewed', 'emotion', 'emotion', 'kpi-crossed-target', 'channel', 'plan-status', 'value-gap-score', 'answered', 'importance',
        ]);
        expect(result.journeys.map(j => [j.name, j.status])).toEqual([['renewal', 'changed']]);
        const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/journey-diff.schema.json'), 'utf8'));
        const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
        const json = JSON.parse(JSON.stringify(diffJson(result, { base: 'main', head: 'HEAD' })));
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
        const emotion = changesOf(result)[1];
        expect(emotion.at).toEqual({ path: 'renewal.journey', line: RENEWAL.split('\n').findIndex(line => line.includes('emotion -2')) + 1 });
    });

    it('puts removed journeys after HEAD\'s, in BASE order', async () => {
        const journey = (name: string) => `journey ${name} "${name} journey" {\n    persona olivia\n    stage s "S" {\n        touchpoint ${name}_tp "${name} touchpoint" { channel web owner success serves clear_pricing }\n    }\n}\n`;
        const result = await diff(
            { ...SPEC, 'b.journey': journey('beta') + journey('gamma') },
            { ...SPEC, 'a.journey': journey('alpha'), 'renewal.journey': RENEWAL.replace('"Olivia replaces her operations tool"', '"Olivia replaces her tool"') },
        );
        expect(result.journeys.map(j => [j.name, j.status])).toEqual([['renewal', 'changed'], ['alpha', 'added'], ['beta', 'removed'], ['gamma', 'removed']]);
    });
});

function readFolder(folder: string): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
        for (const entry of readdirSync(dir).sort()) {
            const path = join(dir, entry);
            if (statSync(path).isDirectory()) {
                walk(path);
            } else if (entry.endsWith('.journey')) {
                files[relative(folder, path).split('\\').join('/')] = readFileSync(path, 'utf8');
            }
        }
    };
    walk(folder);
    return files;
}

describe('what was removed, drawn back where it was (the HTML view)', () => {
    const names = (result: WorkspaceDiff) => {
        const { model, removed } = withRemovedElements(result.journeys[0]);
        return { removed: [...removed].sort(), stages: model.stages.map(stage => `${stage.name}: ${stage.touchpoints.map(tp => tp.name).join(' ')}`), model };
    };
    const second = 'touchpoint forwards "Forwards to finance" { channel email }';
    const third = 'touchpoint asks "Asks for a discount" { channel phone }';
    const withThree = (text: string) => edit(text, '            evidence survey_q3\n        }\n', `            evidence survey_q3\n        }\n        ${second}\n        ${third}\n`);

    it('puts a removed touchpoint after its nearest earlier sibling still there, without its emotion', async () => {
        const base = { ...SPEC, 'renewal.journey': withThree(RENEWAL) };
        const head = { ...SPEC, 'renewal.journey': edit(withThree(RENEWAL), `        ${second}\n`, '') };
        const result = await diff(base, head);
        expect(summary(result)).toEqual([['removed', 'Touchpoint "Forwards to finance" removed from "Renewal notice"']]);
        const drawn = names(result);
        expect(drawn.removed).toEqual(['touchpoint:forwards']);
        expect(drawn.stages[0]).toBe('notice: renewal_quote forwards asks');
        const ghost = drawn.model.stages[0].touchpoints[1];
        expect(ghost.label).toBe('Forwards to finance (removed)');
        expect(ghost.emotion).toBeUndefined();
        // HEAD's own model is left as it was.
        expect(result.journeys[0].head!.stages[0].touchpoints.map(tp => tp.name)).toEqual(['renewal_quote', 'asks']);
    });

    it('puts a removed stage (with its touchpoints) after the nearest earlier stage still there, and a removed pain and opportunity in their stage', async () => {
        const advocacy = '\n    stage advocacy "Advocacy" {\n        phase post-purchase\n        touchpoint review "Writes a review" { channel web owner marketing }\n    }\n';
        const result = await diff(spec([['\n    flow renewal_quote', `${advocacy}\n    flow renewal_quote`]]), spec([
            ['        opportunity calculator "Publish a total-cost calculator" for unclear_pricing owner marketing\n', ''],
        ]));
        const drawn = names(result);
        expect(drawn.removed).toEqual(['opportunity:calculator', 'stage:advocacy', 'touchpoint:review']);
        expect(drawn.stages).toEqual(['notice: renewal_quote', 'research: pricing_page', 'onboarding: kickoff', 'advocacy: review']);
        const research = drawn.model.stages[1];
        expect(research.opportunities.map(opportunity => [opportunity.name, opportunity.label])).toEqual([['calculator', 'Publish a total-cost calculator (removed)']]);
        expect(drawn.model.stages[3].label).toBe('Advocacy (removed)');
    });

    it('maps BASE names through renames, and draws nothing back for an added or unchanged journey', async () => {
        const base = { ...SPEC, 'renewal.journey': withThree(RENEWAL) };
        const head = { ...SPEC, 'renewal.journey': edit(edit(withThree(RENEWAL), `        ${second}\n`, ''), 'touchpoint renewal_quote "Renewal quote arrives"', 'touchpoint quote "Renewal quote arrives"') };
        const result = await diff(base, head);
        expect(names(result).stages[0]).toBe('notice: quote forwards asks');
        const added = await diff({ 'shared.journey': SHARED }, SPEC);
        expect(added.journeys[0].status).toBe('added');
        expect(withRemovedElements(added.journeys[0]).removed.size).toBe(0);
    });
});
