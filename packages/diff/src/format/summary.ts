import type { Change, JourneyDiff, WorkspaceDiff } from '../diff-model.js';

/** The counts every format opens with. */
export interface DiffSummary {
    journeys: { added: number; removed: number; renamed: number; changed: number };
    changes: number;
    better: number;
    worse: number;
    findings: { introduced: number; fixed: number };
}

export function summarize(diff: WorkspaceDiff): DiffSummary {
    const all = allChanges(diff);
    const count = (status: JourneyDiff['status']) => diff.journeys.filter(journey => journey.status === status).length;
    return {
        journeys: { added: count('added'), removed: count('removed'), renamed: count('renamed'), changed: count('changed') },
        changes: all.length,
        better: all.filter(change => change.direction === 'better').length,
        worse: all.filter(change => change.direction === 'worse').length,
        findings: { introduced: diff.findings.introduced.length, fixed: diff.findings.fixed.length },
    };
}

export function allChanges(diff: WorkspaceDiff): Change[] {
    return [...diff.journeys.flatMap(journey => journey.changes), ...diff.workspace];
}

/** The summary in one line of plain words: "2 journeys changed, 1 added; 9 changes (3 better, 4 worse); 1 finding introduced". */
export function summaryLine(diff: WorkspaceDiff): string {
    if (!diff.changed) {
        return 'No change in meaning.';
    }
    const summary = summarize(diff);
    const { journeys } = summary;
    const parts = [
        journeys.changed > 0 ? `${plural(journeys.changed, 'journey')} changed` : '',
        journeys.added > 0 ? `${journeys.added} added` : '',
        journeys.renamed > 0 ? `${journeys.renamed} renamed` : '',
        journeys.removed > 0 ? `${journeys.removed} removed` : '',
    ].filter(Boolean);
    const changes = `${plural(summary.changes, 'change')}${summary.changes > 0 ? ` (${summary.better} better, ${summary.worse} worse)` : ''}`;
    const findings = [
        summary.findings.introduced > 0 ? `${plural(summary.findings.introduced, 'finding')} introduced` : '',
        summary.findings.fixed > 0 ? `${plural(summary.findings.fixed, 'finding')} fixed` : '',
    ].filter(Boolean);
    return [...(parts.length > 0 ? [parts.join(', ')] : []), changes, ...findings].join('; ');
}

export function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** What a reviewer reads first: worse emotions and new pains, then everything else worse, then better, then the rest. */
export function byImportance(changes: readonly Change[]): Change[] {
    const rank = (change: Change) => {
        if (change.direction === 'worse' && (change.kind === 'emotion' || (change.element === 'pain' && change.kind === 'added'))) {
            return 0;
        }
        return change.direction === 'worse' ? 1 : change.direction === 'better' ? 2 : 3;
    };
    // Stable: within a rank, the map's order.
    return changes.map((change, index) => ({ change, index })).sort((a, b) => rank(a.change) - rank(b.change) || a.index - b.index).map(entry => entry.change);
}

/** Where an element is: `path:line`. */
export function where(change: Change): string | undefined {
    const place = change.at ?? change.was;
    return place ? `${place.path}:${place.line}` : undefined;
}
