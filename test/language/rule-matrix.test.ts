// Every rule after the first seven (which rules.test.ts covers), each in the same matrix: it fires on
// a bad file with exactly the ranges the spec asks for (the offending name or keyword), stays silent
// on the good variants and on the spec's boundaries, is silent when configured `off`, reports with
// severity 1 when configured `error`, and is silenced by `// journey-disable-next-line RULE` on the line
// before without leaving an unused suppression. Then the quick fixes: applying the first fix of every
// finding that carries one yields a file that parses and no longer has that finding, in LF and CRLF files.
import { findRule, journeyRules, type ConfiguredSeverity, type FindingData } from '@journey/language';
import { describe, expect, test } from 'vitest';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CORE_RULES, lintOn, rangeOf, rangeOnLine, summarize } from './workspace-helper.js';

const ERROR = 1;
const TODAY = { year: 2026, month: 11, day: 23 };

/** The survey export beside the cases: segment A has 30 answers, B 29, C 2 (one empty); 61 rows. */
function surveyExport(): string {
    const rows = ['Segment,Recommend,Satisfied'];
    for (let index = 0; index < 30; index++) {
        rows.push(`A,${[10, 9, 8, 6, 3][index % 5]},${[5, 4, 3][index % 3]}`);
    }
    for (let index = 0; index < 29; index++) {
        rows.push(`B,${[9, 7, 2][index % 3]},${[4, 2][index % 2]}`);
    }
    rows.push('C,,5', 'C,10,"4"');
    return `${rows.join('\n')}\n`;
}

const DATA_FILES = {
    'data/survey.csv': surveyExport(),
    'data/binary.csv': 'Segment,Recommend\n\u0000\u0001\u0002',
};

const lint = (text: string, severities: Record<string, ConfiguredSeverity> = {}): Promise<Diagnostic[]> => lintOn(TODAY, text, severities, DATA_FILES);

function of(diagnostics: readonly Diagnostic[], ruleId: string): Diagnostic[] {
    return diagnostics.filter(d => d.code === ruleId);
}

function rangesOf(diagnostics: readonly Diagnostic[], ruleId: string): Range[] {
    return of(diagnostics, ruleId).map(d => d.range);
}

function byPosition(a: Range, b: Range): number {
    return a.start.line - b.start.line || a.start.character - b.start.character || a.end.line - b.end.line || a.end.character - b.end.character;
}

// ---- The workspace the cases are written in ------------------------------------------------------

const SHARED = `team success "Customer Success"
team sales "Sales"
channel email "Email" online
channel web "Website" online
channel phone "Phone call" offline
metric csat "Customer satisfaction" scale 1 to 5
metric conversion "Trial-to-paid conversion" percent
metric nps "Net Promoter Score" scale -100 to 100
metric wait_minutes "Minutes on hold" scale 0 to 60 lower is better
competitor acme "AcmeOps"
competitor globex "Globex"
source survey "Q3 customer survey" survey 2026-09-30 sample 412
source tickets "Support tickets" support

persona olivia "Olivia, Operations Manager" {
    need fast_setup "Be productive within one week" importance 4
    need clear_pricing "Know the total cost" importance 5
    need dark_mode "A dark theme" importance 2
    need quiet "Few notifications"
    pain "Past tools were abandoned after onboarding"
}
`;

/** Serves every need of olivia, so that need-not-served stays quiet. */
const SERVES_ALL = 'serves fast_setup serves clear_pricing serves dark_mode serves quiet';

const HEADER = `    persona olivia
    trigger "Her contract renews in 60 days"
    owner success
    reviewed 2026-11-01 every 90 days`;

/** A journey `renewal` with the given header lines and body (stages, flows, value gaps, plans). */
function journey(body: string, header = HEADER, name = 'renewal'): string {
    return `journey ${name} "Olivia renews" {\n${header}\n${body}\n}\n`;
}

function ws(...journeys: string[]): string {
    return `${SHARED}\n${journeys.join('\n')}`;
}

/** A post-purchase stage with one clean touchpoint `quote`, plus extra lines in the stage. */
function stage(extra = '', touchpoint = `touchpoint quote "Renewal quote" { channel email evidence survey ${SERVES_ALL} }`): string {
    return `    stage notice "Notice" {
        phase post-purchase
        ${touchpoint}
${extra}    }`;
}

/** The same, with a multi-line touchpoint `quote` whose members are given. */
function touchpointStage(members: string, extra = ''): string {
    return stage(extra, `touchpoint quote "Renewal quote" {
            ${SERVES_ALL}
${members}
        }`);
}

const CLEAN = ws(journey(stage()));

/** Three stages, one touchpoint each (t_quote, t_pricing, t_call in stage order), and the given flows. */
function flowWorkspace(flows: string, before = ''): string {
    return ws(journey(`${before}    stage notice "Notice" {
        phase pre-purchase
        touchpoint t_quote "Renewal quote" { channel email evidence survey ${SERVES_ALL} }
    }
    stage research "Research" {
        phase pre-purchase
        touchpoint t_pricing "Pricing page" { channel web }
    }
    stage renew "Renew" {
        phase post-purchase
        touchpoint t_call "Renewal call" { channel phone }
    }
${flows}`));
}

/** A stage whose touchpoint `quote` has a KPI line (and, unless told otherwise, its survey as evidence). */
function KPI_STAGE(kpi: string, evidence = ' evidence survey'): string {
    return touchpointStage(`            channel email${evidence}\n            ${kpi}`);
}

/** The workspace with a source `survey_export` whose data is `file` (data/survey.csv: 61 rows), and a journey of `body`. */
function withExport(body: string, file = 'data/survey.csv', sample = '', header = HEADER): string {
    const source = `source survey_export "Survey export" survey 2026-10-01 ${sample}data "${file}"\n`;
    return `${source}${ws(journey(body || stage(), header))}`;
}

/** The workspace with interviews of a date, and a `state current` journey (unless `header` says otherwise) of `body`. */
function withOldSource(body: string, date: string, header = `${HEADER}\n    state current`, withCurrent = false): string {
    const source = `source old_interviews "Interviews" interview ${date}\n`;
    return `${source}${withCurrent ? ws(journey(stage()), journey(body, header, 'renewal_2027')) : ws(journey(body, header))}`;
}

// ---- Cases -----------------------------------------------------------------------------------------

type Locate = (text: string) => Range;

/** The whole word `word` on the first line containing `line`. */
const on = (line: string, word: string): Locate => text => rangeOnLine(text, line, word);
/** An exact piece of text (its first occurrence). */
const span = (needle: string): Locate => text => rangeOf(text, needle);

