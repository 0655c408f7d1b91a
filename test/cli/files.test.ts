// What the CLI reads and writes, as files: only regular files are read (a FIFO, a device or a socket is
// a one-line usage error, never a hang), bytes that are not UTF-8 are a syntax error and never rewritten,
// `-o` never replaces an input (a hard link of it included), and `render`/`export` load the workspace
// `lint` would (bounded by journey.config.json, else the repository root). In process, through the
// program object; the real binary on a FIFO is in binary.test.ts.
import { spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, linkSync, mkdirSync, openSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PERSONAS, RENEWAL_CLEAN } from '../support/fixtures.js';
import { journeyInProcess, runJourneyInProcess } from '../support/journey-in-process.js';
import { scratchWorkspaces, type JourneyRun, type TempWorkspace } from '../support/journey-process.js';

const workspace = scratchWorkspaces();
const TODAY = ['--today', '2026-11-25'];

/** FIFOs made by a test: opened for writing (and closed) afterwards, so that a reader a regression left waiting gets its end of file. */
const fifos: string[] = [];
const servers: Server[] = [];
afterEach(async () => {
    for (const fifo of fifos.splice(0)) {
        try {
            closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
        } catch {
            // ENXIO: nobody is reading it, as it should be.
        }
    }
    await Promise.all(servers.splice(0).map(server => new Promise(resolve => server.close(resolve))));
});

function mkfifo(ws: TempWorkspace, relative: string): string {
    const file = ws.path(relative);
    mkdirSync(path.dirname(file), { recursive: true });
    const made = spawnSync('mkfifo', [file]);
    expect(made.status, String(made.stderr)).toBe(0);
    fifos.push(file);
    return file;
}

async function socketAt(ws: TempWorkspace, relative: string): Promise<string> {
    const file = ws.path(relative);
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(file, resolve));
    return file;
}

/** A run that must end with one line on stderr, exit 2, nothing on stdout. */
function expectUsageLine(run: JourneyRun, line: string): void {
    expect(run).toEqual({ status: 2, stdout: '', stderr: `journey: ${line}\n` });
}

/** Every file under a folder, relative, sorted: to prove nothing was written. */
function listing(root: string): string[] {
    return (readdirSync(root, { recursive: true, withFileTypes: true }))
        .filter(entry => !entry.isDirectory())
        .map(entry => path.relative(root, path.join(entry.parentPath, entry.name)))
        .sort();
}

const MERMAID = 'journey\n    title Day\n    section Work\n      Commute: 3: Me\n';
const NOT_REGULAR = 'not a regular file; journey reads only regular files';

