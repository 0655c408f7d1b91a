// The real Mermaid parser, run in Node for the interchange tests. Mermaid sanitizes text with DOMPurify,
// which needs a DOM: happy-dom provides one. The journey diagram's database is read after each parse to
// see what Mermaid's grammar made of the text.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './journey-process.js';

export interface MermaidMeaning {
    title: string;
    accTitle: string;
    accDescription: string;
    sections: string[];
    tasks: Array<{ section: string; task: string; score: number; people: string[] }>;
}

interface JourneyDb {
    getDiagramTitle(): string;
    getAccTitle(): string;
    getAccDescription(): string;
    getSections(): string[];
    getTasks(): Array<{ section: string; task: string; score: number; people: string[] }>;
}

interface MermaidApi {
    initialize(config: { startOnLoad: boolean }): void;
    parse(text: string): Promise<{ diagramType: string }>;
    mermaidAPI: { getDiagramFromText(text: string, metadata?: { title?: string }): Promise<{ type: string; db: unknown }> };
}

let loaded: Promise<MermaidApi> | undefined;

async function load(): Promise<MermaidApi> {
    const scope = globalThis as unknown as { window?: unknown; document?: unknown };
    if (scope.window === undefined) {
        const { Window } = await import('happy-dom');
        const window = new Window();
        scope.window = window;
        scope.document = window.document;
    }
    const mermaid = (await import('mermaid')).default as unknown as MermaidApi;
    // Registers the diagram types, as a page does before rendering.
    mermaid.initialize({ startOnLoad: false });
    return mermaid;
}

export function realMermaid(): Promise<MermaidApi> {
    loaded ??= load();
    return loaded;
}

/** Mermaid's `parse`: resolves when Mermaid accepts the text, rejects with its error otherwise. */
export async function mermaidParse(text: string): Promise<string> {
    const mermaid = await realMermaid();
    return (await mermaid.parse(text)).diagramType;
}

/**
 * What Mermaid's journey grammar made of a diagram: parsed as `mermaid.render` parses it (front matter
 * title included), then read from the journey database. Entity placeholders are turned back into the
 * codes the text had.
 */
export async function mermaidMeaning(text: string, frontMatterTitle?: string): Promise<MermaidMeaning> {
    const mermaid = await realMermaid();
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text, frontMatterTitle !== undefined ? { title: frontMatterTitle } : {});
    if (diagram.type !== 'journey') {
        throw new Error(`not a journey diagram: ${diagram.type}`);
    }
    const db = diagram.db as JourneyDb;
    const restore = (value: string): string => value.replace(/\uFB02\u00B0\u00B0/g, '#').replace(/\uFB02\u00B0/g, '#').replace(/\u00B6\u00DF/g, ';');
    return {
        title: restore(db.getDiagramTitle()),
        accTitle: restore(db.getAccTitle()),
        accDescription: restore(db.getAccDescription()),
        sections: db.getSections().map(restore),
        tasks: db.getTasks().map(task => ({
            section: restore(task.section), task: restore(task.task), score: task.score, people: task.people.map(restore),
        })),
    };
}

/** The file of Mermaid's compiled journey parser, named in test messages. */
export function mermaidJourneyChunk(): string {
    const folder = path.join(repoRoot, 'node_modules/mermaid/dist/chunks/mermaid.core');
    const file = readdirSync(folder).find(name => /^journeyDiagram-.*\.mjs$/.test(name));
    return pathToFileURL(path.join(folder, file ?? 'journeyDiagram.mjs')).href;
}
