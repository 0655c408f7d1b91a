import { createHash } from 'node:crypto';
import type { LintSeverity } from '../lint-results.js';
import { singleLine } from './finding-text.js';
import type { Formatter } from './formatter.js';
import { displayPosixPath } from './paths.js';

/**
 * GitLab's Code Quality severities are `info`, `minor`, `major`, `critical` and `blocker` (the
 * Code Climate scale; GitLab sorts the merge request widget by it). A journey error is a map that is
 * wrong or cannot be read, which is `major`; `critical` and `blocker` stay for tools whose findings
 * are graver (a security hole, a crash), so that ours do not outrank them in a report that merges
 * several tools. A warning is `minor`; an info is `info`.
 */
const SEVERITIES: Record<LintSeverity, GitLabSeverity> = { 2: 'major', 1: 'minor', 0: 'info' };

/**
 * The Code Climate spec (whose subset GitLab reads) requires one category or more; GitLab ignores
 * them. Without per-rule categories, the severity says it: an error is a map that is wrong (a bug
 * risk), a warning or an info one that reads unclear or incomplete.
 */
const CATEGORIES: Record<LintSeverity, CodeClimateCategory> = { 2: 'Bug Risk', 1: 'Clarity', 0: 'Clarity' };

type GitLabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';
type CodeClimateCategory = 'Bug Risk' | 'Clarity';

/** One finding of a GitLab Code Quality report (a Code Climate issue). */
export interface GitLabIssue {
    type: 'issue';
    description: string;
    check_name: string;
    fingerprint: string;
    severity: GitLabSeverity;
    categories: CodeClimateCategory[];
    location: { path: string; lines: { begin: number; end: number } };
}

/**
 * A GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array with one issue per
 * problem, `[]` when there is none. Paths are relative to the working directory (the repository root
 * in a CI job), with forward slashes and no `./`, as GitLab wants them.
 */
export const gitlabFormatter: Formatter = (results, context) => {
    const issues: GitLabIssue[] = [];
    for (const result of results) {
        const path = displayPosixPath(result.filePath, context.cwd);
        const occurrences = new Map<string, number>();
        for (const message of result.messages) {
            // GitLab keys a report's findings by fingerprint (a second one with the same fingerprint
            // replaces the first) and compares the fingerprints of the source and target branches to
            // tell new findings from fixed ones. So the fingerprint is what the finding is, not where:
            // file, rule and message, and no line number, so that a line inserted above a finding does
            // not make it new; identical findings in one file are told apart by their order (1st, 2nd …).
            const key = JSON.stringify([path, message.ruleId, message.message]);
            const occurrence = (occurrences.get(key) ?? 0) + 1;
            occurrences.set(key, occurrence);
            issues.push({
                type: 'issue',
                // The Code Climate spec wants descriptions on one line.
                description: singleLine(message.message),
                check_name: message.ruleId,
                fingerprint: fingerprint(key, occurrence),
                severity: SEVERITIES[message.severity],
                categories: [CATEGORIES[message.severity]],
                location: { path, lines: { begin: message.line, end: message.endLine } },
            });
        }
    }
    return `${JSON.stringify(issues, undefined, 2)}\n`;
};

function fingerprint(key: string, occurrence: number): string {
    return createHash('sha256').update(`${key}\n${occurrence}`).digest('hex');
}