describe('only regular files are read', () => {
    it.each([
        [['lint', 'maps/x.journey']],
        [['format', 'maps/x.journey']],
        [['format', '--check', 'maps/x.journey']],
        [['render', 'maps/x.journey']],
        [['render', 'maps/x.journey', '-o', 'map.svg']],
        [['export', 'maps/x.journey', '-f', 'json']],
        [['lint', 'maps/*.journey']],
    ])('%j on a FIFO: one line, exit 2, no hang', async args => {
        const ws = workspace({ 'maps/personas.journey': PERSONAS });
        mkfifo(ws, 'maps/x.journey');
        expectUsageLine(await journeyInProcess(args, ws.root), `maps/x.journey is a FIFO, ${NOT_REGULAR}`);
        expect(existsSync(ws.path('map.svg'))).toBe(false);
    }, 20_000);

    it('import on a FIFO: one line, exit 2, no hang', async () => {
        const ws = workspace();
        mkfifo(ws, 'day.mmd');
        expectUsageLine(await journeyInProcess(['import', 'day.mmd', '-o', 'day.journey'], ws.root), `day.mmd is a FIFO, ${NOT_REGULAR}`);
        expect(existsSync(ws.path('day.journey'))).toBe(false);
    }, 20_000);

    it('a FIFO met while walking a linted or formatted folder is the same error, naming it', async () => {
        const ws = workspace({ 'maps/personas.journey': PERSONAS, 'maps/renewal.journey': RENEWAL_CLEAN });
        mkfifo(ws, 'maps/drafts/x.journey');
        for (const args of [['lint'], ['lint', 'maps'], ['lint', 'maps/**/*.journey'], ['format', '--check', 'maps']]) {
            expectUsageLine(await journeyInProcess([...args], ws.root), `maps/drafts/x.journey is a FIFO, ${NOT_REGULAR}`);
        }
        // render and export read the same workspace, and say the same.
        expectUsageLine(await journeyInProcess(['render', 'maps/renewal.journey'], ws.root), `maps/drafts/x.journey is a FIFO, ${NOT_REGULAR}`);
        expectUsageLine(await journeyInProcess(['export', 'maps/renewal.journey', '-f', 'csv'], ws.root), `maps/drafts/x.journey is a FIFO, ${NOT_REGULAR}`);
        // A FIFO whose name is not a .journey file is nobody's input.
        const other = workspace({ 'maps/personas.journey': PERSONAS });
        mkfifo(other, 'maps/notes.txt');
        expect((await journeyInProcess(['lint'], other.root)).status).toBe(0);
    }, 30_000);

    it('--config naming a FIFO or a device, or a journey.config.json that is a FIFO: one line, exit 2', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS });
        mkfifo(ws, 'strict.json');
        expectUsageLine(await journeyInProcess(['lint', '--config', 'strict.json'], ws.root), `strict.json is a FIFO, ${NOT_REGULAR}`);
        expectUsageLine(await journeyInProcess(['lint', '--config', '/dev/null'], ws.root), `/dev/null is a character device, ${NOT_REGULAR}`);
        mkfifo(ws, 'journey.config.json');
        expectUsageLine(await journeyInProcess(['lint'], ws.root), `journey.config.json is a FIFO, ${NOT_REGULAR}`);
    }, 20_000);

    it('a device (a link to /dev/null) and a socket named .journey: one line, exit 2', async () => {
        const ws = workspace({ 'maps/personas.journey': PERSONAS });
        symlinkSync('/dev/null', ws.path('maps/null.journey'));
        expectUsageLine(await journeyInProcess(['lint', 'maps/null.journey'], ws.root), `maps/null.journey is a character device, ${NOT_REGULAR}`);
        expectUsageLine(await journeyInProcess(['lint', 'maps'], ws.root), `maps/null.journey is a character device, ${NOT_REGULAR}`);
        expectUsageLine(await journeyInProcess(['export', 'maps/null.journey', '-f', 'json'], ws.root), `maps/null.journey is a character device, ${NOT_REGULAR}`);
        const sockets = workspace({ 'personas.journey': PERSONAS });
        await socketAt(sockets, 's.journey');
        expectUsageLine(await journeyInProcess(['lint', 's.journey'], sockets.root), `s.journey is a socket, ${NOT_REGULAR}`);
        expectUsageLine(await journeyInProcess(['lint'], sockets.root), `s.journey is a socket, ${NOT_REGULAR}`);
        expectUsageLine(await journeyInProcess(['render', 's.journey'], sockets.root), `s.journey is a socket, ${NOT_REGULAR}`);
    });

    it('a file of the wrong kind is still said first, in the same shape', async () => {
        const ws = workspace();
        mkfifo(ws, 'x.mmd');
        expectUsageLine(await journeyInProcess(['render', 'x.mmd'], ws.root),
            'render takes a .journey file or a Markdown file (.md), not x.mmd (`journey import x.mmd` turns its Mermaid journey diagram into .journey text)');
    });
});

/** A map whose second line holds a Latin-1 "é" (0xE9), with a rule finding (emotion 9) that must not be reported. */
const LATIN1 = Buffer.concat([
    Buffer.from(`${PERSONAS}// Caf`), Buffer.from([0xE9]), Buffer.from(` au lait\n${RENEWAL_CLEAN.replace('emotion 1', 'emotion 9')}`),
]);
const LATIN1_LINE = PERSONAS.split('\n').length;
const NOT_UTF8 = (byte: string, line: number) => `This file is not UTF-8 text: byte ${byte} at line ${line} is not valid UTF-8.`;

interface JsonResult { filePath: string; messages: Array<{ ruleId: string; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number }> }

