import type { WorkspacePersonaModel } from '@journey/language';
import type { Change, DiffSide } from '../diff-model.js';
import { matchElements } from '../match/matching.js';
import { location, numberText, quoted } from '../text/words.js';

/** Personas by name (else the same label: renamed), their labels, and their needs: added, removed, importance. In HEAD order, removed ones after. */
export function diffPersonas(base: DiffSide, head: DiffSide, compared: (side: DiffSide) => WorkspacePersonaModel[] = side => side.workspace.personas): Change[] {
    const changes: Change[] = [];
    const personas = matchElements(compared(base), compared(head), p => p.name, [(b, h) => b.label === h.label ? 1 : 0]);
    const at = (p: WorkspacePersonaModel, range = p.nameRange) => location(head, p.uri, range);
    const was = (p: WorkspacePersonaModel, range = p.nameRange) => location(base, p.uri, range);
    for (const pair of personas.pairs) {
        const { base: b, head: h } = pair;
        const common = { element: 'persona' as const, name: h.name, label: h.label, at: at(h), was: was(b) };
        if (pair.renamed) {
            changes.push({ ...common, kind: 'renamed', direction: 'neutral', before: b.name, after: h.name, text: `Persona ${quoted(h)} renamed from ${b.name} to ${h.name}` });
        }
        if (b.label !== h.label) {
            changes.push({ ...common, kind: 'label', direction: 'neutral', before: b.label, after: h.label, text: `Persona ${quoted(b)} is now called ${quoted(h)}` });
        }
        changes.push(...diffNeeds(b, h, base, head));
    }
    for (const h of personas.added) {
        changes.push({ element: 'persona', name: h.name, label: h.label, kind: 'added', direction: 'neutral', at: at(h), text: `New persona ${quoted(h)}` });
    }
    for (const b of personas.removed) {
        changes.push({ element: 'persona', name: b.name, label: b.label, kind: 'removed', direction: 'neutral', was: was(b), text: `Persona ${quoted(b)} removed` });
    }
    return changes;
}

function diffNeeds(base: WorkspacePersonaModel, head: WorkspacePersonaModel, baseSide: DiffSide, headSide: DiffSide): Change[] {
    const changes: Change[] = [];
    const needs = matchElements(base.needs, head.needs, need => need.name, [(b, h) => b.label === h.label ? 1 : 0]);
    const of = `of ${quoted(head)}`;
    const importance = (value: number | undefined) => value === undefined ? 'none' : numberText(value);
    const at = location(headSide, head.uri, head.range);
    const was = location(baseSide, base.uri, base.range);
    for (const pair of needs.pairs) {
        const { base: b, head: h } = pair;
        const common = { element: 'need' as const, name: `${head.name}.${h.name}`, label: h.label, at, was };
        if (pair.renamed) {
            changes.push({ ...common, kind: 'renamed', direction: 'neutral', before: b.name, after: h.name, text: `Need ${quoted(h)} ${of} renamed from ${b.name} to ${h.name}` });
        }
        if (b.label !== h.label) {
            changes.push({ ...common, kind: 'label', direction: 'neutral', before: b.label, after: h.label, text: `Need ${quoted(b)} ${of} is now called ${quoted(h)}` });
        }
        if (b.importance !== h.importance) {
            changes.push({ ...common, kind: 'importance', direction: 'neutral', before: b.importance ?? null, after: h.importance ?? null,
                text: `Importance of need ${quoted(h)} ${of} went from ${importance(b.importance)} to ${importance(h.importance)}` });
        }
    }
    for (const h of needs.added) {
        const suffix = h.importance !== undefined ? ` (importance ${numberText(h.importance)})` : '';
        changes.push({ element: 'need', name: `${head.name}.${h.name}`, label: h.label, kind: 'added', direction: 'neutral', after: h.importance ?? null, at,
            text: `New need ${quoted(h)} ${of}${suffix}` });
    }
    for (const b of needs.removed) {
        changes.push({ element: 'need', name: `${base.name}.${b.name}`, label: b.label, kind: 'removed', direction: 'neutral', before: b.importance ?? null, was,
            text: `Need ${quoted(b)} ${of} removed` });
    }
    return changes;
}

