import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { get, request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { copyExamplesReviewedToday, journeyBin, repoRoot, runJourney, scratchWorkspaces } from '../support/journey-process.js';

const workspace = scratchWorkspaces();

/** A running `journey serve`: its URL, and what it printed so far. */
interface Served {
    child: ChildProcess;
    url: string;
    stdout: () => string;
    stderr: () => string;
    exit: Promise<number | null>;
}

const running: ChildProcess[] = [];
afterEach(() => {
    for (const child of running.splice(0)) {
        if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGKILL');
        }
    }
});

/** Starts `journey serve ARGS` and waits for the line that gives its URL. */
function serve(args: readonly string[], cwd: string = repoRoot): Promise<Served> {
    const child = spawn(process.execPath, [journeyBin, 'serve', ...args], {
        cwd, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', chunk => { stdout += chunk; });
    child.stderr!.setEncoding('utf8').on('data', chunk => { stderr += chunk; });
    const exit = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`journey serve printed no URL in 20 s: ${stdout}${stderr}`)), 20_000);
        const check = () => {
            const match = /at (http:\/\/\S+\/) \(Ctrl-C to stop\)/.exec(stdout);
            if (match) {
                clearTimeout(timer);
                resolve({ child, url: match[1]!, stdout: () => stdout, stderr: () => stderr, exit });
            }
        };
        child.stdout!.on('data', check);
        void exit.then(code => {
            clearTimeout(timer);
            reject(new Error(`journey serve exited (${code}) before serving: ${stdout}${stderr}`));
        });
    });
}

interface Response {
    status: number;
    headers: IncomingHttpHeaders;
    body: string;
}

/** A request with the path sent exactly as given (fetch and URL would normalise it). */
function raw(url: string, rawPath: string, method = 'GET'): Promise<Response> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
        const req = request({ hostname, port, path: rawPath, method }, response => {
            let body = '';
            response.setEncoding('utf8').on('data', chunk => { body += chunk; });
            response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
        });
        req.on('error', reject);
        req.end();
    });
}