describe('a .journey file that is not UTF-8', () => {
    it('lint: exactly one syntax error, at the first bad byte, and no rule findings on it', async () => {
        const ws = workspace({ 'other.journey': 'channel web "Web" online\n' });
        ws.write('latin.journey', LATIN1);
        const run = await journeyInProcess(['lint', '--format', 'json', ...TODAY], ws.root);
        expect(run.status).toBe(1);
        const [latin, other] = JSON.parse(run.stdout) as JsonResult[];
        expect([latin.filePath, other.filePath]).toEqual([ws.path('latin.journey'), ws.path('other.journey')]);
        expect(other.messages).toEqual([]);
        expect(latin.messages).toEqual([{
            ruleId: 'syntax', severity: 2, line: LATIN1_LINE, column: 7, endLine: LATIN1_LINE, endColumn: 8,
            message: expect.stringContaining(NOT_UTF8('0xE9', LATIN1_LINE)),
        }]);
        expect(latin.messages[0].message).toContain('Save the file as UTF-8');
    });

    it('counts the column as an editor does the text before the byte: a byte order mark hidden, UTF-16 code units', async () => {
        const ws = workspace();
        // BOM, then `persona q "Qé 😀 ` (é is one unit, 😀 two), then a Windows-1252 "€" (0x80), a stray continuation byte.
        ws.write('q.journey', Buffer.concat([Buffer.from('\uFEFFpersona q "Qé 😀 '), Buffer.from([0x80]), Buffer.from('" { need n "N" }\r\n')]));
        ws.write('crlf.journey', Buffer.concat([Buffer.from('team a "A"\r\nteam b "B"\r\n// '), Buffer.from([0xFF]), Buffer.from('\r\n')]));
        const run = await journeyInProcess(['lint', '--format', 'json'], ws.root);
        const results = JSON.parse(run.stdout) as JsonResult[];
        expect(results.map(result => result.messages.map(m => [m.ruleId, m.line, m.column, m.message.slice(0, NOT_UTF8('0x80', 1).length)]))).toEqual([
            [['syntax', 3, 4, NOT_UTF8('0xFF', 3)]],
            [['syntax', 1, 18, NOT_UTF8('0x80', 1)]],
        ]);
        // Well-formed UTF-8 with a byte order mark is fine.
        ws.write('q.journey', '\uFEFFpersona q "Qé 😀 €" { need n "N" }\r\n');
        ws.write('crlf.journey', 'team a "A"\r\n');
        expect((await journeyInProcess(['lint'], ws.root)).status).toBe(0);
    });

    it('also as standard input', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS });
        const run = await runJourneyInProcess(['lint', '--stdin', '--format', 'json', ...TODAY], { cwd: ws.root, stdin: LATIN1 });
        expect((JSON.parse(run.stdout) as JsonResult[])[0].messages.map(m => [m.ruleId, m.line, m.column])).toEqual([['syntax', LATIN1_LINE, 7]]);
    });

    it('lint --fix and format --write/--check leave its bytes as they are, and say so as for a syntax error', async () => {
        const ws = workspace();
        ws.write('latin.journey', LATIN1);
        const fix = await journeyInProcess(['lint', '--fix', ...TODAY], ws.root);
        expect(fix.status).toBe(1);
        expect(fix.stdout).toContain('journey: nothing to fix.');
        expect(fix.stdout).toContain(NOT_UTF8('0xE9', LATIN1_LINE));
        expect(readFileSync(ws.path('latin.journey'))).toEqual(LATIN1);
        for (const args of [['format', '--write', 'latin.journey'], ['format', '--check', 'latin.journey'], ['format', 'latin.journey']]) {
            const format = await journeyInProcess(args, ws.root);
            expect(format.status).toBe(1);
            expect(format.stdout).toBe('');
            expect(format.stderr).toContain(NOT_UTF8('0xE9', LATIN1_LINE));
            expect(format.stderr).toContain('journey: 1 file with syntax errors left unformatted.\n');
            expect(readFileSync(ws.path('latin.journey'))).toEqual(LATIN1);
        }
    });

    it('render and export refuse it as a file with syntax errors: exit 1, the error, nothing written', async () => {
        const ws = workspace();
        ws.write('latin.journey', LATIN1);
        const before = listing(ws.root);
        const render = await journeyInProcess(['render', 'latin.journey', '-o', 'map.svg', ...TODAY], ws.root);
        expect(render.status).toBe(1);
        expect(render.stdout).toBe('');
        expect(render.stderr).toContain(NOT_UTF8('0xE9', LATIN1_LINE));
        expect(render.stderr).toContain('journey: latin.journey has syntax errors; nothing rendered.\n');
        const exported = await journeyInProcess(['export', 'latin.journey', '-o', 'map.json'], ws.root);
        expect(exported.status).toBe(1);
        expect(exported.stderr).toContain('journey: latin.journey has syntax errors; nothing exported.\n');
        expect(listing(ws.root)).toEqual(before);
        expect(readFileSync(ws.path('latin.journey'))).toEqual(LATIN1);
    });
});

