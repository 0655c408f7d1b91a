#!/usr/bin/env node
// Renders every journey of examples/ to docs/images/<journey>.svg with the built packages
// (npm run build first). Each folder directly under examples/ is one workspace, as `journey lint`
// would load it. Usage: node scripts/render-examples.mjs [--today YYYY-MM-DD] [--theme light|dark]
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

function journeyFiles(folder) {
    return readdirSync(folder).sort().flatMap(entry => {
        const full = path.join(folder, entry);
        return statSync(full).isDirectory() ? journeyFiles(full) : entry.endsWith('.journey') ? [full] : [];
    });
}

const examples = path.join(root, 'examples');
const outDir = path.join(root, 'docs/images');
mkdirSync(outDir, { recursive: true });
let count = 0;
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
            writeFileSync(file, await renderJourneySvg(model, { theme }));
            console.log(`${path.relative(root, file)}  (${path.relative(root, fileURLToPath(model.uri))})`);
            count++;
        }
    }
}
console.log(`render-examples: ${count} journey maps rendered.`);
