import type { JourneyMapModel, WorkspaceModel } from '@journey/language';

/**
 * What `journey diff` compares: a workspace's model and its lint findings, at one version (a git
 * revision, the working tree, or a folder). Plain data, made by the CLI.
 */
export interface DiffSide {
    workspace: WorkspaceModel;
    /** Every finding of every file, with the file's path as shown (relative to the repository or folder, `/`). */
    findings: DiffFinding[];
    /** The files that do not parse (paths as shown): their journeys are not compared (not "removed"). */
    broken: string[];
    /** Each file's path as shown, by URI: the same file at another version has another URI, but the same path. */
    paths: Record<string, string>;
}

export interface DiffFinding {
    path: string;
    /** The journey it is in, when it is inside one. */
    journey?: string;
    ruleId: string;
    severity: 'error' | 'warning' | 'info';
    message: string;
    line: number;
}

/** How a change reads for a reviewer: better or worse for the customer, or neither. */
export type Direction = 'better' | 'worse' | 'neutral';

/** One change in meaning. `kind` is a stable identifier (the JSON schema lists them); `text` says it in words. */
export interface Change {
    kind: ChangeKind;
    /** The element it is about, as the map names it: `journey`, `stage`, `touchpoint`, `pain`, `opportunity`, `kpi`, `plan`, `persona`, `need`, `value-gap`, `unknown`, `finding`. */
    element: ElementKind;
    /** The element's name (for a KPI `touchpoint.metric`, a value-gap row `need`, an unknown its text). */
    name: string;
    /** Its label (title) on the side that has it (HEAD, else BASE). */
    label: string;
    /** The journey it is in (absent for workspace-wide changes). */
    journey?: string;
    direction: Direction;
    /** Plain words, one line: "Emotion at Pricing page went from −2 to +1 (better)". */
    text: string;
    /** The values before and after, when the change is of a value. */
    before?: string | number | boolean | null;
    after?: string | number | boolean | null;
    /** Where it is on HEAD (absent for something removed): path as shown, 1-based line. */
    at?: { path: string; line: number };
    /** Where it was on BASE (for something removed or moved). */
    was?: { path: string; line: number };
}

export type ElementKind = 'journey' | 'stage' | 'touchpoint' | 'pain' | 'opportunity' | 'kpi' | 'plan' | 'persona' | 'need' | 'value-gap' | 'unknown' | 'finding';

export type ChangeKind =
    | 'added' | 'removed' | 'renamed'
    | 'moved' | 'reordered'
    | 'emotion' | 'channel' | 'owner' | 'by' | 'serves' | 'evidence' | 'moment-of-truth'
    | 'severity' | 'answers'
    | 'kpi-value' | 'kpi-target' | 'kpi-crossed-target'
    | 'plan-status' | 'plan-due' | 'plan-owner'
    | 'value-gap-score'
    | 'answered'
    | 'state' | 'reviewed'
    | 'importance'
    | 'label'
    | 'introduced' | 'fixed';

export interface JourneyDiff {
    /** The journey's name on HEAD (BASE for a removed one). */
    name: string;
    label: string;
    status: 'added' | 'removed' | 'renamed' | 'changed';
    /** BASE's name, for a renamed journey. */
    previousName?: string;
    changes: Change[];
    /** The map models compared (HEAD's and BASE's), for the HTML view. */
    head?: JourneyMapModel;
    base?: JourneyMapModel;
}

export interface WorkspaceDiff {
    journeys: JourneyDiff[];
    /** Personas and needs added, removed, changed importance. */
    workspace: Change[];
    /** Lint findings introduced and fixed. */
    findings: { introduced: DiffFinding[]; fixed: DiffFinding[] };
    /** Files that do not parse on either side: "has syntax errors", not "everything removed". */
    broken: { base: string[]; head: string[] };
    /** Whether anything changed in meaning (journeys, workspace or findings). */
    changed: boolean;
}