interface Case {
    text: string;
    /** Where the rule reports; empty: the rule is silent. */
    at: Locate[];
}

const fires = (text: string, ...at: Locate[]): Case => ({ text, at });
const silent = (text: string): Case => ({ text, at: [] });

interface RuleCases {
    /** The main firing case: also run configured `off`, configured `error` and suppressed. */
    main: Case;
    cases: Record<string, Case>;
}

const RULES: Record<string, RuleCases> = {
    'missing-trigger': {
        main: fires(ws(journey(stage(), HEADER.replace(/\n {4}trigger .*/, ''))), on('journey renewal', 'renewal')),
        cases: {
            'with a trigger: silent': silent(CLEAN),
            'an empty trigger still is one: silent': silent(ws(journey(stage(), HEADER.replace(/trigger ".*"/, 'trigger ""')))),
            'only the journey without a trigger is reported': fires(
                ws(journey(stage()), journey(stage(), HEADER.replace(/\n {4}trigger .*/, ''), 'upgrade')),
                on('journey upgrade', 'upgrade')),
            'a journey without persona line nor trigger: on its name': fires(
                ws(journey(stage(`        touchpoint extra "Extra" { channel web }\n`).replace(/ serves \w+/g, ''), '    owner success\n    reviewed 2026-11-01 every 90 days')),
                on('journey renewal', 'renewal')),
        },
    },
    'missing-post-purchase': {
        main: fires(ws(journey(stage().replace('phase post-purchase', 'phase pre-purchase'))), on('journey renewal', 'renewal')),
        cases: {
            'a post-purchase stage: silent': silent(CLEAN),
            'a stage called onboarding without the phase still fires': fires(
                ws(journey(stage().replace('    phase post-purchase\n', '').replace('stage notice "Notice"', 'stage onboarding "Onboarding"'))),
                on('journey renewal', 'renewal')),
            'purchase is not post-purchase': fires(ws(journey(stage().replace('phase post-purchase', 'phase purchase'))), on('journey renewal', 'renewal')),
            'a journey without stages': fires(ws(journey('')), on('journey renewal', 'renewal')),
            'the post-purchase stage need not be the last: silent': silent(ws(journey(`${stage()}
    stage research "Research" {
        phase pre-purchase
        touchpoint pricing "Pricing" { channel web }
    }`))),
        },
    },
    'emotion-out-of-range': {
        main: fires(ws(journey(touchpointStage('            channel email evidence survey\n            emotion 4 "Delighted"'))), on('emotion 4', '4')),
        cases: {
            'below -3': fires(ws(journey(touchpointStage('            channel email evidence survey\n            emotion -4'))), on('emotion -4', '-4')),
            'a decimal just above 3': fires(ws(journey(touchpointStage('            channel email evidence survey\n            emotion 3.5'))), on('emotion 3.5', '3.5')),
            'a signed +4': fires(ws(journey(touchpointStage('            channel email evidence survey\n            emotion +4'))), on('emotion +4', '+4')),
            '-3 and 3 are the ends of the scale: silent': silent(ws(journey(
                touchpointStage('            channel email evidence survey\n            emotion -3', '        touchpoint other "Other" { channel web evidence survey emotion 3 }\n')))),
            '0 and 2.5: silent': silent(ws(journey(
                touchpointStage('            channel email evidence survey\n            emotion 0', '        touchpoint other "Other" { channel web evidence survey emotion 2.5 }\n')))),
        },
    },
    'score-out-of-range': {
        main: fires(CLEAN.replace('importance 4', 'importance 6'), on('need fast_setup', '6')),
        cases: {
            'importance 0': fires(CLEAN.replace('importance 4', 'importance 0'), on('need fast_setup', '0')),
            'importance 1 and 5: silent': silent(CLEAN.replace('importance 4', 'importance 1')),
            'pain severity 6': fires(ws(journey(stage('        pain late "Quote arrives late" at quote severity 6\n        opportunity early "Send it earlier" for late\n'))),
                on('pain late', '6')),
            'pain severity 0': fires(ws(journey(stage('        pain late "Quote arrives late" at quote severity 0\n        opportunity early "Send it earlier" for late\n'))),
                on('pain late', '0')),
            'pain severity 1 and 5: silent': silent(ws(journey(stage('        pain late "Late" at quote severity 1\n        pain later "Later" at quote severity 5\n'
                + '        opportunity early "Send it earlier" for late, later\n')))),
            'value gap: our score 6': fires(ws(journey(`${stage()}\n    valuegap {\n        dark_mode us 6 acme 4\n    }`)), on('dark_mode us', '6')),
            'value gap: a competitor\'s score -1 and 5.5': fires(ws(journey(`${stage()}\n    valuegap {\n        dark_mode us 3 acme -1 globex 5.5\n    }`)),
                on('dark_mode us', '-1'), on('dark_mode us', '5.5')),
            'value gap: 0 and 5 are the ends: silent': silent(ws(journey(`${stage()}\n    valuegap {\n        dark_mode us 0 acme 5\n    }`))),
            'a computed nps in a 1..5 metric: on the aggregate': fires(withExport(KPI_STAGE('kpi csat from survey_export column "Recommend" as nps')), on('kpi csat', 'nps')),
            'a computed nps in a percent metric: on the aggregate': fires(withExport(KPI_STAGE('kpi conversion from survey_export column "Recommend" as nps')), on('kpi conversion', 'nps')),
            'a computed csat in a percent metric, an nps in a -100..100 scale: silent': silent(withExport(KPI_STAGE(
                'kpi conversion from survey_export column "Satisfied" as csat\n            kpi nps from survey_export column "Recommend" as nps'))),
            'a computed mean outside its metric\'s scale: on the aggregate': fires(withExport(KPI_STAGE('kpi csat from survey_export column "Recommend" as mean')), on('kpi csat', 'mean')),
            'KPI value above its metric\'s scale': fires(ws(journey(touchpointStage('            channel email evidence survey\n            kpi csat 6'))), on('kpi csat', '6')),
            'KPI target below its metric\'s scale': fires(ws(journey(touchpointStage('            channel email evidence survey\n            kpi csat 4 target 0'))),
                on('kpi csat', '0')),
            'KPI on a negative scale: -100 and 100 are fine, -101 is not': fires(ws(journey(touchpointStage(
                '            channel email evidence survey\n            kpi nps -100 target 100\n            kpi nps -101'))), on('kpi nps -101', '-101')),
            'percent metric: 0%..100% are fine, 101% and -1% are not': fires(ws(journey(touchpointStage(
                '            channel email evidence survey\n            kpi conversion 0% target 100%\n            kpi conversion 101% target -1%'))),
                on('kpi conversion 101%', '101%'), on('kpi conversion 101%', '-1%')),
            'percent metric: a plain number in 0..100 is fine': silent(ws(journey(touchpointStage('            channel email evidence survey\n            kpi conversion 3.1 target 5')))),
            'plan target outside the metric\'s scale': fires(ws(journey(`${stage()}\n    plan fix "Fix" {\n        target csat 7\n        target conversion 120%\n        target nps 50\n    }`)),
                on('target csat', '7'), on('target conversion', '120%')),
        },
    },
    'touchpoint-without-channel': {
        main: fires(ws(journey(stage().replace('{ channel email ', '{ '))), on('touchpoint quote', 'quote')),
        cases: {
            'with a channel: silent': silent(CLEAN),
            'a touchpoint without a block': fires(ws(journey(stage('        touchpoint bare "Bare"\n'))), on('touchpoint bare', 'bare')),
        },
    },
    'touchpoint-without-owner': {
        main: fires(ws(journey(stage(), HEADER.replace('\n    owner success', ''))), on('touchpoint quote', 'quote')),
        cases: {
            'the journey\'s owner covers its touchpoints: silent': silent(CLEAN),
            'its own owner, no journey owner: silent': silent(ws(journey(stage().replace('{ channel email ', '{ channel email owner sales '), HEADER.replace('\n    owner success', '')))),
            'an `owner` line after an opportunity in a touchpoint is the touchpoint\'s: silent': silent(ws(journey(
                touchpointStage('            channel email evidence survey\n            pain late "Late"\n            opportunity early "Early" for late\n            owner sales'),
                HEADER.replace('\n    owner success', '')))),
            'only the touchpoint without an owner is reported': fires(
                ws(journey(stage('        touchpoint call "Call" { channel phone owner sales }\n'), HEADER.replace('\n    owner success', ''))),
                on('touchpoint quote', 'quote')),
        },
    },
    'opportunity-without-owner': {
        main: fires(ws(journey(stage('        pain late "Quote arrives late" at quote\n        opportunity early "Send it earlier" for late\n'), HEADER.replace('\n    owner success', ''))).replace('{ channel email ', '{ channel email owner sales '), on('opportunity early', 'early')),
        cases: {
            'the journey\'s owner covers it: silent': silent(ws(journey(stage('        pain late "Quote arrives late" at quote\n        opportunity early "Send it earlier" for late\n')))),
            'its own owner: silent': silent(ws(journey(stage('        pain late "Quote arrives late" at quote\n        opportunity early "Send it earlier" for late owner sales\n'),
                HEADER.replace('\n    owner success', ''))).replace('{ channel email ', '{ channel email owner sales ')),
            'inside a touchpoint, the touchpoint\'s owner does not count': fires(
                ws(journey(touchpointStage('            channel email owner sales evidence survey\n            pain late "Late"\n            opportunity early "Send it earlier" for late'),
                    HEADER.replace('\n    owner success', ''))),
                on('opportunity early', 'early')),
            'inside a touchpoint, an `owner` line after it is the touchpoint\'s, not the opportunity\'s': fires(
                ws(journey(touchpointStage('            channel email evidence survey\n            pain late "Late"\n            opportunity early "Send it earlier" for late\n            owner sales'),
                    HEADER.replace('\n    owner success', ''))),
                on('opportunity early', 'early')),
            'inside a touchpoint, `owner` on the opportunity\'s line is its own: silent': silent(
                ws(journey(touchpointStage('            channel email owner sales evidence survey\n            pain late "Late"\n            opportunity early "Send it earlier" for late owner sales'),
                    HEADER.replace('\n    owner success', '')))),
            'inside a touchpoint, the journey\'s owner covers it: silent': silent(
                ws(journey(touchpointStage('            channel email evidence survey\n            pain late "Late"\n            opportunity early "Send it earlier" for late')))),
        },
    },
    'pain-without-opportunity': {
        main: fires(ws(journey(stage('        pain late "Quote arrives late" at quote\n'))), on('pain late', 'late')),
        cases: {
            'answered in the same stage: silent': silent(ws(journey(stage('        pain late "Quote arrives late" at quote\n        opportunity early "Send it earlier" for late\n')))),
            'answered from another stage and among several pains: silent': silent(ws(journey(`${stage('        pain late "Late" at quote\n        pain dear "Dear" at quote\n')}
    stage renew "Renew" {
        phase post-purchase
        touchpoint call "Call" { channel phone }
        opportunity early "Send it earlier" for dear, late
    }`))),
            'an opportunity for another pain does not count': fires(
                ws(journey(stage('        pain late "Late" at quote\n        pain dear "Dear" at quote\n        opportunity cheaper "Cheaper" for dear\n'))),
                on('pain late', 'late')),
            'a pain inside a touchpoint': fires(ws(journey(touchpointStage('            channel email evidence survey\n            pain late "Late"'))), on('pain late', 'late')),
            'a persona\'s pain lines are text: silent': silent(CLEAN),
        },
    },
    'unsupported-claim': {
        main: fires(ws(journey(touchpointStage('            channel email\n            emotion -1 "Annoyed"'))), on('emotion -1', 'emotion')),
        cases: {
            'touchpoint evidence covers its emotion: silent': silent(ws(journey(touchpointStage('            channel email evidence survey\n            emotion -1')))),
            'a pain in a stage without evidence nor `at`': fires(ws(journey(stage('        pain late "Late"\n        opportunity early "Early" for late\n'))), on('pain late', 'late')),
            'a pain with its own evidence: silent': silent(ws(journey(stage('        pain late "Late" evidence tickets\n        opportunity early "Early" for late\n')))),
            'a pain `at` a touchpoint with evidence: silent': silent(ws(journey(stage('        pain late "Late" at quote\n        opportunity early "Early" for late\n')))),
            'a pain `at` a touchpoint without evidence': fires(
                ws(journey(stage('        touchpoint call "Call" { channel phone }\n        pain late "Late" at call\n        opportunity early "Early" for late\n'))),
                on('pain late', 'late')),
            'a pain inside a touchpoint with evidence: silent': silent(ws(journey(touchpointStage('            channel email evidence survey\n            pain late "Late"',
                '        opportunity early "Early" for late\n')))),
            'a pain inside a touchpoint without evidence': fires(ws(journey(touchpointStage('            channel email\n            pain late "Late"',
                '        opportunity early "Early" for late\n'))), on('pain late', 'late')),
            'a KPI without source on a touchpoint without evidence: on the metric': fires(
                ws(journey(touchpointStage('            channel email\n            kpi csat 4'))), on('kpi csat', 'csat')),
            'a KPI\'s source is its evidence: silent': silent(ws(journey(touchpointStage('            channel email\n            kpi csat 4 source tickets')))),
            'touchpoint evidence covers its KPIs: silent': silent(ws(journey(touchpointStage('            channel email\n            kpi csat 4\n            evidence tickets')))),
            'emotion, KPI and pain at one unsupported touchpoint: three findings': fires(
                ws(journey(touchpointStage('            channel email\n            emotion 1\n            kpi csat 4',
                    '        pain late "Late" at quote\n        opportunity early "Early" for late\n'))),
                on('emotion 1', 'emotion'), on('kpi csat', 'csat'), on('pain late', 'late')),
            'a persona\'s pain lines are text: silent': silent(CLEAN),
            // Layout decides whose a trailing clause is inside a touchpoint (journey-facts.ts).
            'an `evidence` line after a pain in a touchpoint is the touchpoint\'s, and covers its emotion: silent': silent(
                ws(journey(touchpointStage('            channel email\n            emotion -1 "Annoyed"\n            pain late "Late"\n            evidence tickets',
                    '        opportunity early "Early" for late\n')))),
            'a pain\'s `evidence` on its own line is the pain\'s only: the emotion is unsupported': fires(
                ws(journey(touchpointStage('            channel email\n            emotion -1 "Annoyed"\n            pain late "Late" evidence tickets',
                    '        opportunity early "Early" for late\n'))),
                on('emotion -1', 'emotion')),
            'a pain in a stage keeps `evidence` on the next line: silent': silent(
                ws(journey(stage('        pain late "Late"\n            evidence tickets\n        opportunity early "Early" for late\n')))),
        },
    },
    'kpi-off-target': {
        main: fires(ws(journey(touchpointStage('            channel email evidence survey\n            kpi csat 3.8 target 4.2'))), on('kpi csat', 'csat')),
        cases: {
            'equal to its target: silent': silent(ws(journey(touchpointStage('            channel email evidence survey\n            kpi csat 4.2 target 4.2')))),
            'better than its target: silent': silent(ws(journey(touchpointStage('            channel email evidence survey\n            kpi csat 4.5 target 4.2')))),
            'no target: silent': silent(ws(journey(touchpointStage('            channel email evidence survey\n            kpi csat 1.5')))),
            'percentages': fires(ws(journey(touchpointStage('            channel email evidence survey\n            kpi conversion 3.1% target 5%'))), on('kpi conversion', 'conversion')),
            'lower is better: above the target is off': fires(
                ws(journey(touchpointStage('            channel email evidence survey\n            kpi wait_minutes 12 target 5'))), on('kpi wait_minutes', 'wait_minutes')),
            'lower is better: below or equal to the target is fine': silent(
                ws(journey(touchpointStage('            channel email evidence survey\n            kpi wait_minutes 3 target 5\n            kpi wait_minutes 5 target 5')))),
            'a negative scale': fires(ws(journey(touchpointStage('            channel email evidence survey\n            kpi nps -20 target 10'))), on('kpi nps', 'nps')),
            'a computed value below its target': fires(withExport(KPI_STAGE('kpi nps from survey_export column "Recommend" as nps target 90')), on('kpi nps', 'nps')),
            'a computed value above its target: silent': silent(withExport(KPI_STAGE('kpi nps from survey_export column "Recommend" as nps target -90'))),
        },
    },
    'data-unreadable': {
        main: fires(withExport(KPI_STAGE('kpi nps from survey_export column "Recomend" as nps')), span('"Recomend"')),
        cases: {
            'a column of the file: silent': silent(withExport(KPI_STAGE('kpi nps from survey_export column "Recommend" as nps'))),
            'a missing file: on its path': fires(withExport('', 'data/missing.csv'), span('"data/missing.csv"')),
            'a file that is not CSV: on its path': fires(withExport('', 'data/binary.csv'), span('"data/binary.csv"')),
            'a missing file is reported once, on the source, not on each KPI': fires(
                withExport(KPI_STAGE('kpi nps from survey_export column "Recommend" as nps'), 'data/missing.csv'), span('"data/missing.csv"')),
            'a `where` column the file does not have: on it': fires(
                withExport(KPI_STAGE('kpi nps from survey_export column "Recommend" as nps where "Segmnt" = "A"')), span('"Segmnt"')),
            'a source without `data`: on the source after `from`': fires(
                ws(journey(KPI_STAGE('kpi nps from survey column "Recommend" as nps'))), on('kpi nps from survey', 'survey')),
        },
    },
    'small-sample': {
        main: fires(withExport(KPI_STAGE('kpi nps from survey_export column "Recommend" as nps where "Segment" = "B"')), on('kpi nps', 'nps')),
        cases: {
            'exactly minSample answers: silent': silent(withExport(KPI_STAGE('kpi nps from survey_export column "Recommend" as nps where "Segment" = "A"'))),
            'every row: silent': silent(withExport(KPI_STAGE('kpi nps from survey_export column "Recommend" as nps'))),
            'empty cells are left out: one answer': fires(
                withExport(KPI_STAGE('kpi csat from survey_export column "Recommend" as count where "Segment" = "C"')), on('kpi csat', 'csat')),
            'a KPI written by hand: silent': silent(withExport(KPI_STAGE('kpi nps 20 source survey_export'))),
        },
    },
    'sample-mismatch': {
        main: fires(withExport('', 'data/survey.csv', 'sample 60 '), on('source survey_export', '60')),
        cases: {
            'the number of data rows: silent': silent(withExport('', 'data/survey.csv', 'sample 61 ')),
            'no sample written: silent': silent(withExport('')),
        },
    },
    'stale-evidence': {
        main: fires(withOldSource(touchpointStage('            channel email emotion 1 evidence old_interviews'), '2025-11-22'), on('emotion 1 evidence', 'old_interviews')),
        cases: {
            'exactly maxEvidenceAgeDays old: silent': silent(withOldSource(touchpointStage('            channel email emotion 1 evidence old_interviews'), '2025-11-23')),
            'a future-state journey: silent': silent(withOldSource(touchpointStage('            channel email emotion 1 evidence old_interviews'), '2025-11-22',
                `${HEADER}\n    state future of renewal`, true)),
            'a journey without a state line: silent': silent(withOldSource(touchpointStage('            channel email emotion 1 evidence old_interviews'), '2025-11-22', HEADER)),
            'a KPI\'s source and a pain\'s evidence': fires(
                withOldSource(touchpointStage('            channel email evidence survey\n            kpi csat 4 source old_interviews\n            pain slow "Slow" evidence old_interviews',
                    '        opportunity faster "Faster" for slow\n'), '2025-01-01'),
                on('kpi csat 4 source', 'old_interviews'), on('pain slow', 'old_interviews')),
        },
    },
    'claim-without-research': {
        main: fires(ws(journey(stage('', `touchpoint quote "Renewal quote" { channel email emotion 1 ${SERVES_ALL} }`), `${HEADER}\n    state current`)),
            on('journey renewal', 'renewal')),
        cases: {
            'one claim with evidence: silent': silent(ws(journey(touchpointStage('            channel email emotion 1 evidence survey',
                `        touchpoint call "Call" { channel phone emotion -1 }\n`), `${HEADER}\n    state current`))),
            'no claims at all: silent': silent(ws(journey(stage('', `touchpoint quote "Renewal quote" { channel email ${SERVES_ALL} }`), `${HEADER}\n    state current`))),
            'a journey without a state line: silent': silent(ws(journey(stage('', `touchpoint quote "Renewal quote" { channel email emotion 1 ${SERVES_ALL} }`)))),
            'a KPI computed from data is research': silent(withExport(KPI_STAGE('kpi nps from survey_export column "Recommend" as nps', ''), 'data/survey.csv', '', `${HEADER}\n    state current`)),
        },
    },
    'value-gap': {
        main: fires(ws(journey(`${stage()}\n    valuegap {\n        fast_setup us 2 acme 4\n    }`)), on('fast_setup us', 'fast_setup')),
        cases: {
            'a tie is not a gap: silent': silent(ws(journey(`${stage()}\n    valuegap {\n        clear_pricing us 3 acme 3\n    }`))),
            'importance below 4: silent': silent(ws(journey(`${stage()}\n    valuegap {\n        dark_mode us 1 acme 5\n    }`))),
            'no importance: silent': silent(ws(journey(`${stage()}\n    valuegap {\n        quiet us 1 acme 5\n    }`))),
            'ahead of every competitor: silent': silent(ws(journey(`${stage()}\n    valuegap {\n        clear_pricing us 5 acme 4 globex 2\n    }`))),
            'one finding per row, whichever competitor is ahead': fires(
                ws(journey(`${stage()}\n    valuegap {\n        clear_pricing us 3 acme 2 globex 4\n        fast_setup us 1 acme 2 globex 3\n    }`)),
                on('clear_pricing us', 'clear_pricing'), on('fast_setup us', 'fast_setup')),
            'a qualified need: on the whole name': fires(ws(journey(`${stage()}\n    valuegap {\n        olivia.clear_pricing us 2 acme 3\n    }`)),
                span('olivia.clear_pricing')),
        },
    },
    'unreachable-touchpoint': {
        main: fires(flowWorkspace('    flow t_quote -> t_call\n    flow t_pricing -> t_call'), on('touchpoint t_pricing', 't_pricing')),
        cases: {
            'no flows: the stage order reaches everything': silent(flowWorkspace('')),
            'a branch: silent': silent(flowWorkspace('    flow t_quote -> t_pricing -> t_call\n    flow t_quote -> t_call')),
            'a loop back: silent': silent(flowWorkspace('    flow t_quote -> t_pricing -> t_quote\n    flow t_pricing -> t_call')),
            'a skipped stage that nothing leads to': fires(flowWorkspace('    flow t_quote -> t_call'), on('touchpoint t_pricing', 't_pricing')),
            'the start is the first touchpoint in stage order, not the first flow': fires(
                flowWorkspace('    flow t_pricing -> t_quote -> t_call'), on('touchpoint t_pricing', 't_pricing')),
            'flows that never leave the first touchpoint: everything else': fires(flowWorkspace('    flow t_pricing -> t_call'),
                on('touchpoint t_pricing', 't_pricing'), on('touchpoint t_call', 't_call')),
            'an empty first stage: the start is the first touchpoint of the next': silent(flowWorkspace('    flow t_quote -> t_pricing -> t_call',
                '    stage intro "Intro" {\n        phase pre-purchase\n    }\n')),
        },
    },
    'dead-end': {
        main: fires(flowWorkspace('    flow t_quote -> t_pricing\n    flow t_quote -> t_call'), on('touchpoint t_pricing', 't_pricing')),
        cases: {
            'no flows: silent': silent(flowWorkspace('')),
            'the last in stage order may end the journey: silent': silent(flowWorkspace('    flow t_quote -> t_pricing -> t_call')),
            'a loop back leads on: silent': silent(flowWorkspace('    flow t_quote -> t_pricing -> t_quote\n    flow t_quote -> t_call')),
            'the last is the last in stage order, not the end of a flow': fires(flowWorkspace('    flow t_quote -> t_call -> t_pricing'),
                on('touchpoint t_pricing', 't_pricing')),
            'a touchpoint no flow mentions': fires(flowWorkspace('    flow t_quote -> t_call'), on('touchpoint t_pricing', 't_pricing')),
        },
    },
    'stale-map': {
        main: fires(CLEAN.replace('reviewed 2026-11-01 every 90 days', 'reviewed 2026-08-24 every 90 days'), on('reviewed 2026-08-24', 'reviewed')),
        cases: {
            'reviewed exactly `every` days ago: silent': silent(CLEAN.replace('reviewed 2026-11-01 every 90 days', 'reviewed 2026-08-25 every 90 days')),
            'no reviewed line: on the journey\'s name': fires(CLEAN.replace('\n    reviewed 2026-11-01 every 90 days', ''), on('journey renewal', 'renewal')),
            'reviewed without a period: silent': silent(CLEAN.replace('reviewed 2026-11-01 every 90 days', 'reviewed 2020-01-01')),
            'reviewed today: silent': silent(CLEAN.replace('reviewed 2026-11-01 every 90 days', 'reviewed 2026-11-23 every 1 days')),
            'one day over a one-day period': fires(CLEAN.replace('reviewed 2026-11-01 every 90 days', 'reviewed 2026-11-21 every 1 days'),
                on('reviewed 2026-11-21', 'reviewed')),
            'over a year boundary and a leap day': fires(CLEAN.replace('reviewed 2026-11-01 every 90 days', 'reviewed 2024-02-29 every 365 days'),
                on('reviewed 2024-02-29', 'reviewed')),
        },
    },
    'plan-overdue': {
        main: fires(ws(journey(`${stage()}\n    plan fix "Fix" {\n        due 2026-11-22\n        status doing\n    }`)), on('plan fix', 'fix')),
        cases: {
            'due today: silent': silent(ws(journey(`${stage()}\n    plan fix "Fix" {\n        due 2026-11-23\n        status doing\n    }`))),
            'no status means open': fires(ws(journey(`${stage()}\n    plan fix "Fix" {\n        due 2026-11-22\n    }`)), on('plan fix', 'fix')),
            'status open': fires(ws(journey(`${stage()}\n    plan fix "Fix" {\n        due 2025-12-31\n        status open\n    }`)), on('plan fix', 'fix')),
            'status done is never overdue': silent(ws(journey(`${stage()}\n    plan fix "Fix" {\n        due 2020-01-01\n        status done\n    }`))),
            'no due date: silent': silent(ws(journey(`${stage()}\n    plan fix "Fix" {\n        status open\n    }`))),
            'due in the future: silent': silent(ws(journey(`${stage()}\n    plan fix "Fix" {\n        due 2026-11-24\n    }`))),
        },
    },
    'future-without-current': {
        main: fires(ws(journey(stage()),
            journey(stage(), `${HEADER}\n    state future of renewal`, 'renewal_2027'),
            journey(stage(), `${HEADER}\n    state future of renewal_2027`, 'renewal_2028')),
        on('state future of renewal_2027', 'renewal_2027')),
        cases: {
            'future of a current state: silent': silent(ws(journey(stage(), `${HEADER}\n    state current`),
                journey(stage(), `${HEADER}\n    state future of renewal`, 'renewal_2027'))),
            'a journey without a state line is a current state: silent': silent(ws(journey(stage()),
                journey(stage(), `${HEADER}\n    state future of renewal`, 'renewal_2027'))),
            'future of itself': fires(ws(journey(stage(), `${HEADER}\n    state future of renewal`)), on('state future of', 'renewal')),
            'state current: silent': silent(ws(journey(stage(), `${HEADER}\n    state current`))),
            '`state future` without `of`: on `future`, and nothing else goes wrong': fires(ws(journey(stage(), `${HEADER}\n    state future`)),
                on('state future', 'future')),
        },
    },
    'unused-suppression': {
        main: fires(ws(journey(stage().replace('        touchpoint quote', '        // journey-disable-next-line touchpoint-without-channel\n        touchpoint quote'))),
            on('journey-disable-next-line', 'touchpoint-without-channel')),
        cases: {
            'a used suppression: silent, and the finding is gone': silent(ws(journey(stage()
                .replace('{ channel email ', '{ ')
                .replace('        touchpoint quote', '        // journey-disable-next-line touchpoint-without-channel\n        touchpoint quote')))),
            'an unknown rule': fires(ws(journey(stage().replace('        touchpoint quote', '        // journey-disable-next-line no-such-rule\n        touchpoint quote'))),
                on('journey-disable-next-line', 'no-such-rule')),
            'one of two ids unused: on that id': fires(ws(journey(stage()
                .replace('{ channel email ', '{ ')
                .replace('        touchpoint quote', '        // journey-disable-next-line touchpoint-without-channel, touchpoint-without-owner\n        touchpoint quote'))),
            on('journey-disable-next-line', 'touchpoint-without-owner')),
            'no ids and nothing to silence: on the whole comment': fires(ws(journey(stage().replace('        touchpoint quote', '        // journey-disable-next-line\n        touchpoint quote'))),
                span('// journey-disable-next-line')),
            'no ids silences every rule on the next line: silent': silent(ws(journey(stage()
                .replace('{ channel email ', '{ ')
                .replace('        touchpoint quote', '        // journey-disable-next-line\n        touchpoint quote')))),
            'a reason after -- is not a rule id: silent': silent(ws(journey(stage()
                .replace('{ channel email ', '{ ')
                .replace('        touchpoint quote', '        // journey-disable-next-line touchpoint-without-channel -- word of mouth\n        touchpoint quote')))),
        },
    },
};

