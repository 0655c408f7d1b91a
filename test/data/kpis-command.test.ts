// `journey kpis` on real files: a workspace with a survey export (CSV) beside its maps, run in
// process through the program object. Every computed value below is worked out by hand from the CSV.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { runJourneyInProcess } from '../support/journey-in-process.js';
import { repoRoot, scratchWorkspaces } from '../support/journey-process.js';
import { commitAll, git } from '../support/git-repository.js';

const workspace = scratchWorkspaces();
const TODAY = ['--today', '2026-12-01'];

/** 6 answers on pricing_page (10, 9, 9, 8, 3, 6), 2 on kickoff (one empty, 10). */
const SURVEY = [
    'Respondent;Touchpoint;Recommend;Satisfaction',
    'r1;pricing_page;10;5',
    'r2;pricing_page;9;4',
    'r3;pricing_page;9;2',
    'r4;pricing_page;8;"5"',
    'r5;pricing_page;3;1',
    'r6;pricing_page;6;n/a',
    'r7;kickoff;;4',
    'r8;kickoff;10;5',
    '',
].join('\n');

const SHARED = `team marketing "Marketing"
channel web "Website" online
metric nps "Net Promoter Score" scale -100 to 100
metric satisfied "Satisfied (4 or 5 of 5)" percent
metric conversion "Trial-to-paid conversion" percent
source q3 "Q3 survey" survey 2026-09-30 data "data/q3.csv"
source old "Old interviews" interview 2024-06-01
persona olivia "Olivia" { need clear "Clear pricing" importance 3 }
`;

const JOURNEY = `journey renewal "Olivia renews" {
    persona olivia
    state current
    trigger "Renewal"
    owner marketing
    reviewed 2026-11-20 every 90 days
    stage research "Research" {
        phase post-purchase
        touchpoint pricing_page "Pricing page" {
            channel web
            serves clear
            evidence q3
            kpi nps from q3 column "Recommend" as nps where "Touchpoint" = "pricing_page" target 40
            kpi satisfied from q3 column "Satisfaction" as csat where "Touchpoint" = "pricing_page" target 50%
            kpi conversion 3.1% target 5% source old
        }
    }
}
`;

function files() {
    return workspace({ 'maps/shared.journey': SHARED, 'maps/renewal.journey': JOURNEY, 'maps/data/q3.csv': SURVEY });
}

