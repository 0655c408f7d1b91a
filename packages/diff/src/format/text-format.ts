import type { Change, DiffFinding, WorkspaceDiff } from '../diff-model.js';
import { summaryLine, where } from './summary.js';

export interface TextStyle {
    better: (text: string) => string;
    worse: (text: string) => string;
    muted: (text: string) => string;
    bold: (text: string) => string;
}

const PLAIN: TextStyle = { better: t => t, worse: t => t, muted: t => t, bold: t => t };

export interface DiffNames {
    /** What BASE and HEAD are called: `main`, `working tree`, a folder. */
    base: string;
    head: string;
}

/**
 * `--format text`: a summary line, then per journey its changes, one line each, marked `+` better, `-`
 * worse, `·` neither (colours only add to the marks), then workspace-wide changes and the findings.
 */
export function formatDiffText(diff: WorkspaceDiff, names: DiffNames, style: TextStyle = PLAIN): string {
    const lines = [style.bold(`journey diff ${names.base} → ${names.head}: ${summaryLine(diff)}`)];
    for (const journey of diff.journeys) {
        const title = journey.status === 'renamed' ? `${journey.label} (${journey.previousName} → ${journey.name})` : `${journey.label} (${journey.name})`;
        lines.push('', style.bold(`${title}: ${journey.status}`));
        lines.push(...journey.changes.map(change => changeLine(change, style)));
    }
    if (diff.workspace.length > 0) {
        lines.push('', style.bold('Personas and needs'), ...diff.workspace.map(change => changeLine(change, style)));
    }
    const { introduced, fixed } = diff.findings;
    if (introduced.length > 0 || fixed.length > 0) {
        lines.push('', style.bold('Lint findings'));
        lines.push(...introduced.map(finding => `  ${style.worse('+')} ${findingLine(finding)} ${style.muted('(introduced)')}`));
        lines.push(...fixed.map(finding => `  ${style.better('-')} ${findingLine(finding)} ${style.muted('(fixed)')}`));
    }
    for (const [side, files] of [[names.base, diff.broken.base], [names.head, diff.broken.head]] as const) {
        if (files.length > 0) {
            lines.push('', style.worse(`On ${side}, ${files.join(', ')} ${files.length === 1 ? 'has' : 'have'} syntax errors: ${files.length === 1 ? 'its' : 'their'} journeys are not compared (run journey lint).`));
        }
    }
    return `${lines.join('\n')}\n`;
}

function changeLine(change: Change, style: TextStyle): string {
    const mark = change.direction === 'better' ? style.better('+') : change.direction === 'worse' ? style.worse('-') : style.muted('·');
    const place = where(change);
    return `  ${mark} ${change.text}${place ? `  ${style.muted(place)}` : ''}`;
}

export function findingLine(finding: DiffFinding): string {
    return `${finding.path}:${finding.line} ${finding.severity} ${finding.message} [${finding.ruleId}]`;
}