/** Puts `// journey-disable-next-line RULE` (indented like the line) before each given 0-based line. */
function suppress(text: string, lines: readonly number[], ruleId: string): string {
    const all = text.split('\n');
    for (const line of [...new Set(lines)].sort((a, b) => b - a)) {
        const indent = /^[ \t]*/.exec(all[line])![0];
        all.splice(line, 0, `${indent}// journey-disable-next-line ${ruleId}`);
    }
    return all.join('\n');
}

const MATRIX_RULES = journeyRules.map(rule => rule.id).filter(id => !(CORE_RULES as readonly string[]).includes(id));

test('every rule of the registry after the first seven is in this matrix', () => {
    expect(Object.keys(RULES).sort()).toEqual([...MATRIX_RULES].sort());
});

test('the base workspace of the cases is silent', async () => {
    expect(summarize(await lint(CLEAN))).toEqual([]);
});

describe.each(Object.entries(RULES))('%s', (ruleId, { main, cases }) => {
    const rule = findRule(ruleId)!;
    const defaultSeverity = rule.defaultSeverity === 'error' ? 1 : rule.defaultSeverity === 'warning' ? 2 : 3;

    test('fires on the offending name or keyword, with its default severity', async () => {
        const diagnostics = await lint(main.text);
        const expected = main.at.map(locate => locate(main.text)).sort(byPosition);
        expect(rangesOf(diagnostics, ruleId), summarize(diagnostics).join('\n')).toEqual(expected);
        expect(of(diagnostics, ruleId).map(d => d.severity)).toEqual(expected.map(() => defaultSeverity));
        expect(of(diagnostics, ruleId).every(d => d.source === 'journey' && d.message.length > 20)).toBe(true);
    });

    test('the same ranges in a CRLF file', async () => {
        const text = main.text.replace(/\n/g, '\r\n');
        const diagnostics = await lint(text);
        expect(rangesOf(diagnostics, ruleId)).toEqual(main.at.map(locate => locate(text)).sort(byPosition));
    });

    test.each(Object.entries(cases))('%s', async (_name, { text, at }) => {
        const diagnostics = await lint(text);
        expect(rangesOf(diagnostics, ruleId), summarize(diagnostics).join('\n')).toEqual(at.map(locate => locate(text)).sort(byPosition));
    });

    test('configured off: silent', async () => {
        expect(of(await lint(main.text, { [ruleId]: 'off' }), ruleId)).toEqual([]);
    });

    test('configured error: severity 1, same findings', async () => {
        const diagnostics = of(await lint(main.text, { [ruleId]: 'error' }), ruleId);
        expect(diagnostics.map(d => d.range)).toEqual(main.at.map(locate => locate(main.text)).sort(byPosition));
        expect(diagnostics.map(d => d.severity)).toEqual(diagnostics.map(() => ERROR));
    });

    test('suppressed on the line before: silent, and the suppression counts as used', async () => {
        const lines = main.at.map(locate => locate(main.text).start.line);
        const text = suppress(main.text, lines, ruleId);
        const diagnostics = await lint(text);
        expect(summarize(of(diagnostics, ruleId))).toEqual([]);
        expect(summarize(of(diagnostics, 'unused-suppression'))).toEqual([]);
    });
});

