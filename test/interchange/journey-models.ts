// Journey map models built in-process from .journey texts: what `journey export` builds from files.
import { buildJourneyMapModels, parseCalendarDate, type JourneyMapModel, type Model } from '@journey/language';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { repoRoot } from '../support/journey-process.js';
import { buildWorkspace } from '../language/workspace-helper.js';

export interface BuiltModels {
    /** Every journey of every file, files in the order given. */
    journeys: JourneyMapModel[];
    /** Error diagnostics of all files (syntax, unresolved names, rules at error severity). */
    errors: Diagnostic[];
}

export const TODAY = '2026-06-01';

export async function buildModels(files: Record<string, string>, today = TODAY): Promise<BuiltModels> {
    const workspace = await buildWorkspace(files);
    const date = parseCalendarDate(today)!;
    const journeys: JourneyMapModel[] = [];
    const errors: Diagnostic[] = [];
    for (const document of workspace.documents.values()) {
        journeys.push(...buildJourneyMapModels(document.parseResult.value as Model, date));
        errors.push(...(document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === 1));
    }
    return { journeys, errors };
}

/** The .journey files of a folder of the repository, and its data files (CSV), by relative path. */
export function journeyFiles(folder: string): Record<string, string> {
    const root = path.join(repoRoot, folder);
    const files: Record<string, string> = {};
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
        // The maps and the data files (CSV exports) their sources point at.
        if (entry.isFile() && (entry.name.endsWith('.journey') || entry.name.endsWith('.csv'))) {
            const file = path.join(entry.parentPath, entry.name);
            files[path.relative(root, file).split(path.sep).join('/')] = readFileSync(file, 'utf8');
        }
    }
    return files;
}
