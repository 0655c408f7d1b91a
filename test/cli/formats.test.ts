import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { journeyRules } from '@journey/language';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../packages/cli/src/formatters/github-formatter.js';
import { journeyInProcess } from '../support/journey-in-process.js';
import { scratchWorkspaces, TempWorkspace } from '../support/journey-process.js';
import { RENEWAL_WITH_PROBLEMS, RENEWAL_WITH_WARNINGS } from './format-fixtures.js';

const workspace = scratchWorkspaces();

/** "today" is fixed so that date rules cannot change the output between runs. */
const TODAY = ['--today', '2026-01-15'];
const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;

interface JsonMessage { ruleId: string; severity: 0 | 1 | 2; message: string; line: number; column: number; endLine: number; endColumn: number }
interface JsonResult { filePath: string; messages: JsonMessage[]; errorCount: number; warningCount: number }

interface SarifLocation { uri: string; uriBaseId?: string; index?: number }
interface SarifResult {
    ruleId: string;
    ruleIndex?: number;
    level: string;
    message: { text: string };
    locations: Array<{ physicalLocation: { artifactLocation: SarifLocation; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
}
interface SarifRule { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }
interface SarifRun {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    artifacts: Array<{ location: SarifLocation }>;
    results: SarifResult[];
}
interface SarifLog { $schema: string; version: string; runs: SarifRun[] }

const LEVELS = { 2: 'error', 1: 'warning', 0: 'note' } as const;
const RULE_LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;

/*
 * This file's own maps (the shared fixtures are kept free of problems other tests do not expect;
 * these need all three severities). Which rules fire beyond the ones named is not assumed: every
 * check compares the formats with each other.
 */

/** A need title with `%`, `,`, `:` and a line break, which the need-not-served message quotes. */
const PERSONAS = `team success "Customer Success"
channel email "Email" online

persona olivia "Olivia, Operations Manager" {
    need clear_pricing "Know the total cost" importance 5
    need fast_setup "Live in 1 week,
100% set up: really" importance 4
}
`;


/** A folder whose name has `,`, `:` and a space. */
const ODD_FOLDER = 'q3, 2026: plans';

/**
 * The official SARIF 2.1.0 schema as @microsoft/jest-sarif ships it (sarif-2.1.0-rtm.5.json, the
 * schema the OASIS SARIF TC published with 2.1.0). It is written in JSON Schema draft-04, which Ajv 8
 * does not load as such; its keywords mean the same in draft-07 except `id`, so that one is renamed.
 */
function loadSarifValidator(): ValidateFunction {
    const schemaFile = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const { $schema, id, ...schema } = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
    expect($schema).toBe('http://json-schema.org/draft-04/schema#');
    // Not strict: draft-04 has no `$id` rules for Ajv to enforce. No `u` flag on patterns: rtm.5's
    // `language` pattern has a lone `]` (fixed in the errata), which only plain ECMAScript regexps allow.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    // ajv-formats is CommonJS: under NodeNext its default import is `module.exports`, whose `default` is the plugin.
    addFormatsModule.default(ajv);
    expect(id).toMatch(/sarif-2\.1\.0-rtm\.5\.json$/);
    return ajv.compile({ ...schema, $id: String(id) });
}

async function lintJson(root: string, extra: readonly string[] = []): Promise<JsonResult[]> {
    const run = await journeyInProcess(['lint', '--format', 'json', ...TODAY, ...extra], root);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as JsonResult[];
}

async function lintSarif(cwd: string, extra: readonly string[] = []): Promise<{ log: SarifLog; stdout: string; status: number | null }> {
    const run = await journeyInProcess(['lint', '--format', 'sarif', ...TODAY, ...extra], cwd);
    expect(run.stderr).toBe('');
    return { log: JSON.parse(run.stdout) as SarifLog, stdout: run.stdout, status: run.status };
}

function posixRelative(root: string, filePath: string): string {
    return path.relative(root, filePath).split(path.sep).join('/');
}

/** The problems of a JSON run, flattened to what SARIF and the GitHub lines also say. */
function expectedProblems(root: string, results: readonly JsonResult[]) {
    return results.flatMap(result => result.messages.map(message => ({
        file: posixRelative(root, result.filePath),
        ruleId: message.ruleId,
        severity: message.severity,
        message: message.message,
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
    })));
}

describe('journey lint --format sarif', () => {
    let validate: ValidateFunction;
    beforeAll(() => {
        validate = loadSarifValidator();
    });

    function expectValid(log: SarifLog): void {
        const valid = validate(log);
        expect(validate.errors ?? [], JSON.stringify(validate.errors, undefined, 2)).toEqual([]);
        expect(valid).toBe(true);
    }

    it('the schema check itself rejects logs that break SARIF', async () => {
        expect(validate({ version: '2.1.0', runs: [{}] })).toBe(false);
        expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
        // Formats are checked too: an artifact URI must be a URI reference.
        const withUri = (uri: string) => ({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, artifacts: [{ location: { uri } }] }] });
        expect(validate(withUri('maps/renewal.journey'))).toBe(true);
        expect(validate(withUri('maps/q3 plans.journey'))).toBe(false);
        expect(validate({
            version: '2.1.0',
            runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'info' }] }],
        })).toBe(false);
    });

    it('writes a valid SARIF 2.1.0 log: one run, every registry rule, the same problems as the JSON output', async () => {
        const ws = workspace({ 'shared/personas.journey': PERSONAS, [`${ODD_FOLDER}/renewal.journey`]: RENEWAL_WITH_PROBLEMS, 'warnings.journey': RENEWAL_WITH_WARNINGS.replace('journey renewal', 'journey renewal_two') });
        const root = realpathSync(ws.root);
        const { log, stdout, status } = await lintSarif(ws.root);
        expect(status).toBe(1);
        expectValid(log);

        // Pretty-printed with two spaces, a trailing newline; byte-identical across runs.
        expect(stdout).toBe(`${JSON.stringify(log, undefined, 2)}\n`);
        expect((await lintSarif(ws.root)).stdout).toBe(stdout);

        expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
        expect(log.version).toBe('2.1.0');
        expect(log.runs).toHaveLength(1);
        const [run] = log.runs;
        const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
        expect(run.tool.driver).toMatchObject({ name: 'journey', version: packageVersion, informationUri: 'https://github.com/journey-maps/journey' });

        // Every rule of the registry, in its order, with its description, level and doc page.
        expect(run.tool.driver.rules).toEqual(journeyRules.map(rule => ({
            id: rule.id,
            shortDescription: { text: rule.description },
            helpUri: `https://github.com/journey-maps/journey/blob/main/docs/rules/${rule.id}.md`,
            defaultConfiguration: { level: RULE_LEVELS[rule.defaultSeverity] },
        })));

        // Relative locations against %SRCROOT%, which is the working directory.
        expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(root).href}/` } });
        const files = ['q3%2C%202026%3A%20plans/renewal.journey', 'shared/personas.journey', 'warnings.journey'];
        expect(run.artifacts).toEqual(files.map(uri => ({ location: { uri, uriBaseId: '%SRCROOT%' } })));

        // The same problems as `--format json --info` (SARIF always carries info, as `note`).
        const json = await lintJson(ws.root, ['--info']);
        const expected = expectedProblems(root, json);
        expect(expected.some(problem => problem.severity === 0)).toBe(true);
        expect(expected.some(problem => problem.severity === 1)).toBe(true);
        expect(expected.some(problem => problem.severity === 2)).toBe(true);
        expect(expected.some(problem => problem.message.includes('100% set up: really'))).toBe(true);
        const actual = run.results.map(result => {
            expect(result.locations).toHaveLength(1);
            const { artifactLocation, region } = result.locations[0].physicalLocation;
            expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
            expect(artifactLocation.uri).not.toMatch(/^(file:|\/)|\\/);
            expect(run.artifacts[artifactLocation.index ?? -1].location.uri).toBe(artifactLocation.uri);
            expect(run.tool.driver.rules[result.ruleIndex ?? -1].id).toBe(result.ruleId);
            return {
                file: artifactLocation.uri.split('/').map(decodeURIComponent).join('/'),
                ruleId: result.ruleId,
                severity: ({ error: 2, warning: 1, note: 0 } as const)[result.level as 'error' | 'warning' | 'note'],
                message: result.message.text,
                line: region.startLine,
                column: region.startColumn,
                endLine: region.endLine,
                endColumn: region.endColumn,
            };
        });
        expect(actual).toEqual(expected);
        expect(run.results.map(result => result.level)).toEqual(expected.map(problem => LEVELS[problem.severity]));
    });

    it('leaves info and warnings out with --quiet, and writes a valid log for a clean workspace', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        const quiet = (await lintSarif(ws.root, ['--quiet'])).log;
        expectValid(quiet);
        expect(quiet.runs[0].results.length).toBeGreaterThan(0);
        expect(quiet.runs[0].results.every(result => result.level === 'error')).toBe(true);
        expect(quiet.runs[0].tool.driver.rules.map(rule => rule.id)).toEqual(journeyRules.map(rule => rule.id));

        const clean = workspace({ 'personas.journey': PERSONAS });
        const { log, status } = await lintSarif(clean.root);
        expect(status).toBe(0);
        expectValid(log);
        expect(log.runs[0].results).toEqual([]);
        expect(log.runs[0].artifacts).toEqual([{ location: { uri: 'personas.journey', uriBaseId: '%SRCROOT%' } }]);
    });

    it('names files outside the working directory by absolute file URIs', async () => {
        const ws = workspace({ 'maps/personas.journey': PERSONAS, 'maps/renewal.journey': RENEWAL_WITH_PROBLEMS, 'elsewhere/readme.txt': 'x' });
        const root = realpathSync(ws.root);
        const { log } = await lintSarif(ws.path('elsewhere'), ['../maps']);
        expectValid(log);
        expect(log.runs[0].artifacts.map(artifact => artifact.location)).toEqual([
            { uri: pathToFileURL(path.join(root, 'maps/personas.journey')).href },
            { uri: pathToFileURL(path.join(root, 'maps/renewal.journey')).href },
        ]);
        expect(log.runs[0].results.every(result => result.locations[0].physicalLocation.artifactLocation.uriBaseId === undefined)).toBe(true);
    });
});

describe('journey lint --format github', () => {
    const LINE = /^::(error|warning|notice) file=([^,:]*),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]*)::(.*)$/;
    const unescape = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    const SEVERITIES = { error: 2, warning: 1, notice: 0 } as const;

    function parseLines(stdout: string) {
        expect(stdout.endsWith('\n')).toBe(true);
        return stdout.slice(0, -1).split('\n').map(line => {
            const match = LINE.exec(line);
            expect(match, line).not.toBeNull();
            const [, command, file, lineNumber, column, endLine, endColumn, title, message] = match!;
            return {
                file: unescape(file),
                ruleId: unescape(title),
                severity: SEVERITIES[command as keyof typeof SEVERITIES],
                message: unescape(message),
                line: Number(lineNumber),
                column: Number(column),
                endLine: Number(endLine),
                endColumn: Number(endColumn),
            };
        });
    }

    it.each([[[]], [['--info']], [['--quiet']]])('prints one workflow command per problem, as the JSON output says them (%j)', async extra => {
        const ws = workspace({ 'shared/personas.journey': PERSONAS, [`${ODD_FOLDER}/renewal.journey`]: RENEWAL_WITH_PROBLEMS, 'warnings.journey': RENEWAL_WITH_WARNINGS.replace('journey renewal', 'journey renewal_two') });
        const root = realpathSync(ws.root);
        const run = await journeyInProcess(['lint', '--format', 'github', ...TODAY, ...extra], ws.root);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(1);
        const expected = expectedProblems(root, await lintJson(ws.root, extra));
        expect(expected.length).toBeGreaterThan(0);
        expect(parseLines(run.stdout)).toEqual(expected);
        // Escaped per the runner's rules: property values lose `,` and `:`, data keeps them.
        expect(run.stdout).toContain('file=q3%2C 2026%3A plans/renewal.journey,');
        if (!extra.includes('--quiet')) {
            expect(run.stdout).toContain('Live in 1 week,%0A100%25 set up: really');
        }
        expect(run.stdout.includes('::notice ')).toBe(extra.includes('--info'));
    });

    it('prints nothing for a clean workspace', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS });
        expect(await journeyInProcess(['lint', '--format', 'github'], ws.root)).toMatchObject({ status: 0, stdout: '', stderr: '' });
    });

    it('escapes data and property values like @actions/core', async () => {
        expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
        expect(escapeProperty('a,b: 100%\n')).toBe('a%2Cb%3A 100%25%0A');
    });
});

describe('exit codes across formats', () => {
    // One pair of workspaces and one stylish reference run per case, shared by the four formats.
    let warnings: TempWorkspace;
    let errors: TempWorkspace;
    let warningCount: number;
    let cases: Array<{ ws: TempWorkspace; extra: string[]; reference: { status: number | null; stderr: string } }>;
    beforeAll(async () => {
        warnings = new TempWorkspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_WARNINGS });
        errors = new TempWorkspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        const json = await lintJson(warnings.root, ['--info']);
        warningCount = json.reduce((sum, result) => sum + result.warningCount, 0);
        expect(warningCount).toBeGreaterThan(0);
        // Info diagnostics exist here and must never count as warnings, whatever the format carries.
        expect(json.flatMap(result => result.messages).some(message => message.severity === 0)).toBe(true);
        const argumentSets: Array<[TempWorkspace, string[]]> = [
            [warnings, []],
            [warnings, ['--max-warnings', String(warningCount)]],
            [warnings, ['--max-warnings', String(warningCount - 1)]],
            [warnings, ['--max-warnings', '-1']],
            [warnings, ['--quiet', '--max-warnings', '0']],
            [errors, []],
            [errors, ['--max-warnings', '100']],
        ];
        cases = [];
        for (const [ws, extra] of argumentSets) {
            const { status, stderr } = await journeyInProcess(['lint', ...TODAY, ...extra], ws.root);
            cases.push({ ws, extra, reference: { status, stderr } });
        }
        expect(cases.map(c => c.reference.status)).toEqual([0, 0, 1, 0, 0, 1, 1]);
    });
    afterAll(() => [warnings, errors].forEach(ws => ws?.dispose()));

    it('lint --help offers exactly the seven formats', async () => {
        const help = await journeyInProcess(['lint', '--help']);
        expect(help.status).toBe(0);
        expect(help.stdout.replace(/\s+/g, ' ')).toContain('(choices: "stylish", "json", "sarif", "github", "gitlab", "junit", "markdown", default: "stylish")');
    });

    it.each(FORMATS)('--format %s exits like stylish, with and without --max-warnings', async format => {
        for (const { ws, extra, reference } of cases) {
            const run = await journeyInProcess(['lint', '--format', format, ...TODAY, ...extra], ws.root);
            expect({ extra, status: run.status, stderr: run.stderr }).toEqual({ extra, ...reference });
        }
    });
});

describe('journey rules', () => {
    it('lists every registry rule as an aligned table', async () => {
        const run = await journeyInProcess(['rules']);
        expect(run).toMatchObject({ status: 0, stderr: '' });
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines[0]).toMatch(/^RULE +SEVERITY +DESCRIPTION$/);
        const rows = lines.slice(1);
        expect(rows).toHaveLength(journeyRules.length);
        const severityColumn = lines[0].indexOf('SEVERITY');
        const descriptionColumn = lines[0].indexOf('DESCRIPTION');
        journeyRules.forEach((rule, index) => {
            const row = rows[index];
            expect(row.startsWith(`${rule.id} `)).toBe(true);
            expect(row.slice(severityColumn).startsWith(`${rule.defaultSeverity} `)).toBe(true);
            expect(row.slice(descriptionColumn)).toBe(rule.description);
        });
    });

    it('lists every registry rule as JSON', async () => {
        const run = await journeyInProcess(['rules', '--format', 'json']);
        expect(run).toMatchObject({ status: 0, stderr: '' });
        expect(JSON.parse(run.stdout)).toEqual(journeyRules.map(rule => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, description: rule.description })));
    });

    it('rejects an unknown format with exit 2', async () => {
        const run = await journeyInProcess(['rules', '--format', 'xml']);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^journey: .*'xml' is invalid/);
    });
});