describe('details of the rules that the matrix does not show', () => {
    test('data-unreadable lists the file\'s columns and says which one was meant', async () => {
        const [finding] = of(await lint(withExport(KPI_STAGE('kpi nps from survey_export column "Recomend" as nps'))), 'data-unreadable');
        expect(finding.message).toBe('The data file data/survey.csv has no column "Recomend": did you mean "Recommend"? Its columns: "Segment", "Recommend", "Satisfied".');
        const [missing] = of(await lint(withExport('', 'data/missing.csv')), 'data-unreadable');
        expect(missing.message).toMatch(/^Cannot read the data file "data\/missing\.csv" of source `survey_export`: there is no such file\./);
        const [binary] = of(await lint(withExport('', 'data/binary.csv')), 'data-unreadable');
        expect(binary.message).toContain('it is not a CSV file (it holds binary data)');
    });

    test('small-sample and kpi-off-target quote the computed value and its n', async () => {
        const diagnostics = await lint(withExport(KPI_STAGE('kpi nps from survey_export column "Recommend" as nps where "Segment" = "C" target 90')));
        // Segment C: one empty answer, one 10: n = 1, NPS 100... on target; C has only promoters.
        expect(of(diagnostics, 'small-sample').map(d => d.message)).toEqual(['KPI `nps` rests on 1 answer after its `where` filters, fewer than 30: read it as a signal, not a measure, and say so, or gather more answers.']);
        expect(of(diagnostics, 'kpi-off-target')).toEqual([]);
        const off = await lint(withExport(KPI_STAGE('kpi nps from survey_export column "Recommend" as nps where "Segment" = "B" target 90')));
        // Segment B: 9, 7, 2 repeated (29 answers: 10 nines, 10 sevens, 9 twos): (10 − 9) / 29 = 3.45.
        expect(of(off, 'kpi-off-target').map(d => d.message)[0]).toMatch(/^KPI `nps` is off target: 3\.45 \(computed from 29 answers\) against a target of 90/);
    });

    test('a `state future of` a missing journey is both an unresolved reference and future-without-current, on the name', async () => {
        const text = ws(journey(stage(), `${HEADER}\n    state future of renewl_today`));
        const diagnostics = await lint(text);
        const at = rangeOnLine(text, 'state future of', 'renewl_today');
        expect(rangesOf(diagnostics, 'unresolved-reference')).toEqual([at]);
        expect(rangesOf(diagnostics, 'future-without-current')).toEqual([at]);
    });

    test('a suppression silences only the next line, not the one after a blank line', async () => {
        const text = ws(journey(stage().replace('{ channel email ', '{ ')
            .replace('        touchpoint quote', '        // journey-disable-next-line touchpoint-without-channel\n\n        touchpoint quote')));
        const diagnostics = await lint(text);
        expect(rangesOf(diagnostics, 'touchpoint-without-channel')).toEqual([rangeOnLine(text, 'touchpoint quote', 'quote')]);
        expect(rangesOf(diagnostics, 'unused-suppression')).toEqual([rangeOnLine(text, 'journey-disable-next-line', 'touchpoint-without-channel')]);
    });

    test('a suppression silences only the rules it names', async () => {
        const text = ws(journey(stage().replace('{ channel email ', '{ ')
            .replace('        touchpoint quote', '        // journey-disable-next-line touchpoint-without-owner\n        touchpoint quote'), HEADER.replace('\n    owner success', '')));
        const diagnostics = await lint(text);
        expect(rangesOf(diagnostics, 'touchpoint-without-channel')).toEqual([rangeOnLine(text, 'touchpoint quote', 'quote')]);
        expect(of(diagnostics, 'touchpoint-without-owner')).toEqual([]);
        expect(of(diagnostics, 'unused-suppression')).toEqual([]);
    });

    test('a suppression of a rule configured off is not reported as unused', async () => {
        const text = RULES['unused-suppression'].main.text;
        expect(of(await lint(text, { 'touchpoint-without-channel': 'off' }), 'unused-suppression')).toEqual([]);
    });

    test('an unknown rule in a suppression says so', async () => {
        const { text } = RULES['unused-suppression'].cases['an unknown rule'];
        const [diagnostic] = of(await lint(text), 'unused-suppression');
        expect(diagnostic.message).toMatch(/Unknown rule `no-such-rule`/);
    });

    test('the unused-suppression fix keeps the ids still in use and the reason', async () => {
        const text = ws(journey(stage().replace('{ channel email ', '{ ')
            .replace('        touchpoint quote', '        // journey-disable-next-line no-such-rule, touchpoint-without-channel -- word of mouth\n        touchpoint quote')));
        const [finding] = of(await lint(text), 'unused-suppression');
        const fixed = TextDocument.applyEdits(TextDocument.create('file:///ws/a.journey', 'journey', 0, text), (finding.data as FindingData).fixes![0].edits);
        expect(fixed).toContain('        // journey-disable-next-line touchpoint-without-channel -- word of mouth\n        touchpoint quote');
        expect(summarize(await lint(fixed))).toEqual([]);
    });

    test('the KPI rules name the metric of the KPI line, not its declaration', async () => {
        const { text } = RULES['kpi-off-target'].main;
        const [diagnostic] = of(await lint(text), 'kpi-off-target');
        expect(diagnostic.message).toContain('3.8');
        expect(diagnostic.message).toContain('4.2');
    });

    test('plan-overdue says how late the plan is', async () => {
        const [diagnostic] = of(await lint(RULES['plan-overdue'].cases['status open'].text), 'plan-overdue');
        expect(diagnostic.message).toContain('327 days');
    });

    test('stale-map says how old the map is', async () => {
        const [diagnostic] = of(await lint(RULES['stale-map'].main.text), 'stale-map');
        expect(diagnostic.message).toContain('91 days');
    });
});