describe('-o never replaces an input, a hard link of it included', () => {
    const MAP = `${PERSONAS}${RENEWAL_CLEAN}`;

    it.each([
        ['export', ['export', 'map.journey', '-f', 'mermaid', '-o', 'copy.mmd'], 'copy.mmd', '-o copy.mmd is the file being exported (map.journey by another name); write the output to another file'],
        ['render', ['render', 'map.journey', '-o', 'copy.svg'], 'copy.svg', '-o copy.svg is the file being rendered (map.journey by another name); write the output to another file'],
        ['lint', ['lint', '-o', 'report.txt'], 'report.txt', '-o report.txt is one of the files being linted (map.journey by another name); write the report to another file'],
        ['lint --fix', ['lint', '--fix', 'map.journey', '-o', 'reports/report.txt'], 'reports/report.txt', '-o reports/report.txt is one of the files being linted (map.journey by another name); write the report to another file'],
    ])('%s -o onto a hard link of the input: one line, exit 2, the input unchanged', async (_name, args, link, line) => {
        const ws = workspace({ 'map.journey': MAP });
        mkdirSync(ws.path('reports'));
        linkSync(ws.path('map.journey'), ws.path(link));
        expectUsageLine(await journeyInProcess([...args, ...TODAY], ws.root), line);
        expect(readFileSync(ws.path('map.journey'), 'utf8')).toBe(MAP);
    });

    it('import -o onto a hard link of the input: one line, exit 2, the input unchanged', async () => {
        const ws = workspace({ 'day.mmd': MERMAID });
        linkSync(ws.path('day.mmd'), ws.path('day.journey'));
        expectUsageLine(await journeyInProcess(['import', 'day.mmd', '-o', 'day.journey'], ws.root),
            '-o day.journey is the file being imported (day.mmd by another name); write the output to another file');
        expect(readFileSync(ws.path('day.mmd'), 'utf8')).toBe(MERMAID);
    });

    it('lint -o onto the configuration read: one line, exit 2', async () => {
        const config = JSON.stringify({ rules: { 'stale-map': 'off' } });
        const ws = workspace({ 'map.journey': MAP, 'journey.config.json': config });
        expectUsageLine(await journeyInProcess(['lint', '-o', 'journey.config.json'], ws.root),
            '-o journey.config.json is the configuration being read (journey.config.json); write the report to another file');
        expect(readFileSync(ws.path('journey.config.json'), 'utf8')).toBe(config);
    });

    it('an output that does not exist yet is still compared by path', async () => {
        const ws = workspace({ 'map.journey': MAP });
        expectUsageLine(await journeyInProcess(['export', 'map.journey', '-f', 'csv', '-o', './map.journey'], ws.root),
            '-o ./map.journey is the file being exported; write the output to another file');
        const written = await journeyInProcess(['export', 'map.journey', '-o', 'out/../map.csv'], ws.root);
        expect(written).toMatchObject({ status: 0, stderr: '' });
    });
});

/** `journey export FILE -f json`: the personas of its first journey, and what it said on stderr. */
async function exportedPersonas(file: string, cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; personas: string[]; stderr: string }> {
    const run = await journeyInProcess(['export', file, '-f', 'json', ...TODAY], cwd, env);
    const personas = run.status === 0 ? (JSON.parse(run.stdout).journeys[0].personas as Array<{ name: string }>).map(persona => persona.name) : [];
    return { status: run.status, personas, stderr: run.stderr };
}