describe('journey kpis', () => {
    it('lists every KPI with its value, target, status, n, source and date (stylish)', async () => {
        const ws = files();
        const run = await runJourneyInProcess(['kpis', ...TODAY], { cwd: ws.root });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        // nps: promoters 10, 9, 9 (3 of 6), detractors 3, 6 (2 of 6): 50 − 33.33 = 16.67.
        // csat: 5, 4, 2, 5, 1 counted (n/a left out): 4 or 5 is 3 of 5 = 60%.
        expect(run.stdout).toBe([
            'JOURNEY  TOUCHPOINT    METRIC      VALUE  TARGET  STATUS              N  SOURCE  DATE',
            'renewal  pricing_page  nps         16.67      40  off target  6 (small)  q3      2026-09-30',
            'renewal  pricing_page  satisfied     60%     50%  on target   5 (small)  q3      2026-09-30',
            'renewal  pricing_page  conversion   3.1%      5%  off target             old     2024-06-01 (stale)',
            '',
            '3 KPIs: 2 off target, 2 computed from data.',
            '',
        ].join('\n'));
    });

    it('gives JSON with n and left out, and CSV, the same bytes on every run', async () => {
        const ws = files();
        const json = await runJourneyInProcess(['kpis', '-f', 'json', ...TODAY], { cwd: ws.root });
        expect(json.status).toBe(0);
        const rows = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
        expect(rows.map(row => [row.metric, row.value, row.n, row.leftOut, row.status])).toEqual([
            ['nps', 16.67, 6, 0, 'off'],
            ['satisfied', 60, 5, 1, 'on'],
            ['conversion', 3.1, undefined, undefined, 'off'],
        ]);
        expect(rows[0]).toMatchObject({ journey: 'renewal', touchpoint: 'pricing_page', file: 'maps/renewal.journey', aggregate: 'nps', column: 'Recommend', data: 'data/q3.csv', sourceDate: '2026-09-30' });
        expect(rows[2]).toMatchObject({ source: 'old', stale: true });
        const csv = await runJourneyInProcess(['kpis', '-f', 'csv', ...TODAY], { cwd: ws.root });
        expect(csv.stdout.split('\r\n')[0]).toBe('journey,touchpoint,file,metric,value,target,status,n,left_out,aggregate,column,small_sample,source,source_date,data,stale');
        expect(csv.stdout.split('\r\n')[2]).toBe('renewal,pricing_page,maps/renewal.journey,satisfied,60,50,on,5,1,csat,Satisfaction,true,q3,2026-09-30,data/q3.csv,');
        const again = await runJourneyInProcess(['kpis', '-f', 'csv', ...TODAY], { cwd: ws.root });
        expect(again.stdout).toBe(csv.stdout);
    });

    it('follows a changed export, and reads the evidence thresholds of journey.config.json', async () => {
        const ws = files();
        ws.write('maps/data/q3.csv', SURVEY.replace('r5;pricing_page;3;1', 'r5;pricing_page;10;1'));
        const changed = await runJourneyInProcess(['kpis', '-f', 'json', ...TODAY], { cwd: ws.root });
        // One detractor fewer, one promoter more: 4 of 6 − 1 of 6 = 50.
        expect((JSON.parse(changed.stdout) as Array<{ value: number }>)[0].value).toBe(50);
        ws.write('journey.config.json', '{ "evidence": { "minSample": 5, "maxEvidenceAgeDays": 1000 } }');
        const table = await runJourneyInProcess(['kpis', ...TODAY], { cwd: ws.root });
        expect(table.stdout).toContain('on target   6  q3');
        expect(table.stdout).not.toContain('(small)');
        expect(table.stdout).not.toContain('(stale)');
    });

    it('says so when there is no KPI, writes -o FILE, and never writes the data file', async () => {
        const ws = workspace({ 'a.journey': 'team t "T"\n' });
        const none = await runJourneyInProcess(['kpis'], { cwd: ws.root });
        expect(none.stdout).toMatch(/^No KPIs: a touchpoint states one with `kpi METRIC VALUE`/);
        const data = files();
        const before = readFileSync(data.path('maps/data/q3.csv'), 'utf8');
        const written = await runJourneyInProcess(['kpis', '-f', 'json', '-o', 'kpis.json', ...TODAY], { cwd: data.root });
        expect(written.status).toBe(0);
        expect(written.stdout).toBe('');
        expect(JSON.parse(readFileSync(data.path('kpis.json'), 'utf8'))).toHaveLength(3);
        expect(readFileSync(data.path('maps/data/q3.csv'), 'utf8')).toBe(before);
    });

    it('exports a computed KPI to JSON with how it was computed, valid against the shipped schema', async () => {
        const ws = files();
        const run = await runJourneyInProcess(['export', 'maps/renewal.journey', '-f', 'json', ...TODAY], { cwd: ws.root });
        expect(run.status, run.stderr).toBe(0);
        const exported = JSON.parse(run.stdout) as { journeys: Array<{ stages: Array<{ touchpoints: Array<{ kpis: Array<Record<string, unknown>> }> }> }> };
        const [nps, satisfied, conversion] = exported.journeys[0].stages[0].touchpoints[0].kpis;
        expect(nps).toMatchObject({ value: 16.67, source: { name: 'q3', date: '2026-09-30' } });
        expect(nps.computed).toEqual({
            aggregate: 'nps', column: 'Recommend', where: [{ column: 'Touchpoint', value: 'pricing_page' }], file: 'data/q3.csv',
            n: 6, leftOut: 0, smallSample: true,
            distribution: Array.from({ length: 11 }, (_, answer) => ({ answer: String(answer), count: { 3: 1, 6: 1, 8: 1, 9: 2, 10: 1 }[answer] ?? 0 })),
        });
        expect(satisfied.computed).toMatchObject({ aggregate: 'csat', n: 5, leftOut: 1 });
        expect(conversion.computed).toBeUndefined();
        expect(conversion.source).toEqual({ name: 'old', kind: 'interview', label: 'Old interviews', date: '2024-06-01', stale: true });
        const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas/journey-export.schema.json'), 'utf8')) as object;
        const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
        expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    });

    it('journey diff compares a computed KPI as each revision\'s export gives it (a real repository)', async () => {
        const ws = files();
        commitAll(ws.root, 'the Q3 export');
        // A new export: the two detractors became promoters. 5 of 6 promoters, no detractor: 83.33.
        ws.write('maps/data/q3.csv', SURVEY.replace('r5;pricing_page;3;1', 'r5;pricing_page;9;1').replace('r6;pricing_page;6;n/a', 'r6;pricing_page;10;n/a'));
        const working = await runJourneyInProcess(['diff', 'HEAD', '--format', 'json', ...TODAY], { cwd: ws.root });
        expect(working.status, working.stderr).toBe(0);
        const changes = (JSON.parse(working.stdout) as { journeys: Array<{ changes: Array<{ kind: string; text: string; direction: string }> }> }).journeys[0].changes;
        // From 16.67 against a target of 40 to 83.33: it crossed its target.
        const crossed = changes.filter(change => change.kind === 'kpi-crossed-target');
        expect(crossed.map(change => change.direction)).toEqual(['better']);
        expect(crossed[0].text).toMatch(/16\.67.*83\.33/);
        // Committed: two revisions compare their own exports, whatever the working tree holds.
        git(ws.root, 'commit', '-qam', 'the Q4 export');
        ws.write('maps/data/q3.csv', 'not,the,export\n');
        const revisions = await runJourneyInProcess(['diff', 'HEAD~1', 'HEAD', ...TODAY], { cwd: ws.root });
        expect(revisions.status, revisions.stderr).toBe(0);
        expect(revisions.stdout).toMatch(/16\.67.*83\.33/);
        expect(revisions.stdout).not.toContain('data-unreadable');
    });

    it('journey build: the KPIs report shows the n of a computed KPI, a small sample and a stale source', async () => {
        const ws = files();
        const run = await runJourneyInProcess(['build', 'maps', '-o', 'site', ...TODAY], { cwd: ws.root });
        expect(run.status, run.stderr).toBe(0);
        const report = readFileSync(ws.path('site/reports/kpis.html'), 'utf8');
        const rows = [...report.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(match => match[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
        expect(rows.find(row => row.includes('Net Promoter Score'))).toMatch(/16\.67 6 Small sample 40/);
        expect(rows.find(row => row.includes('Trial-to-paid conversion'))).toMatch(/2024-06-01 Stale/);
    });
});