// ---- Quick fixes -----------------------------------------------------------------------------------

/** Every case that reports something, plus an unresolved reference (its fix renames to a close match). */
const FIX_CASES: Array<[string, string]> = [
    ...Object.entries(RULES).flatMap(([ruleId, { main, cases }]) => [
        [`${ruleId}: main`, main.text] as [string, string],
        ...Object.entries(cases).filter(([, c]) => c.at.length > 0).map(([name, c]) => [`${ruleId}: ${name}`, c.text] as [string, string]),
    ]),
    ['unresolved-reference: a misspelt channel', CLEAN.replace('{ channel email ', '{ channel emial ')],
    ['syntax: a misspelt member keyword', CLEAN.replace('    pain "Past tools', '    pian "Past tools')],
    ['unused-suppression: two unused ids', RULES['unused-suppression'].main.text.replace('touchpoint-without-channel', 'touchpoint-without-channel, touchpoint-without-owner')],
    ['unused-suppression: a trailing comment', CLEAN.replace(`${SERVES_ALL} }`, `${SERVES_ALL} } // journey-disable-next-line dead-end`)],
    ['missing-trigger: a one-line journey', `${SHARED}\njourney renewal "R" { persona olivia owner success reviewed 2026-11-01 every 90 days ${stage().replace(/\s+/g, ' ')} }\n`],
    ['missing-trigger, missing-post-purchase, stale-map: an empty journey', `${SHARED}\njourney renewal "R" {\n}\n`],
    ['missing-post-purchase: the name onboarding is taken', ws(journey(stage().replace('phase post-purchase', 'phase purchase')
        .replace('touchpoint quote', 'touchpoint welcome').replace('stage notice "Notice"', 'stage onboarding "Onboarding"')))],
    ['stale-map: no reviewed line, and no owner, state or trigger to put it after', ws(journey(stage(), '    persona olivia'))],
    ['pain-without-opportunity: a pain in a one-line touchpoint, improve_late taken', ws(journey(stage(
        '        touchpoint improve_late "Other" { channel web }\n', `touchpoint quote "Quote" { channel email evidence survey ${SERVES_ALL} pain late "Late" }`)))],
    ['unused-suppression: with a reason', RULES['unused-suppression'].main.text.replace('touchpoint-without-channel', 'touchpoint-without-channel -- added by hand')],
    ['unused-suppression: an unknown and an unused id', RULES['unused-suppression'].main.text.replace('touchpoint-without-channel', 'no-such-rule touchpoint-without-channel')],
    ['stage-without-touchpoints: an empty stage', ws(journey(`${stage()}\n    stage research "Research" {\n        phase pre-purchase\n    }`))],
    ['stage-without-touchpoints: an empty one-line stage', ws(journey(`${stage()}\n    stage research "Research" { phase pre-purchase }`))],
    ['persona-without-needs: a persona with no need', `${CLEAN}\npersona ben "Ben, Buyer" {\n    goal "Spend less"\n}\n`],
    ['persona-without-needs: an empty one-line persona', `${CLEAN}\npersona ben "Ben, Buyer" { }\n`],
    ['need-not-served: a multi-line touchpoint', ws(journey(touchpointStage('            channel email').replace(' serves quiet', '')))],
    ['need-not-served: a one-line touchpoint', CLEAN.replace(' serves quiet', '')],
    ['need-not-served: a touchpoint without a body', ws(journey(stage('', 'touchpoint quote "Renewal quote"')))],
    ['duplicate-name: a second team of a workspace name, `_2` taken', `${CLEAN}\nteam success_2 "Success two"\nteam success "Success again"\n`],
    ['sample-mismatch: the sample set to the data file\'s rows', `source survey_export "Survey export" survey 2026-10-01 sample 60 data "data/survey.csv"\n${CLEAN}`],
    ['duplicate-name: two touchpoints of one name in a journey', ws(journey(stage('        touchpoint quote "Quote again" { channel email }\n')))],
];

