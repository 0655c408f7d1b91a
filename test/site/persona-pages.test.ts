// The persona pages of the site (packages/site/src/pages/persona-pages.ts): a persona's profile, its
// needs and the touchpoints serving them (linked to the map with the touchpoint highlighted), the needs
// nothing serves, its journeys and its emotion curve in each, built from a parsed workspace.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildWorkspaceModel, parseCalendarDate, type Model } from '@journey/language';
import { buildSite, type SiteFiles, type SiteInput } from '@journey/site';
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../language/workspace-helper.js';
import { repoRoot } from '../support/journey-process.js';

const TODAY = '2026-12-01';
const HOSTILE = '<img src=x onerror=alert(1)>';

const FILES: Record<string, string> = {
    'shared.journey': [
        'channel email "Email" online',
        'channel phone "Phone" offline',
        `persona olivia "${HOSTILE}" {`,
        '    description "Runs a fleet of twelve vans"',
        '    goal "Be live within a week"',
        '    pain "Too many vendors"',
        '    motivation "Lower cost per delivery"',
        '    prefers email, phone',
        '    need fast_setup "Be productive within a week" importance 4',
        '    need pricing "Know the cost" importance 5',
        '    need refund "Get money back when it fails"',
        '}',
        'persona ben "Ben" {',
        '    need support "Get help quickly" importance 3',
        '}',
        'persona nobody "Nobody" {',
        '}',
    ].join('\n') + '\n',
    'onboarding.journey': [
        'journey onboarding "Onboarding" {',
        '    persona olivia, ben',
        '    stage welcome "Welcome" {',
        '        touchpoint mail "Welcome email" {',
        '            channel email',
        '            serves fast_setup',
        '            emotion 2 "Delighted"',
        '        }',
        '        touchpoint help "Help desk" {',
        '            by ben',
        '            channel phone',
        '            serves support',
        '            emotion -3 "Angry"',
        '        }',
        '    }',
        '    stage pay "Pay" {',
        '        touchpoint price "Pricing page" {',
        '            by olivia',
        '            channel email',
        '            serves pricing',
        '            emotion -2 "Shocked"',
        '        }',
        '        touchpoint quiet "Quiet call" {',
        '            by olivia',
        '            channel phone',
        '        }',
        '        touchpoint call "Renewal call" {',
        '            channel phone',
        '            serves olivia.pricing',
        '            emotion 1',
        '        }',
        '    }',
        '}',
    ].join('\n') + '\n',
    'second.journey': [
        'journey second "Second look" {',
        '    persona olivia, ghost',
        '    stage only "Only" {',
        '        touchpoint look "Look again" {',
        '            channel email',
        '            serves fast_setup',
        '        }',
        '    }',
        '}',
    ].join('\n') + '\n',
};

async function siteOf(files: Record<string, string>): Promise<SiteFiles> {
    const workspace = await buildWorkspace(files);
    const roots = [...workspace.documents.values()].map(document => document.parseResult.value as Model);
    const input: SiteInput = {
        workspace: buildWorkspaceModel(roots, parseCalendarDate(TODAY)!),
        files: [...workspace.documents.values()].map(document => ({
            uri: document.uri.toString(), path: document.uri.path.slice(1), findings: [], syntaxErrors: false,
        })),
        today: TODAY,
        version: '0',
    };
    return buildSite(input, { nonce: 'test' }, { script: '' });
}

function page(site: SiteFiles, file: string): string {
    const text = site.get(file);
    expect(text, file).toBeDefined();
    return text!;
}

/** The `<main>` of a page (the header and footer are the shell's). */
function main(text: string): string {
    return /<main\b[^>]*>([\s\S]*)<\/main>/.exec(text)?.[1] ?? text;
}

/** The touchpoints linked from a persona page: their hrefs, resolved against the page's folder. */
function mapLinks(text: string, from: string): Array<{ file: string; id: string; label: string }> {
    return [...main(text).matchAll(/<a href="([^"#]+)#highlight=([^"]+)">([^<]*)<\/a>/g)].map(match => ({
        file: path.posix.normalize(path.posix.join(path.posix.dirname(from), match[1])),
        id: decodeURIComponent(match[2]),
        label: match[3],
    }));
}

/** The sparkline SVGs of a page. */
function sparklines(text: string): string[] {
    return [...text.matchAll(/<svg [^>]*class="spark"[\s\S]*?<\/svg>/g)].map(match => match[0]);
}