/** The event stream of the served pages: the events received, and a way to wait for the next one. */
async function events(url: string): Promise<{ next: (name: string, timeoutMs?: number) => Promise<{ data: string; at: number }>; close: () => void; response: IncomingMessage }> {
    const response = await new Promise<IncomingMessage>((resolve, reject) => get(new URL('/__journey/events', url), resolve).on('error', reject));
    let buffer = '';
    const received: Array<{ event: string; data: string; at: number }> = [];
    const waiting: Array<() => void> = [];
    response.setEncoding('utf8').on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
            if (event) {
                received.push({ event, data, at });
            }
        }
        waiting.splice(0).forEach(wake => wake());
    });
    return {
        response,
        close: () => response.destroy(),
        next: (name, timeoutMs = 5000) => new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no "${name}" event in ${timeoutMs} ms`)), timeoutMs);
            const look = () => {
                const index = received.findIndex(item => item.event === name);
                if (index === -1) {
                    waiting.push(look);
                    return;
                }
                clearTimeout(timer);
                const [item] = received.splice(index, 1);
                resolve(item!);
            };
            look();
        }),
    };
}

/** The examples' small workspace, reviewed today. */
function specWorkspace(): { root: string; file: string } {
    const root = workspace().root;
    copyExamplesReviewedToday('examples/spec', root);
    return { root, file: path.join(root, 'renewal.journey') };
}

const svgOf = (page: string) => /<svg[\s\S]*<\/svg>/.exec(page)?.[0] ?? '';

describe('journey serve', () => {
    it('serves the site with its CSP, and nothing outside it', async () => {
        const { root } = specWorkspace();
        const served = await serve([root, '--port', '0']);
        expect(served.stdout()).toMatch(/^journey: serving 1 journey at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C to stop\)\n$/);
        for (const page of ['/', '/index.html', '/journeys/renewal.html', '/journeys/renewal.html?x=1']) {
            const response = await raw(served.url, page);
            expect(response.status, page).toBe(200);
            expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
            expect(response.headers['cache-control']).toBe('no-store');
            expect(response.headers['x-content-type-options']).toBe('nosniff');
            const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(response.body)?.[1];
            expect(meta).toContain("connect-src 'self'");
            expect(response.headers['content-security-policy']).toBe(meta);
            expect(response.body).toContain('data-live="/__journey/events"');
        }
        expect((await raw(served.url, '/assets/site.css')).headers['content-type']).toBe('text/css; charset=utf-8');
        expect((await raw(served.url, '/assets/site.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
        const head = await raw(served.url, '/', 'HEAD');
        expect([head.status, head.body]).toEqual([200, '']);
        expect((await raw(served.url, '/', 'POST')).status).toBe(405);
        for (const attack of ['/../package.json', '/%2e%2e/package.json', '/journeys/..%2f..%2fpackage.json', '//etc/passwd',
            '/assets/../../x', '/\\..\\x', '/%00index.html', '/index.html%00', '/%2findex.html', '/journeys/%2e%2e/index.html',
            '/assets/./site.js', '/%E0%A4%A', '/nope.html']) {
            const response = await raw(served.url, attack);
            expect(response.status, attack).toBe(404);
            expect(response.headers['content-type'], attack).toBe('text/plain; charset=utf-8');
            expect(response.body, attack).toMatch(/^Not found/);
        }
        served.child.kill('SIGINT');
        expect(await served.exit).toBe(0);
    }, 30_000);

    it('reloads the pages within a second of a save, and shows the last good map over a syntax error', async () => {
        const { root, file } = specWorkspace();
        const served = await serve([root, '--port', '0']);
        const stream = await events(served.url);
        const original = readFileSync(file, 'utf8');
        expect(original).toContain('"Renewal quote arrives"');

        const good = original.replace('"Renewal quote arrives"', '"Quote lands early"');
        const written = performance.now();
        writeFileSync(file, good);
        const reload = await stream.next('reload');
        const ms = Math.round(reload.at - written);
        console.log(`journey serve: reload event ${ms} ms after the write`);
        expect(ms).toBeLessThan(1000);
        expect(reload.data).toBe('2');
        expect(served.stderr()).toMatch(/journey: rebuilt in \d+ ms \(renewal\.journey changed\)/);
        const page = (await raw(served.url, '/journeys/renewal.html')).body;
        expect(svgOf(page)).toContain('Quote lands early');
        expect(page).not.toContain('overlay-errors');

        // A syntax error: the errors over the last map that parsed.
        writeFileSync(file, good.replace('"Quote lands early"', '"Quote lands late"').replace('channel email', 'channel email {{ ]'));
        expect((await stream.next('reload')).data).toBe('3');
        const broken = (await raw(served.url, '/journeys/renewal.html')).body;
        expect(broken).toMatch(/<div class="overlay-errors" role="alert"><strong>Showing the last map that parsed:/);
        expect(svgOf(broken)).toContain('Quote lands early');
        expect(broken).not.toContain('Quote lands late');
        expect(served.stderr()).toMatch(/renewal\.journey does not parse/);

        // Fixed: the new map, no errors.
        writeFileSync(file, good.replace('"Quote lands early"', '"Quote lands late"'));
        expect((await stream.next('reload')).data).toBe('4');
        const fixed = (await raw(served.url, '/journeys/renewal.html')).body;
        expect(fixed).not.toContain('overlay-errors');
        expect(svgOf(fixed)).toContain('Quote lands late');

        // The same text again: nothing changed, no reload.
        writeFileSync(file, good.replace('"Quote lands early"', '"Quote lands late"'));
        await expect(stream.next('reload', 600)).rejects.toThrow(/no "reload"/);

        const started = performance.now();
        served.child.kill('SIGINT');
        expect(await served.exit).toBe(0);
        const stopMs = Math.round(performance.now() - started);
        console.log(`journey serve: exited ${stopMs} ms after SIGINT (an event stream open)`);
        expect(stopMs).toBeLessThan(2000);
        stream.close();
    }, 30_000);

    it('rebuilds when the journey.config.json found above the served folder changes', async () => {
        const files = workspace();
        copyExamplesReviewedToday('examples/spec', files.path('repo/maps'));
        files.write('repo/journey.config.json', '{ "rules": {} }\n');
        const served = await serve([files.path('repo/maps'), '--port', '0']);
        const stream = await events(served.url);
        const before = await raw(served.url, '/journeys/renewal.html');
        expect(before.body).toContain('<code>value-gap</code>');
        files.write('repo/journey.config.json', '{ "rules": { "value-gap": "off" } }\n');
        await stream.next('reload', 5000);
        const after = await raw(served.url, '/journeys/renewal.html');
        expect(after.body).not.toContain('<code>value-gap</code>');
        stream.close();
        served.child.kill('SIGINT');
        expect(await served.exit).toBe(0);
    }, 60_000);

    it('rebuilds when a data file its KPIs are computed from changes', async () => {
        const files = workspace();
        copyExamplesReviewedToday('examples/spec', files.path('maps'));
        files.write('maps/data/survey.csv', 'Recommend\n10\n10\n9\n');
        const renewal = files.path('maps/renewal.journey');
        const text = readFileSync(renewal, 'utf8');
        expect(text).toContain('kpi conversion 3.1% target 5% source tickets');
        writeFileSync(renewal, text.replace('kpi conversion 3.1% target 5% source tickets', 'kpi nps from export column "Recommend" as nps target 40'));
        writeFileSync(files.path('maps/shared.journey'), `${readFileSync(files.path('maps/shared.journey'), 'utf8')}\nsource export "Survey export" survey data "data/survey.csv"\n`);
        const served = await serve([files.path('maps'), '--port', '0']);
        const stream = await events(served.url);
        const before = await raw(served.url, '/reports/kpis.html');
        expect(before.body).toMatch(/>100</);
        // Two detractors more: 3 promoters, 2 detractors of 5 = 20.
        files.write('maps/data/survey.csv', 'Recommend\n10\n10\n9\n2\n3\n');
        await stream.next('reload', 5000);
        const after = await raw(served.url, '/reports/kpis.html');
        expect(after.body).toMatch(/>20</);
        stream.close();
        served.child.kill('SIGINT');
        expect(await served.exit).toBe(0);
    }, 60_000);

    it('warns when it listens beyond this machine', async () => {
        const { root } = specWorkspace();
        const served = await serve([root, '--port', '0', '--host', '0.0.0.0']);
        expect(served.stderr()).toMatch(/journey: warning: listening on 0\.0\.0\.0: the site .* can be reached from other machines/);
        expect((await raw(served.url, '/')).status).toBe(200);
        served.child.kill('SIGTERM');
        expect(await served.exit).toBe(0);
    }, 30_000);

    it('says how to fix a bad port, and a port in use', async () => {
        const { root } = specWorkspace();
        for (const port of ['abc', '-1', '65536', '1.5', '']) {
            const run = runJourney(['serve', root, '--port', port]);
            expect(run.status, port).toBe(2);
            expect(run.stderr, port).toMatch(/^journey: --port takes a port number from 0 to 65535, not ".*" \(e\.g\. --port 4173; --port 0 picks any free port\)\n$/);
        }
        const served = await serve([root, '--port', '0']);
        const port = new URL(served.url).port;
        const run = runJourney(['serve', root, '--port', port]);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain(`journey: port ${port} on 127.0.0.1 is already in use`);
        expect(run.stderr).toContain('--port 0 for any free one');
        served.child.kill('SIGINT');
        expect(await served.exit).toBe(0);
    }, 60_000);
    it('reloads an open page in Chromium when a file is saved, with the new text, under its CSP', async () => {
        const { root, file } = specWorkspace();
        const served = await serve([root, '--port', '0']);
        const browser = await launchChromium();
        try {
            const page = await browser.context.newPage();
            const violations: string[] = [];
            page.on('console', message => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
            await page.goto(new URL('/journeys/renewal.html', served.url).href);
            await page.waitForFunction(() => document.documentElement.dataset.script === 'ready');
            // The site's script has the event stream open once the page is ready; give it a moment to connect.
            await page.waitForTimeout(300);
            const reloaded = page.waitForEvent('load', { timeout: 5000 });
            const saved = performance.now();
            writeFileSync(file, readFileSync(file, 'utf8').replace('"Renewal quote arrives"', '"Quote seen in Chromium"'));
            await reloaded;
            console.log(`journey serve: the open page reloaded ${Math.round(performance.now() - saved)} ms after the save`);
            expect(await page.locator('svg.journey').textContent()).toContain('Quote seen in Chromium');
            // A save that does not parse: the page reloads with the syntax error over the last good map (the README's picture).
            const broken = page.waitForEvent('load', { timeout: 5000 });
            writeFileSync(file, readFileSync(file, 'utf8').replace('"Quote seen in Chromium"', '"Quote seen in Chromium'));
            await broken;
            await page.locator('.overlay-errors').waitFor();
            expect(await page.locator('.overlay-errors').textContent()).toContain('Showing the last map that parsed');
            expect(await page.locator('svg.journey').textContent()).toContain('Quote seen in Chromium');
            await page.setViewportSize({ width: 1400, height: 800 });
            await page.screenshot({ path: path.join(repoRoot, 'test-results/serve-syntax-error.png') });
            if (process.env.JOURNEY_UPDATE_SCREENSHOTS) {
                await page.screenshot({ path: path.join(repoRoot, 'docs/images/serve-syntax-error.png') });
            }
            expect(violations).toEqual([]);
        } finally {
            await browser.close();
        }
        served.child.kill('SIGINT');
        expect(await served.exit).toBe(0);
    }, 60_000);
});