function count(diagnostics: readonly Diagnostic[], target: Diagnostic): number {
    return diagnostics.filter(d => d.code === target.code && d.message === target.message).length;
}

describe.each([['LF', '\n'], ['CRLF', '\r\n']])('quick fixes in %s files', (_name, eol) => {
    test.each(FIX_CASES)('%s', async (_case, lfText) => {
        const text = lfText.replace(/\n/g, eol);
        const before = await lint(text);
        const fixable = before.filter(d => ((d.data as FindingData | undefined)?.fixes ?? []).length > 0);
        for (const diagnostic of fixable) {
            const data = diagnostic.data as FindingData;
            const rule = findRule(String(diagnostic.code));
            expect(data.ruleId).toBe(diagnostic.code);
            // `journey lint --fix` applies exactly the fixes of the rules the registry calls safe.
            expect(data.safeFix ?? false, `safeFix of ${diagnostic.code}`).toBe(rule?.fix?.safe ?? false);
            const fix = data.fixes![0];
            expect(fix.title.length).toBeGreaterThan(5);
            for (const edit of fix.edits) {
                // The file's own line ends: no bare \n in a CRLF file, no \r in an LF file.
                expect(eol === '\r\n' ? /(?<!\r)\n/.test(edit.newText) : edit.newText.includes('\r'), JSON.stringify(edit.newText)).toBe(false);
            }
            const fixed = TextDocument.applyEdits(TextDocument.create('file:///ws/a.journey', 'journey', 0, text), fix.edits);
            const after = await lint(fixed);
            const report = `${diagnostic.code}: ${fix.title}\n${fixed}\n${summarize(after).join('\n')}`;
            expect(summarize(of(after, 'syntax')), report).toEqual([]);
            expect(count(after, diagnostic), report).toBe(count(before, diagnostic) - 1);
            const newErrors = after.filter(d => d.severity === ERROR && count(before, d) < count(after, d));
            expect(summarize(newErrors), report).toEqual([]);
        }
    });

    test('the rules that declare a quick fix carry one in their findings', async () => {
        for (const [ruleId, { main }] of Object.entries(RULES)) {
            if (!findRule(ruleId)?.fix) {
                continue;
            }
            const findings = of(await lint(main.text.replace(/\n/g, eol)), ruleId);
            expect(findings.length, ruleId).toBeGreaterThan(0);
            for (const finding of findings) {
                expect((finding.data as FindingData).fixes?.length ?? 0, ruleId).toBeGreaterThan(0);
            }
        }
    });
});

test('the quick-fix cases exercise the fixes of every rule that declares one, and the renames of unresolved-reference', async () => {
    const fixed = new Set<string>();
    for (const [, text] of FIX_CASES) {
        for (const diagnostic of await lint(text)) {
            if (((diagnostic.data as FindingData | undefined)?.fixes ?? []).length > 0) {
                fixed.add(String(diagnostic.code));
            }
        }
    }
    const declared = journeyRules.filter(rule => rule.fix).map(rule => rule.id);
    expect([...fixed].sort()).toEqual([...declared].sort());
});
