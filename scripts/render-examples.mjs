#!/usr/bin/env node
// Renders every journey of examples/ to <out>/<journey>.svg with the built packages (npm run build
// first), and to <out>/<journey>.png: the SVG as headless Chromium shows it, at its natural size
// (playwright-core and Debian's chromium, which scripts/install-test-deps.sh installs;
// JOURNEY_TEST_CHROMIUM names another binary). Each folder directly under examples/ is one workspace,
// as `journey lint` would load it.
// Usage: node scripts/render-examples.mjs [--out DIR] [--today YYYY-MM-DD] [--theme light|dark] [--png]
// --out defaults to docs/images (the README's pictures); `npm start` renders SVG only into out/examples,
// so the quick start needs no browser. PNGs (--png) need Chromium.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { createJourneyServices, buildJourneyMapModels, parseCalendarDate, isJourney } = await import(pathToFileURL(path.join(root, 'packages/language/out/index.js')).href);
const { renderJourneySvg } = await import(pathToFileURL(path.join(root, 'packages/preview/out/index.js')).href);
const { URI } = await import('langium');
const { NodeFileSystem } = await import('langium/node');

const args = process.argv.slice(2);
const option = name => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
};
const todayText = option('--today');
const today = todayText ? parseCalendarDate(todayText) : (() => {
    const now = new Date();
    return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
})();
if (!today) {
    console.error(`render-examples: --today takes YYYY-MM-DD, not "${todayText}"`);
    process.exit(2);
}
const theme = option('--theme') ?? 'light';
const outDir = path.resolve(option('--out') ?? path.join(root, 'docs/images'));
const withPng = args.includes('--png');
const chromiumPath = process.env.JOURNEY_TEST_CHROMIUM ?? '/usr/bin/chromium';
if (withPng && !existsSync(chromiumPath)) {
    console.error(`render-examples: missing chromium (${chromiumPath}) for the PNG pictures: run scripts/install-test-deps.sh`);
    process.exit(2);
}

function journeyFiles(folder) {
    return readdirSync(folder).sort().flatMap(entry => {
        const full = path.join(folder, entry);
        return statSync(full).isDirectory() ? journeyFiles(full) : entry.endsWith('.journey') ? [full] : [];
    });
}

/** Headless Chromium on a fresh user-data folder; pictures at one device pixel per SVG unit. */
const userDataDir = withPng ? mkdtempSync(path.join(tmpdir(), 'journey-render-')) : undefined;
const browser = withPng && await (await import('playwright-core')).chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run'],
    deviceScaleFactor: 1,
});

/** The SVG file opened on its own, screenshot at its width × height, on white for the light theme. */
async function writePng(svgFile, svg, pngFile) {
    const size = /^<svg\b[^>]*?\swidth="(\d+(?:\.\d+)?)"[^>]*?\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
    if (!size) {
        throw new Error(`render-examples: no width and height on the <svg> of ${svgFile}`);
    }
    const [width, height] = [Math.ceil(Number(size[1])), Math.ceil(Number(size[2]))];
    const page = await browser.newPage();
    try {
        await page.setViewportSize({ width, height });
        await page.goto(pathToFileURL(svgFile).href, { waitUntil: 'load' });
        await page.screenshot({ path: pngFile, clip: { x: 0, y: 0, width, height }, omitBackground: theme !== 'light' });
    } finally {
        await page.close();
    }
}

const examples = path.join(root, 'examples');
mkdirSync(outDir, { recursive: true });
let count = 0;
try {
    for (const entry of readdirSync(examples).sort()) {
        const folder = path.join(examples, entry);
        if (!statSync(folder).isDirectory()) {
            continue;
        }
        const { shared } = createJourneyServices({ ...NodeFileSystem });
        const documents = journeyFiles(folder).map(file => {
            const document = shared.workspace.LangiumDocumentFactory.fromString(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), URI.file(file));
            shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await shared.workspace.DocumentBuilder.build(documents, { validation: false });
        for (const document of documents) {
            if (!document.parseResult.value.declarations.some(isJourney)) {
                continue;
            }
            for (const model of buildJourneyMapModels(document.parseResult.value, today)) {
                const file = path.join(outDir, `${model.name}.svg`);
                const svg = await renderJourneySvg(model, { theme });
                writeFileSync(file, svg);
                if (browser) {
                    await writePng(file, svg, path.join(outDir, `${model.name}.png`));
                }
                console.log(`${path.relative(root, file)}${browser ? ', .png' : ''}  (${path.relative(root, fileURLToPath(model.uri))})`);
                count++;
            }
        }
    }
} finally {
    if (browser) {
        await browser.close();
        rmSync(userDataDir, { recursive: true, force: true });
    }
}
console.log(`render-examples: ${count} journey maps rendered (${browser ? 'SVG and PNG' : 'SVG'}) into ${path.relative(root, outDir) || '.'}.`);
