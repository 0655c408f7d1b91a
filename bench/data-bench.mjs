#!/usr/bin/env node
// Issue 19's row (npm run bench; needs npm run build): KPIs computed from a large export. A workspace
// with a 100,000-row survey export (5 columns, ~2.6 MB, seeded) and one journey whose 20 KPIs are
// computed from it (every aggregate, with and without `where`), linted by the real `journey` command in
// a child process, against the same workspace with the 20 values typed by hand (no data file read),
// measured in the same run, interleaved. Median with min–max over --runs (default 5). Printed, never
// asserted (the machine may be shared).
//
//   journey lint, 20 KPIs computed from 100,000 rows, vs the same KPIs typed: the difference is
//     reading, parsing and aggregating the export once (it is read once, whatever the number of KPIs)
//   journey kpis of the same workspace, for the table a reviewer reads
//
// --quick (development only): 2 runs, 25,000 rows. Options: --runs N
//
// Measured 2026-12-03 on this 2-core machine (5 runs; node -e 0: 63 ms):
//   lint, 20 KPIs typed                          241 ms (224–246), peak RSS 85 MB
//   lint, 20 KPIs computed from 100,000 rows     766 ms (758–792) = 3.18 × typed (+525 ms), peak RSS 162 MB
//     (in process: csv-parse of the 2.9 MB export ~170 ms, the 20 aggregates ~240 ms)
//   journey kpis, the same                       768 ms (749–810)
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JOURNEY, benchOptions, median, peakRssRunner, spread } from './bench-common.mjs';
import { seededRandom } from '../scripts/seeded-random.mjs';

const { quick, runs: RUNS } = benchOptions();
const ROWS = quick ? 25_000 : 100_000;


const TOUCHPOINTS = ['pricing_page', 'checkout', 'delivery', 'support_chat'];
const scratch = mkdtempSync(path.join(tmpdir(), 'journey-data-bench-'));
const run = peakRssRunner(scratch, 'data bench');

function exportCsv() {
    const random = seededRandom(19);
    const lines = ['ResponseId,Touchpoint,Recommend,Satisfaction,Effort,Minutes'];
    for (let row = 0; row < ROWS; row++) {
        const empty = random() < 0.02;
        lines.push([
            `R${row}`, TOUCHPOINTS[row % TOUCHPOINTS.length],
            empty ? '' : Math.floor(random() * 11), Math.floor(1 + random() * 5), Math.floor(1 + random() * 7),
            (random() * 30).toFixed(1),
        ].join(','));
    }
    return `${lines.join('\n')}\n`;
}

/** The 20 KPIs: the aggregates over the columns, every touchpoint filtered, written computed or typed. */
const KPIS = [
    ['nps', 'Recommend', 'nps', '', '0'],
    ['csat', 'Satisfaction', 'csat', '', '60%'],
    ['ces', 'Effort', 'ces', '', '4'],
    ['minutes', 'Minutes', 'mean', '', '15'],
    ['minutes', 'Minutes', 'median', '', '15'],
    ['answers', 'Recommend', 'count', '', '1000'],
    ['csat', 'Satisfaction', 'share 4 to 5', '', '40%'],
    ['csat', 'Recommend', 'share 9 to 10', '', '18%'],
    ...TOUCHPOINTS.flatMap(touchpoint => [
        ['nps', 'Recommend', 'nps', touchpoint, '0'],
        ['csat', 'Satisfaction', 'csat', touchpoint, '60%'],
        ['ces', 'Effort', 'ces', touchpoint, '4'],
    ]),
];

function workspace(name, computed) {
    const folder = path.join(scratch, name);
    mkdirSync(path.join(folder, 'data'), { recursive: true });
    const shared = [
        'team cx "Customer Experience"',
        'channel web "Website" online',
        'metric nps "NPS" scale -100 to 100',
        'metric csat "Satisfied" percent',
        'metric ces "Effort" scale 1 to 7 lower is better',
        'metric minutes "Minutes" scale 0 to 60 lower is better',
        'metric answers "Answers" scale 0 to 1000000',
        `source export "Survey export" survey 2026-11-30${computed ? ' data "data/export.csv"' : ''}`,
        'persona pat "Pat" { need fast "Fast" importance 3 }',
    ].join('\n');
    const kpis = KPIS.map(([metric, column, aggregate, touchpoint, typed]) => computed
        ? `            kpi ${metric} from export column "${column}" as ${aggregate}${touchpoint ? ` where "Touchpoint" = "${touchpoint}"` : ''}`
        : `            kpi ${metric} ${typed} source export`);
    const journey = [
        'journey shop "Pat shops" {', '    persona pat', '    trigger "Needs a bike"', '    owner cx', '    reviewed 2026-11-30 every 90 days',
        '    stage buy "Buy" {', '        phase post-purchase', '        touchpoint checkout "Checkout" {', '            channel web', '            serves fast',
        '            evidence export', ...kpis, '        }', '    }', '}',
    ].join('\n');
    writeFileSync(path.join(folder, 'shared.journey'), `${shared}\n`);
    writeFileSync(path.join(folder, 'shop.journey'), `${journey}\n`);
    if (computed) {
        writeFileSync(path.join(folder, 'data/export.csv'), data);
    }
    return folder;
}

const data = exportCsv();
const typed = workspace('typed', false);
const computed = workspace('computed', true);
console.log(`data bench: ${ROWS.toLocaleString('en')} rows (${(data.length / 1e6).toFixed(1)} MB), ${KPIS.length} KPIs, ${RUNS} runs`);

const times = { typed: [], computed: [], kpis: [], node: [] };
const rss = { typed: [], computed: [] };
for (let index = 0; index < RUNS; index++) {
    times.node.push(run('node -e 0', ['-e', '0']).ms);
    const a = run('lint typed', [JOURNEY, 'lint', '--today', '2026-12-01', '.'], typed);
    const b = run('lint computed', [JOURNEY, 'lint', '--today', '2026-12-01', '.'], computed);
    const c = run('kpis computed', [JOURNEY, 'kpis', '--today', '2026-12-01', '.'], computed);
    times.typed.push(a.ms);
    times.computed.push(b.ms);
    times.kpis.push(c.ms);
    rss.typed.push(a.rss);
    rss.computed.push(b.rss);
    if (index === 0 && !/20 KPIs: \d+ off target, 20 computed from data/.test(c.stdout)) {
        console.error(`data bench: journey kpis did not compute the 20 KPIs:\n${c.stdout}`);
        process.exit(1);
    }
}
const mb = values => spread(values.map(value => value / 1e6), 'MB');
console.log(`  node -e 0: ${spread(times.node)}`);
console.log(`  lint, 20 KPIs typed: ${spread(times.typed)}, peak RSS ${mb(rss.typed)}`);
console.log(`  lint, 20 KPIs computed from ${ROWS.toLocaleString('en')} rows: ${spread(times.computed)} = ${(median(times.computed) / median(times.typed)).toFixed(2)} × typed `
    + `(+${Math.round(median(times.computed) - median(times.typed))} ms), peak RSS ${mb(rss.computed)}`);
console.log(`  journey kpis, the same: ${spread(times.kpis)}`);
rmSync(scratch, { recursive: true, force: true });
