import type { JourneyMapModel } from '@journey/language';
import type { Direction } from '../diff-model.js';
import { matchElements } from '../match/matching.js';
import { directionSuffix, higherIsBetter, location, lowerIsBetter, numberText, quoted } from '../text/words.js';
import { bucket, type ChangeSink } from './change-sink.js';

/** Plans by name: added, removed, status, due date, owner (and label). */
export function diffPlans(sink: ChangeSink, base: JourneyMapModel, head: JourneyMapModel): void {
    const matching = matchElements(base.plans, head.plans, plan => plan.name, [(b, h) => b.label === h.label ? 1 : 0]);
    for (const pair of matching.pairs) {
        const { base: b, head: h } = pair;
        const common = { element: 'plan' as const, name: h.name, label: h.label, at: location(sink.head, sink.headUri, h.nameRange), was: location(sink.base, sink.baseUri, b.nameRange) };
        if (pair.renamed) {
            sink.add(bucket.plans, { ...common, kind: 'renamed', direction: 'neutral', before: b.name, after: h.name, text: `Plan ${quoted(h)} renamed from ${b.name} to ${h.name}` });
        }
        if (b.label !== h.label) {
            sink.add(bucket.plans, { ...common, kind: 'label', direction: 'neutral', before: b.label, after: h.label, text: `Plan ${quoted(b)} is now called ${quoted(h)}` });
        }
        if (b.status !== h.status) {
            sink.add(bucket.plans, { ...common, kind: 'plan-status', direction: 'neutral', before: b.status, after: h.status, text: `Plan ${quoted(h)} went from ${b.status} to ${h.status}` });
        }
        if (b.due !== h.due) {
            const text = !h.due ? `Plan ${quoted(h)} no longer has a due date (was ${b.due})`
                : !b.due ? `Plan ${quoted(h)} is now due ${h.due}`
                    : `Plan ${quoted(h)} is now due ${h.due} (was ${b.due})`;
            sink.add(bucket.plans, { ...common, kind: 'plan-due', direction: 'neutral', before: b.due ?? null, after: h.due ?? null, text });
        }
        if (b.owner?.name !== h.owner?.name) {
            sink.add(bucket.plans, { ...common, kind: 'plan-owner', direction: 'neutral', before: b.owner?.name ?? null, after: h.owner?.name ?? null,
                text: `Owner of plan ${quoted(h)} changed from ${b.owner ? quoted(b.owner) : 'none'} to ${h.owner ? quoted(h.owner) : 'none'}` });
        }
    }
    for (const h of matching.added) {
        sink.add(bucket.plans, { element: 'plan', name: h.name, label: h.label, kind: 'added', direction: 'neutral', after: h.status,
            at: location(sink.head, sink.headUri, h.nameRange), text: `New plan ${quoted(h)} (${h.status}${h.due ? `, due ${h.due}` : ''})` });
    }
    for (const b of matching.removed) {
        sink.add(bucket.plans, { element: 'plan', name: b.name, label: b.label, kind: 'removed', direction: 'neutral', before: b.status,
            was: location(sink.base, sink.baseUri, b.nameRange), text: `Plan ${quoted(b)} removed` });
    }
}

/** Value-gap rows by need: our score (up is better), each competitor's (up is worse); rows and scores added or removed. */
export function diffValueGap(sink: ChangeSink, base: JourneyMapModel, head: JourneyMapModel): void {
    const key = (row: JourneyMapModel['valueGap'][number]) => row.persona ? `${row.persona}.${row.need}` : row.need;
    const matching = matchElements(base.valueGap, head.valueGap, key);
    const scores = (row: JourneyMapModel['valueGap'][number]) => [`us ${numberText(row.us)}`, ...row.competitors.map(c => `${quoted(c)} ${numberText(c.score)}`)].join(', ');
    for (const { base: b, head: h } of matching.pairs) {
        const common = { element: 'value-gap' as const, name: h.need, label: h.label, at: location(sink.head, sink.headUri, h.range), was: location(sink.base, sink.baseUri, b.range) };
        const need = quoted({ name: h.need, label: h.label });
        if (b.us !== h.us) {
            const direction = higherIsBetter(b.us, h.us);
            sink.add(bucket.valueGap, { ...common, kind: 'value-gap-score', direction, before: b.us, after: h.us,
                text: `Our score on ${need} went from ${numberText(b.us)} to ${numberText(h.us)}${directionSuffix(direction)}` });
        }
        const baseScores = new Map(b.competitors.map(c => [c.name, c]));
        const headNames = new Set(h.competitors.map(c => c.name));
        for (const competitor of h.competitors) {
            const before = baseScores.get(competitor.name);
            if (!before) {
                sink.add(bucket.valueGap, { ...common, kind: 'value-gap-score', direction: 'neutral', before: null, after: competitor.score,
                    text: `${quoted(competitor)} now scored ${numberText(competitor.score)} on ${need}` });
            } else if (before.score !== competitor.score) {
                const direction: Direction = lowerIsBetter(before.score, competitor.score);
                sink.add(bucket.valueGap, { ...common, kind: 'value-gap-score', direction, before: before.score, after: competitor.score,
                    text: `Score of ${quoted(competitor)} on ${need} went from ${numberText(before.score)} to ${numberText(competitor.score)}${directionSuffix(direction)}` });
            }
        }
        for (const competitor of b.competitors) {
            if (!headNames.has(competitor.name)) {
                sink.add(bucket.valueGap, { ...common, kind: 'value-gap-score', direction: 'neutral', before: competitor.score, after: null,
                    text: `${quoted(competitor)} no longer scored on ${need} (was ${numberText(competitor.score)})` });
            }
        }
    }
    for (const h of matching.added) {
        sink.add(bucket.valueGap, { element: 'value-gap', name: h.need, label: h.label, kind: 'added', direction: 'neutral', after: h.us,
            at: location(sink.head, sink.headUri, h.range), text: `New value-gap row ${quoted({ name: h.need, label: h.label })}: ${scores(h)}` });
    }
    for (const b of matching.removed) {
        sink.add(bucket.valueGap, { element: 'value-gap', name: b.need, label: b.label, kind: 'removed', direction: 'neutral', before: b.us,
            was: location(sink.base, sink.baseUri, b.range), text: `Value-gap row ${quoted({ name: b.need, label: b.label })} removed` });
    }
}

/** Unknowns by text: a new one is a new question; one gone is answered. */
export function diffUnknowns(sink: ChangeSink, base: JourneyMapModel, head: JourneyMapModel): void {
    const matching = matchElements(base.unknowns, head.unknowns, unknown => unknown.text);
    for (const h of matching.added) {
        sink.add(bucket.unknowns, { element: 'unknown', name: h.text, label: h.text, kind: 'added', direction: 'neutral',
            at: location(sink.head, sink.headUri, h.range), text: `New unknown: "${h.text}"` });
    }
    for (const b of matching.removed) {
        sink.add(bucket.unknowns, { element: 'unknown', name: b.text, label: b.text, kind: 'answered', direction: 'better',
            was: location(sink.base, sink.baseUri, b.range), text: `Unknown answered: "${b.text}"` });
    }
}
