import type { Change, DiffFinding, JourneyDiff, WorkspaceDiff } from '../diff-model.js';
import { summarize, type DiffSummary } from './summary.js';
import type { DiffNames } from './text-format.js';

/** `--format json`: the shape `schemas/journey-diff.schema.json` describes (version 1). */
export interface DiffJson {
    version: 1;
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
        version: 1,
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
