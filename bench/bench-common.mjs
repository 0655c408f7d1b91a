// What the benches of issue 16 share (bench/server-bench.mjs, bench/lint-bench.mjs,
// bench/preview-edit-bench.mjs, bench/lsp-bench.mjs): the generated inputs and the statistics.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateJourney } from './generate-journey.mjs';

/**
 * lsp-bench's large map: shared declarations in one text, one journey of `touchpoints` touchpoints in
 * `stages` stages in another (2,000 touchpoints: 693 KB).
 */
export function generateLargeJourney(touchpoints = 2000, stages = 40) {
    const shared = [
        ...Array.from({ length: 8 }, (_, i) => `team team_${i} "Team ${i}"`),
        ...Array.from({ length: 12 }, (_, i) => `channel channel_${i} "Channel ${i}" ${i % 2 ? 'online' : 'offline'}`),
        ...Array.from({ length: 10 }, (_, i) => `metric metric_${i} "Metric ${i}" ${i % 3 ? 'percent' : 'scale 1 to 5'}${i % 4 === 0 ? ' lower is better' : ''}`),
        ...Array.from({ length: 6 }, (_, i) => `source source_${i} "Source ${i}" survey 2026-0${(i % 9) + 1}-15 sample ${100 + i}`),
        'competitor acme "AcmeOps"',
        'competitor bolt "BoltCRM"',
        ...Array.from({ length: 5 }, (_, p) => [
            `persona persona_${p} "Persona ${p}" {`,
            `    goal "Goal of persona ${p}"`,
            ...Array.from({ length: 8 }, (_, n) => `    need need_${p}_${n} "Need ${n} of persona ${p}" importance ${(n % 5) + 1}`),
            '}',
        ].join('\n')),
    ].join('\n') + '\n';
    const lines = ['journey big "A very large journey" {', '    persona persona_0, persona_1, persona_2', '    trigger "Something happened"',
        '    state current', '    owner team_0', '    reviewed 2026-11-01 every 90 days', ''];
    const perStage = Math.ceil(touchpoints / stages);
    let n = 0;
    for (let s = 0; s < stages && n < touchpoints; s++) {
        lines.push(`    stage stage_${s} "Stage ${s}" {`, `        phase ${s < stages / 3 ? 'pre-purchase' : s < stages / 2 ? 'purchase' : 'post-purchase'}`);
        for (let t = 0; t < perStage && n < touchpoints; t++, n++) {
            lines.push(
                `        touchpoint tp_${n} "Touchpoint ${n}" {`,
                `            channel channel_${n % 12}`,
                `            owner team_${n % 8}`,
                `            action "Does thing ${n}"`,
                `            emotion ${(n % 7) - 3} "Feeling ${n}"`,
                `            serves need_${n % 3}_${n % 8}`,
                n % 5 === 0 ? `            kpi metric_${n % 10} ${(n % 5) + 1} target 4 source source_${n % 6}` : `            evidence source_${n % 6}`,
                '        }',
            );
            if (n % 10 === 0) {
                lines.push(`        pain pain_${n} "Pain at ${n}" at tp_${n} severity ${(n % 5) + 1}`,
                    `        opportunity opp_${n} "Fix ${n}" for pain_${n} owner team_${n % 8}`);
            }
        }
        lines.push('    }', '');
    }
    lines.push(`    flow ${Array.from({ length: Math.min(n, 200) }, (_, i) => `tp_${i}`).join(' -> ')}`, '}', '');
    return { shared, journey: lines.join('\n') };
}

