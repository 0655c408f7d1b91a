import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { compareText, type CalendarDate } from '@journey/language';
import { findJourneyFiles } from './file-discovery.js';
import { loadJourneyWorkspace, type LoadedFile } from './journey-workspace.js';

/** How many folders up the workspace may grow while names stay unresolved (journeys/ next to personas/). */
const MAX_WIDENING = 2;

/**
 * One `.journey` file loaded with the `.journey` files of its folder (recursively), so that personas,
 * channels and teams declared next to it resolve; while names stay unresolved, with its parent folder's,
 * up to two levels, never past a folder holding journey.config.json or .git. The same workspace rule as
 * `journey render`.
 */
export async function loadJourneyFile(filePath: string, options: { today?: CalendarDate } = {}): Promise<LoadedFile> {
    let folder = path.dirname(filePath);
    for (let level = 0; ; level++) {
        const files = await findJourneyFiles([folder], folder).catch(() => [] as string[]);
        if (!files.includes(filePath)) {
            files.push(filePath);
            files.sort(compareText);
        }
        const workspace = await loadJourneyWorkspace(files, { today: options.today });
        const target = workspace.files.find(loaded => loaded.filePath === filePath)!;
        const unresolved = target.diagnostics.some(diagnostic => diagnostic.code === 'unresolved-reference');
        const parent = path.dirname(folder);
        if (!unresolved || level >= MAX_WIDENING || parent === folder || await isBoundary(folder)) {
            return target;
        }
        folder = parent;
    }
}

async function isBoundary(folder: string): Promise<boolean> {
    const entries = await readdir(folder).catch(() => [] as string[]);
    return entries.includes('journey.config.json') || entries.includes('.git');
}
