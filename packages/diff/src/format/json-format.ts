import type { Change, DiffFinding, JourneyDiff, WorkspaceDiff } from '../diff-model.js';
import { summarize, type DiffSummary } from './summary.js';
import type { DiffNames } from './text-format.js';

/** The schema of `--format json` (schemas/journey-diff.schema.json, shipped with the CLI). */
export const DIFF_SCHEMA_URL = 'https://github.com/journey-maps/journey/blob/main/schemas/journey-diff.schema.json';

/** `--format json`: the shape `schemas/journey-diff.schema.json` describes (format version 1). */
export interface DiffJson {
    $schema: string;
    formatVersion: 1;
    base: string;
    head: string;
    changed: boolean;
    summary: DiffSummary;
    journeys: Array<Omit<JourneyDiff, 'head' | 'base'>>;
    workspace: Change[];
    findings: { introduced: DiffFinding[]; fixed: DiffFinding[] };
    broken: { base: string[]; head: string[] };
}

export function diffJson(diff: WorkspaceDiff, names: DiffNames): DiffJson {
    return {
        $schema: DIFF_SCHEMA_URL,
        formatVersion: 1,
        base: names.base,
        head: names.head,
        changed: diff.changed,
        summary: summarize(diff),
        // The map models stay out: the JSON says what changed, not the maps.
        journeys: diff.journeys.map(({ head: _head, base: _base, ...journey }) => journey),
        workspace: diff.workspace,
        findings: diff.findings,
        broken: diff.broken,
    };
}

export function formatDiffJson(diff: WorkspaceDiff, names: DiffNames): string {
    return `${JSON.stringify(diffJson(diff, names), null, 2)}\n`;
}