/** The line and character just after `needle` + `delta` characters in `text`. */
export function positionIn(text, needle, delta = 0) {
    const offset = text.indexOf(needle);
    if (offset < 0) {
        throw new Error(`not in the text: ${needle}`);
    }
    const before = text.slice(0, offset + delta).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

/**
 * A workspace as size-bench makes it: files of generated journeys (bench/generate-journey.mjs, 500
 * touchpoints, ~201 KB each), the shared declarations (teams, channels, metrics, the persona) once, in
 * the first file, the others journeys only. `megabytes` of 10^6 bytes, rounded to whole files.
 * Returns the files' paths and their size in bytes.
 */
export function writeWorkspace(folder, megabytes, options = {}) {
    mkdirSync(folder, { recursive: true });
    const sample = generateJourney({ name: 'journey_0', seed: 1, ...options }).text.length;
    const count = Math.max(1, Math.round((megabytes * 1e6) / sample));
    const files = [];
    let bytes = 0;
    for (let i = 0; i < count; i++) {
        const { text } = generateJourney({ name: `journey_${i}`, seed: i + 1, ...options });
        const own = i === 0 ? text : text.slice(text.indexOf('\njourney ') + 1);
        const file = path.join(folder, `journey-${String(i).padStart(3, '0')}.journey`);
        writeFileSync(file, own);
        files.push(file);
        bytes += Buffer.byteLength(own);
    }
    return { folder, files, bytes };
}

/** The repository's root, and the real CLI the benches run as a child process. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const JOURNEY = path.join(ROOT, 'packages/cli/bin/journey.cjs');
/** A module of the build (`npm run build`), by its path from the repository's root. */
export const builtModule = file => import(pathToFileURL(path.join(ROOT, file)).href);

/** The options every bench takes: --quick (development only: fewer runs), --runs N (default 5, 2 with --quick). */
export function benchOptions(argv = process.argv.slice(2)) {
    const quick = argv.includes('--quick');
    const at = argv.indexOf('--runs');
    return { quick, runs: at >= 0 ? Math.max(1, Number(argv[at + 1])) : quick ? 2 : 5 };
}

/**
 * A runner of node child processes that says each one's wall time (ms), peak RSS (bytes: Node's own
 * count, written at exit by a --require hook in `scratch`, so it works wherever Node runs, unlike GNU
 * time), stdout and exit code. Exit 0 and 1 are results (lint's clean and dirty); any other ends the
 * bench, named `bench` in the message.
 */
export function peakRssRunner(scratch, bench) {
    const hook = path.join(scratch, 'peak-rss.cjs');
    const rssFile = path.join(scratch, 'peak-rss');
    writeFileSync(hook, "process.on('exit', () => require('fs').writeFileSync(process.env.JOURNEY_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS * 1024)));\n");
    return (name, nodeArgs, cwd = scratch) => {
        rmSync(rssFile, { force: true });
        const started = performance.now();
        const result = spawnSync(process.execPath, ['--require', hook, ...nodeArgs], {
            cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, JOURNEY_PEAK_RSS_FILE: rssFile },
        });
        const ms = performance.now() - started;
        if (result.status !== 0 && result.status !== 1) {
            console.error(`${bench}: ${name} failed (${result.status ?? result.signal}): ${result.stderr.slice(0, 2000)}`);
            process.exit(1);
        }
        return { ms, rss: Number(readFileSync(rssFile, 'utf8')), stdout: result.stdout, status: result.status };
    };
}

/** Answers what the language server asks of its client as an editor with no settings would (configuration, registrations, progress). */
export function answerServerRequests(connection) {
    connection.onRequest('workspace/configuration', params => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
}

export const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** The 95th percentile, nearest rank. */
export const p95 = values => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(0.95 * values.length) - 1)];
/** "median unit (min–max)". */
export const spread = (values, unit = 'ms', digits = 0) =>
    `${median(values).toFixed(digits)} ${unit} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
export const verdict = (ratio, goal) => `goal ≤ ${goal} ×: ${ratio <= goal ? 'met' : 'not met'}`;
/** One result line: `  <measure>: <value> (min–max) = <ratio> × <baseline>  goal ≤ X ×: met|not met`. */
export const resultLine = (measure, value, ratio, baseline, goal) =>
    `  ${measure}: ${value} = ${ratio.toFixed(2)} × ${baseline}  ${verdict(ratio, goal)}`;
