import type { JourneyMapModel, WorkspacePersonaModel } from '@journey/language';
import { compareText } from '@journey/language/ordering';
import type { Change, DiffFinding, DiffSide, JourneyDiff, WorkspaceDiff } from '../diff-model.js';
import { diffJourney } from '../journey/journey-diff.js';
import { matchJourneys } from '../match/match-journeys.js';
import { location, quoted } from '../text/words.js';
import { diffFindings } from './finding-diff.js';
import { diffPersonas } from './persona-diff.js';

/**
 * What changed in meaning between two versions of a workspace: journeys (in HEAD's order, removed
 * ones after in BASE's), personas and needs, lint findings. Text, comments, declaration order and
 * which file holds what are not compared: elements are matched by name (then label or body), never
 * by position in a file or URI. Journeys and personas of a file that does not parse on either side are
 * left out, and so are its findings but the syntax error.
 */
export function diffWorkspaces(base: DiffSide, head: DiffSide): WorkspaceDiff {
    const broken = new Set([...base.broken, ...head.broken]);
    const inBroken = (side: DiffSide) => (journey: JourneyMapModel) => broken.has(side.paths[journey.uri] ?? journey.uri);
    const skipped = new Set([...base.workspace.journeys.filter(inBroken(base)), ...head.workspace.journeys.filter(inBroken(head))].map(j => j.name));
    const compared = (side: DiffSide) => side.workspace.journeys.filter(journey => !inBroken(side)(journey) && !skipped.has(journey.name));

    const personaLabels = new Map<string, string>();
    for (const persona of [...base.workspace.personas, ...head.workspace.personas]) {
        personaLabels.set(persona.name, persona.label || persona.name);
    }
    const personaLabel = (name: string) => personaLabels.get(name) ?? name;

    const matching = matchJourneys(compared(base), compared(head));
    const journeys: JourneyDiff[] = [];
    const headOrder = new Map(compared(head).map((journey, index) => [journey, index]));
    const entries: Array<{ order: number; diff: JourneyDiff }> = [];
    for (const pair of matching.pairs) {
        const { base: b, head: h } = pair;
        const changes: Change[] = [];
        if (pair.renamed) {
            changes.push({ kind: 'renamed', element: 'journey', name: h.name, label: h.label, journey: h.name, direction: 'neutral', before: b.name, after: h.name,
                text: `Journey ${quoted(h)} renamed from ${b.name} to ${h.name}`, at: location(head, h.uri, h.nameRange), was: location(base, b.uri, b.nameRange) });
        }
        changes.push(...diffJourney(b, h, base, head, personaLabel));
        if (changes.length > 0) {
            entries.push({ order: headOrder.get(h) ?? 0, diff: {
                name: h.name, label: h.label, status: pair.renamed ? 'renamed' : 'changed', ...(pair.renamed ? { previousName: b.name } : {}), changes, head: h, base: b,
            } });
        }
    }
    for (const h of matching.added) {
        entries.push({ order: headOrder.get(h) ?? 0, diff: {
            name: h.name, label: h.label, status: 'added', head: h,
            changes: [{ kind: 'added', element: 'journey', name: h.name, label: h.label, journey: h.name, direction: 'neutral', text: `New journey ${quoted(h)}`, at: location(head, h.uri, h.nameRange) }],
        } });
    }
    entries.sort((x, y) => x.order - y.order);
    journeys.push(...entries.map(entry => entry.diff));
    for (const b of matching.removed) {
        journeys.push({
            name: b.name, label: b.label, status: 'removed', base: b,
            changes: [{ kind: 'removed', element: 'journey', name: b.name, label: b.label, journey: b.name, direction: 'neutral', text: `Journey ${quoted(b)} removed`, was: location(base, b.uri, b.nameRange) }],
        });
    }

    // Personas of a file that does not parse on either side are left out like its journeys.
    const personaInBroken = (side: DiffSide) => (persona: WorkspacePersonaModel) => broken.has(side.paths[persona.uri] ?? persona.uri);
    const skippedPersonas = new Set([...base.workspace.personas.filter(personaInBroken(base)), ...head.workspace.personas.filter(personaInBroken(head))].map(p => p.name));
    const workspace = diffPersonas(base, head, side => side.workspace.personas.filter(persona => !personaInBroken(side)(persona) && !skippedPersonas.has(persona.name)));
    // A file that does not parse is not checked: its other findings are not fixed, just not looked for. Its syntax error is a finding.
    const checked = (findings: readonly DiffFinding[]) => findings.filter(finding => !broken.has(finding.path) || finding.ruleId === 'syntax');
    const renamed = new Map(matching.pairs.filter(pair => pair.renamed).map(pair => [pair.base.name, pair.head.name]));
    const findings = diffFindings(checked(base.findings), checked(head.findings), renamed);
    return {
        journeys,
        workspace,
        findings,
        broken: { base: [...base.broken].sort(compareText), head: [...head.broken].sort(compareText) },
        changed: journeys.length > 0 || workspace.length > 0 || findings.introduced.length > 0 || findings.fixed.length > 0,
    };
}
