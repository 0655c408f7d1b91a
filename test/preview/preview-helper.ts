// Shared setup of the preview tests: journey map models built from the examples on disk and from
// text, through the language package's own services (what the CLI and the language server do).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildJourneyMapModels, createJourneyServices, isJourney, type CalendarDate, type JourneyMapModel, type JourneyServices, type Model } from '@journey/language';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { repoRoot } from '../support/journey-process.js';
import { emptyForReuse } from '../support/reusable-services.js';

export const TODAY: CalendarDate = { year: 2026, month: 11, day: 23 };

export interface ExampleJourney {
    /** The example folder (a workspace). */
    example: string;
    file: string;
    text: string;
    model: JourneyMapModel;
}

function journeyFiles(folder: string): string[] {
    return readdirSync(folder).sort().flatMap(entry => {
        const full = path.join(folder, entry);
        return statSync(full).isDirectory() ? journeyFiles(full) : entry.endsWith('.journey') ? [full] : [];
    });
}

/**
 * Services of finished builds, emptied: creating services is cheap, but the first document they parse
 * builds the lexer and the parser (about 0.1 s).
 */
const idle: LangiumSharedServices[] = [];

/**
 * Builds files (absolute path or name → text) as one workspace and gives the documents to `use`. The
 * services are then emptied (the documents deleted the way the language server deletes a file, which
 * evicts every cache) and the next build reuses them, as it would fresh ones: nothing of them may
 * outlive `use`, and the journey map models it builds are plain data.
 */
async function withDocuments<T>(files: Record<string, string>, use: (documents: Map<string, LangiumDocument<Model>>) => T): Promise<T> {
    const shared = idle.pop() ?? createJourneyServices({ ...EmptyFileSystem }).shared;
    const documents = new Map<string, LangiumDocument<Model>>();
    // The examples' data files (CSV exports) are read from disk, where they are beside their maps.
    for (const services of shared.ServiceRegistry.all) {
        (services as JourneyServices).data.DataFiles.reader = uri => readFileSync(uri.fsPath, 'utf8');
    }
    try {
        for (const [name, text] of Object.entries(files)) {
            const uri = path.isAbsolute(name) ? URI.file(name) : URI.parse(`file:///ws/${name}`);
            const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, uri);
            shared.workspace.LangiumDocuments.addDocument(document);
            documents.set(name, document);
        }
        await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
        return use(documents);
    } finally {
        if (await emptyForReuse(shared)) {
            idle.push(shared);
        }
    }
}

let examples: Promise<ExampleJourney[]> | undefined;

/** Every journey of examples/, each example folder loaded as one workspace. Built once per test file. */
export function exampleJourneys(): Promise<ExampleJourney[]> {
    examples ??= (async () => {
        const root = path.join(repoRoot, 'examples');
        const result: ExampleJourney[] = [];
        for (const example of readdirSync(root).sort()) {
            const folder = path.join(root, example);
            if (!statSync(folder).isDirectory()) {
                continue;
            }
            const files = Object.fromEntries(journeyFiles(folder).map(file => [file, readFileSync(file, 'utf8')]));
            await withDocuments(files, documents => {
                for (const [file, document] of documents) {
                    if (document.parseResult.value.declarations.some(isJourney)) {
                        for (const model of buildJourneyMapModels(document.parseResult.value, TODAY)) {
                            result.push({ example, file, text: files[file], model });
                        }
                    }
                }
            });
        }
        return result;
    })();
    return examples;
}

/** The journey map models of one text (with optional other files of the same workspace). */
export async function modelsOf(text: string, others: Record<string, string> = {}): Promise<JourneyMapModel[]> {
    return withDocuments({ ...others, 'main.journey': text },
        documents => buildJourneyMapModels(documents.get('main.journey')!.parseResult.value, TODAY));
}

export async function modelOf(text: string, others: Record<string, string> = {}): Promise<JourneyMapModel> {
    const [model] = await modelsOf(text, others);
    if (!model) {
        throw new Error('no journey in the text');
    }
    return model;
}

/** The smallest map: one stage, one touchpoint. */
export const ONE_TOUCHPOINT = `persona olivia "Olivia" {
    need fast "Be fast" importance 4
}
journey tiny "One touchpoint" {
    persona olivia
    stage only "Only stage" {
        touchpoint hello "Hello" { serves fast }
    }
}
`;

/** A string that would be markup if it were not escaped, in every place text can go. */
export const SCRIPT = '<script>alert(1)</script>';
export const ATTRIBUTE = '" onload="alert(1)';
export const HOSTILE = `team ops "${SCRIPT.replace(/"/g, '\\"')}"
channel web "${ATTRIBUTE.replace(/"/g, '\\"')}" online
metric csat "${SCRIPT}" scale 1 to 5
competitor acme "${ATTRIBUTE.replace(/"/g, '\\"')}"
source survey "${SCRIPT}" survey
persona olivia "${SCRIPT}" {
    need fast "${ATTRIBUTE.replace(/"/g, '\\"')}" importance 5
}
journey hostile "${SCRIPT} & ${ATTRIBUTE.replace(/"/g, '\\"')}" {
    persona olivia
    trigger "${SCRIPT}"
    owner ops
    stage one "${ATTRIBUTE.replace(/"/g, '\\"')}" {
        phase pre-purchase
        question "${SCRIPT}"
        touchpoint a "${SCRIPT}" {
            channel web
            action "${ATTRIBUTE.replace(/"/g, '\\"')}"
            thinks "${SCRIPT}"
            emotion -2 "${SCRIPT}"
            serves fast
            backstage "${ATTRIBUTE.replace(/"/g, '\\"')}"
            kpi csat 2 target 4 source survey
            moment of truth
            pain p "${SCRIPT}" severity 4 evidence survey
            opportunity o "${ATTRIBUTE.replace(/"/g, '\\"')}" for p owner ops
        }
        touchpoint b "${ATTRIBUTE.replace(/"/g, '\\"')}" { channel web serves fast }
    }
    flow a -> b "${SCRIPT}"
    unknown "${SCRIPT}"
    valuegap {
        fast us 2 acme 4
    }
    plan fix "${SCRIPT}" {
        addresses p
        owner ops
        due 2026-01-01
        status open
    }
}
`;