describe('the workspace of render and export is the one lint reads', () => {
    it('in a repository (.git), names declared anywhere in it resolve, however far from the file', async () => {
        const ws = workspace({
            'repo/personas/olivia.journey': PERSONAS,
            'repo/maps/journeys/renewal.journey': RENEWAL_CLEAN,
            'repo/maps/europe/journeys/renewal-eu.journey': RENEWAL_CLEAN.replace('journey renewal', 'journey renewal_eu'),
        });
        mkdirSync(ws.path('repo/.git'));
        expect(await exportedPersonas('repo/maps/journeys/renewal.journey', ws.root)).toEqual({ status: 0, personas: ['olivia'], stderr: '' });
        expect(await exportedPersonas('repo/maps/europe/journeys/renewal-eu.journey', ws.root)).toEqual({ status: 0, personas: ['olivia'], stderr: '' });
        const render = await journeyInProcess(['render', 'europe/journeys/renewal-eu.journey', ...TODAY], ws.path('repo/maps'));
        expect(render.stderr).toBe('');
        expect(render.stdout).toContain('Olivia, Operations Manager');
    });

    it('without journey.config.json or .git, the file\'s own folder only: a sibling folder is not read', async () => {
        const ws = workspace({ 'project/personas/olivia.journey': PERSONAS, 'project/maps/renewal.journey': RENEWAL_CLEAN });
        const exported = await exportedPersonas('project/maps/renewal.journey', ws.root);
        expect(exported.status).toBe(0);
        expect(exported.personas).toEqual([]);
        expect(exported.stderr).toMatch(/^journey: warning: project\/maps\/renewal\.journey has \d+ unresolved names, left out of the export/);
        const render = await journeyInProcess(['render', 'project/maps/renewal.journey', ...TODAY], ws.root);
        expect(render.status).toBe(0);
        expect(render.stdout).not.toContain('Olivia, Operations Manager');
        // Beside it, they resolve.
        ws.write('project/maps/olivia.journey', PERSONAS);
        expect(await exportedPersonas('project/maps/renewal.journey', ws.root)).toEqual({ status: 0, personas: ['olivia'], stderr: '' });
    });

    it('a folder with journey.config.json stops the search, even inside a repository, and its configuration applies', async () => {
        const ws = workspace({
            'repo/people.journey': PERSONAS.replace('persona olivia', 'persona ghost'),
            'repo/team/journey.config.json': JSON.stringify({ rules: {} }),
            'repo/team/shared/olivia.journey': PERSONAS,
            'repo/team/maps/a/b/renewal.journey': RENEWAL_CLEAN.replace('persona olivia', 'persona olivia\n    persona ghost'),
        });
        mkdirSync(ws.path('repo/.git'));
        const exported = await exportedPersonas('repo/team/maps/a/b/renewal.journey', ws.root);
        expect(exported.personas).toEqual(['olivia']);
        expect(exported.stderr).toBe('journey: warning: repo/team/maps/a/b/renewal.journey has 1 unresolved name, left out of the export; `journey lint` shows where.\n');
        // The configuration found there is read as lint reads it: a bad one is the same usage error.
        ws.write('repo/team/journey.config.json', '{ "rules": { "stale-map": "of" } }');
        const bad = await journeyInProcess(['render', 'repo/team/maps/a/b/renewal.journey'], ws.root);
        expect(bad.status).toBe(2);
        expect(bad.stderr).toMatch(/^journey: repo\/team\/journey\.config\.json:1:27: rule "stale-map" has severity "of"/);
        expect((await journeyInProcess(['lint', 'repo/team'], ws.root)).stderr).toBe(bad.stderr);
    });

    it.each(['TMPDIR', 'HOME'])('stops below the folder %s names, even inside a repository: then the file\'s own folder', async variable => {
        // A file with a typo'd name in /tmp/x/ once grew the workspace to /tmp and /: the whole disk was read.
        const ws = workspace({
            'shared/decoy.journey': PERSONAS,
            'shared/proj/maps/renewal.journey': RENEWAL_CLEAN,
        });
        mkdirSync(ws.path('.git'));
        const elsewhere = { TMPDIR: ws.path('elsewhere'), HOME: ws.path('elsewhere') };
        // Control: the repository's root holds the decoy's folder.
        expect((await exportedPersonas('shared/proj/maps/renewal.journey', ws.root, elsewhere)).personas).toEqual(['olivia']);
        const stopped = await exportedPersonas('shared/proj/maps/renewal.journey', ws.root, { ...elsewhere, [variable]: ws.path('shared') });
        expect(stopped.personas).toEqual([]);
        expect(stopped.stderr).toMatch(/unresolved names, left out of the export/);
        const render = await journeyInProcess(['render', 'shared/proj/maps/renewal.journey', ...TODAY], ws.root, { ...elsewhere, [variable]: ws.path('shared') });
        expect(render.status).toBe(0);
        expect(render.stdout).not.toContain('Olivia, Operations Manager');
    });

    it('never the home folder as a whole, even when it holds .git: then the file\'s own folder', async () => {
        const ws = workspace({ 'home/personas/olivia.journey': PERSONAS, 'home/maps/renewal.journey': RENEWAL_CLEAN });
        mkdirSync(ws.path('home/.git'));
        expect((await exportedPersonas('home/maps/renewal.journey', ws.root)).personas).toEqual(['olivia']);
        const asHome = await exportedPersonas('home/maps/renewal.journey', ws.root, { HOME: ws.path('home') });
        expect(asHome.personas).toEqual([]);
        expect(asHome.stderr).toMatch(/unresolved names, left out of the export/);
    });
});