describe('persona pages', () => {
    it('links each touchpoint serving a need to its map with the touchpoint highlighted', async () => {
        const site = await siteOf(FILES);
        const olivia = page(site, 'personas/olivia.html');
        const needs = /<h2 id="needs">[\s\S]*?<h2 id="journeys">/.exec(olivia)![0];
        const links = mapLinks(needs, 'personas/olivia.html');
        expect(links.map(link => link.label)).toEqual(['Welcome email', 'Look again', 'Pricing page', 'Renewal call']);
        for (const link of links) {
            const target = page(site, link.file);
            const svg = /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="journey"[\s\S]*<\/svg>/.exec(target)?.[0];
            expect(svg, link.file).toBeDefined();
            expect(svg, `${link.file} has data-id ${link.id}`).toContain(`data-id="${link.id}"`);
        }
        // Each touchpoint links to its own element.
        expect(new Set(links.map(link => `${link.file}#${link.id}`)).size).toBe(links.length);
        expect(links[0].file).toBe('journeys/onboarding.html');
        expect(links[1].file).toBe('journeys/second.html');
        // The journeys serving a need are linked too.
        expect(needs).toContain('<a href="../journeys/onboarding.html">Onboarding</a>, <a href="../journeys/second.html">Second look</a>');
    });

    it('lists a need no touchpoint serves as served by nothing, in words', async () => {
        const site = await siteOf(FILES);
        const olivia = main(page(site, 'personas/olivia.html'));
        const row = /<tr id="need-refund"[^>]*>[\s\S]*?<\/tr>/.exec(olivia)?.[0];
        expect(row).toBeDefined();
        expect(row).toContain('class="unserved"');
        expect(row).toContain('<span class="badge badge-warn">Served by nothing</span>');
        expect(row).toContain('Get money back when it fails <code>refund</code>');
        expect(row).toContain('not set');
        expect(row).toContain('<span class="muted">None</span>');
        expect(olivia).toMatch(/Served by nothing<\/span> 1 need of .* is served by no touchpoint: <strong>Get money back when it fails<\/strong>\./);
        // The served needs are not said to be unserved.
        const served = /<tr id="need-pricing"[^>]*>[\s\S]*?<\/tr>/.exec(olivia)![0];
        expect(served).not.toContain('Served by nothing');
        // The overview counts them.
        const overview = main(page(site, 'personas/index.html'));
        const oliviaRow = /<tr><td><a href="olivia\.html">[\s\S]*?<\/tr>/.exec(overview)![0];
        expect([...oliviaRow.matchAll(/<td class="num">([^<]*)/g)].map(match => match[1].trim())).toEqual(['3', '2', '1']);
        expect(oliviaRow).toContain('<span class="badge badge-warn">unserved</span>');
        expect(oliviaRow).toContain('<a href="../journeys/onboarding.html">Onboarding</a>, <a href="../journeys/second.html">Second look</a>');
        const nobodyRow = /<tr><td><a href="nobody\.html">[\s\S]*?<\/tr>/.exec(overview)![0];
        expect(nobodyRow).toContain('In no journey');
    });

    it('shows the profile: description, goals, pains, motivations, preferred channels', async () => {
        const olivia = main(page(await siteOf(FILES), 'personas/olivia.html'));
        for (const text of ['Runs a fleet of twelve vans', 'Be live within a week', 'Too many vendors', 'Lower cost per delivery', '<li>Email</li>', '<li>Phone</li>']) {
            expect(olivia).toContain(text);
        }
        const ben = main(page(await siteOf(FILES), 'personas/ben.html'));
        expect(ben).toContain('No goal written.');
        expect(ben).toContain('No preferred channel written.');
    });

    it('draws the emotion curve of each journey: a point per touchpoint met with an emotion, in stage order', async () => {
        const site = await siteOf(FILES);
        const olivia = page(site, 'personas/olivia.html');
        const [onboarding, ...others] = sparklines(olivia);
        // The second journey has no emotion at Olivia's touchpoints: no curve, said in words.
        expect(others).toEqual([]);
        expect(main(olivia)).toContain('No emotion written at the touchpoints');
        // Olivia meets Welcome email (+2), Pricing page (-2), Quiet call (none), Renewal call (+1); not Help desk (by ben).
        const points = [...onboarding.matchAll(/<circle [^>]*cx="([^"]+)" cy="([^"]+)"[^>]*><title>([^<]*)<\/title>/g)]
            .map(match => ({ x: Number(match[1]), y: Number(match[2]), title: match[3] }));
        expect(points.map(point => point.title)).toEqual(['Welcome email: +2 (Delighted)', 'Pricing page: -2 (Shocked)', 'Renewal call: +1']);
        const [welcome, pricing, renewal] = points;
        expect(welcome.x).toBeLessThan(pricing.x);
        expect(pricing.x).toBeLessThan(renewal.x);
        // Higher emotion, smaller y: +2 above +1 above the zero line above -2.
        const zero = Number(/<line class="zero" x1="[^"]+" y1="([^"]+)"/.exec(onboarding)![1]);
        expect(welcome.y).toBeLessThan(renewal.y);
        expect(renewal.y).toBeLessThan(zero);
        expect(zero).toBeLessThan(pricing.y);
        expect(onboarding).toContain('<line class="zero" x1="0"');
        expect(onboarding).toMatch(/<polyline class="line" points="[\d., ]+"\/>/);
        // Every number in the SVG is finite with at most 2 decimals; no inline style.
        for (const [, value] of onboarding.matchAll(/ (?:x1|y1|x2|y2|cx|cy|r|width|height)="([^"]*)"/g)) {
            expect(value).toMatch(/^-?\d+(?:\.\d{1,2})?$/);
        }
        expect(olivia).not.toMatch(/\sstyle="/);
        // The accessible name, and the values as text next to it.
        expect(onboarding).toContain('role="img"');
        expect(onboarding).toContain('aria-label="Emotion in Onboarding: from +2 to +1, lowest -2 at Pricing page, highest +2 at Welcome email"');
        const values = /<table class="emotion-values">[\s\S]*?<\/table>/.exec(olivia)![0];
        expect([...values.matchAll(/<td class="num">([^<]*)<\/td>/g)].map(match => match[1])).toEqual(['+2 (Delighted)', '-2 (Shocked)', '+1']);
        expect(values).toContain('#highlight=');
        // Ben meets only Welcome email and Help desk (Renewal call is all the journey's personas, Ben too).
        const ben = sparklines(page(site, 'personas/ben.html'))[0];
        expect([...ben.matchAll(/<title>([^<]*)<\/title>/g)].map(match => match[1])).toEqual(['Welcome email: +2 (Delighted)', 'Help desk: -3 (Angry)', 'Renewal call: +1']);
        expect(ben).toContain('aria-label="Emotion in Onboarding: from +2 to +1, lowest -3 at Help desk, highest +2 at Welcome email"');
    });

    it('lists the journeys the persona is in, and gives no page to a persona the workspace does not declare', async () => {
        const site = await siteOf(FILES);
        const journeys = /<h2 id="journeys">[\s\S]*/.exec(main(page(site, 'personas/olivia.html')))![0];
        expect(journeys).toContain('<a href="../journeys/onboarding.html">Onboarding</a>');
        expect(journeys).toContain('<a href="../journeys/second.html">Second look</a>');
        expect(journeys).toContain('meets 4 touchpoints in 2 stages, 1 of them with no emotion written');
        expect(main(page(site, 'personas/nobody.html'))).toContain('is in no journey');
        expect([...site.keys()].filter(file => file.startsWith('personas/')).sort()).toEqual(['personas/ben.html', 'personas/index.html', 'personas/nobody.html', 'personas/olivia.html']);
        for (const [file, text] of site) {
            expect(text, file).not.toContain('ghost.html');
        }
    });

    it('escapes a hostile persona label everywhere', async () => {
        const site = await siteOf(FILES);
        for (const [file, text] of site) {
            expect(text, file).not.toContain(HOSTILE);
        }
        const olivia = page(site, 'personas/olivia.html');
        expect(olivia).toContain('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
        expect(page(site, 'personas/index.html')).toContain('&lt;img src=x onerror=alert(1)&gt;</a>');
        expect(olivia).not.toMatch(/<img\b/);
    });

    it('gives the same bytes for the same input', async () => {
        const first = await siteOf(FILES);
        const second = await siteOf(FILES);
        expect([...second.keys()]).toEqual([...first.keys()]);
        for (const [file, text] of first) {
            if (file.startsWith('personas/')) {
                expect(second.get(file), file).toBe(text);
            }
        }
    });

    it('gives every persona of the examples a page, with working links to the maps', async () => {
        const root = path.join(repoRoot, 'examples/brightspoke-cx');
        const files: Record<string, string> = {};
        for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
            if (entry.isFile() && entry.name.endsWith('.journey')) {
                const file = path.join(entry.parentPath, entry.name);
                files[path.relative(root, file).split(path.sep).join('/')] = readFileSync(file, 'utf8');
            }
        }
        const site = await siteOf(files);
        const declared = [...Object.values(files).join('\n').matchAll(/^persona (\w+) "/gm)].map(match => match[1]);
        expect(declared.length).toBeGreaterThan(0);
        const overview = page(site, 'personas/index.html');
        for (const name of declared) {
            const file = `personas/${name}.html`;
            const text = page(site, file);
            expect(overview).toContain(`href="${name}.html"`);
            expect(text).toContain('<h2 id="needs">');
            for (const link of mapLinks(text, file)) {
                expect(page(site, link.file), `${file} → ${link.file}#${link.id}`).toContain(`data-id="${link.id}"`);
            }
            for (const svg of sparklines(text)) {
                expect(svg).toMatch(/aria-label="Emotion in [^"]+: /);
            }
        }
        // Dana is in the fleet journeys and has an emotion curve in them.
        expect(sparklines(page(site, 'personas/dana.html')).length).toBeGreaterThan(0);
    });
});
