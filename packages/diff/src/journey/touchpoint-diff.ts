import type { JourneyMapModel, KpiModel, TouchpointModel } from '@journey/language';
import type { Change, Direction } from '../diff-model.js';
import { setDifference, sameKeys } from '../match/matching.js';
import { directionSuffix, emotionText, higherIsBetter, location, lowerIsBetter, metricText, quoted } from '../text/words.js';
import { bucket, type ChangeSink } from './change-sink.js';

/** Persona labels by name, for `by` lines. */
export type LabelOf = (name: string) => string;

/**
 * What changed in one touchpoint's details: emotion, channel, owner, personas, needs served,
 * evidence, moment of truth, KPIs. The touchpoint's identity (name, label, stage, position) is
 * compared by the journey.
 */
export function diffTouchpointDetails(
    sink: ChangeSink, base: TouchpointModel, head: TouchpointModel, personaLabel: LabelOf, journeys: { base: JourneyMapModel; head: JourneyMapModel },
): void {
    // What a touchpoint takes from its journey (all its personas, its owner) changes with the journey's line, reported once there.
    const journeyPersonas = (journey: JourneyMapModel) => journey.personas.map(persona => persona.name);
    const defaultPersonas = sameKeys(base.personas, journeyPersonas(journeys.base)) && sameKeys(head.personas, journeyPersonas(journeys.head));
    const defaultOwner = base.owner?.name === journeys.base.owner?.name && head.owner?.name === journeys.head.owner?.name;
    const where = bucket.touchpoint(head.name);
    const tp = quoted(head);
    const common = { element: 'touchpoint' as const, name: head.name, label: head.label, at: location(sink.head, sink.headUri, head.range), was: location(sink.base, sink.baseUri, base.range) };
    const memberAt = (member: keyof TouchpointModel['memberRanges']) => location(sink.head, sink.headUri, head.memberRanges[member] ?? head.range);
    const memberWas = (member: keyof TouchpointModel['memberRanges']) => location(sink.base, sink.baseUri, base.memberRanges[member] ?? base.range);

    // Emotion.
    const before = base.emotion?.value;
    const after = head.emotion?.value;
    if (before !== undefined && after !== undefined && before !== after) {
        const direction = higherIsBetter(before, after);
        sink.add(where, { ...common, kind: 'emotion', direction, before, after, at: memberAt('emotion'), was: memberWas('emotion'),
            text: `Emotion at ${tp} went from ${emotionText(before)} to ${emotionText(after)}${directionSuffix(direction)}` });
    } else if (before === undefined && after !== undefined) {
        sink.add(where, { ...common, kind: 'emotion', direction: 'neutral', before: null, after, at: memberAt('emotion'), was: undefined,
            text: `Emotion at ${tp} is now ${emotionText(after)}` });
    } else if (before !== undefined && after === undefined) {
        sink.add(where, { ...common, kind: 'emotion', direction: 'neutral', before, after: null, was: memberWas('emotion'),
            text: `Emotion at ${tp} removed (was ${emotionText(before)})` });
    }

    // Channel and owner.
    valueChange(sink, where, common, 'channel', 'Channel', tp, base.channel, head.channel, memberAt('channel'), memberWas('channel'));
    if (!defaultOwner) {
        valueChange(sink, where, common, 'owner', 'Owner', tp, base.owner, head.owner, memberAt('owner'), memberWas('owner'));
    }

    // Personas (`by`).
    if (!defaultPersonas && !sameKeys(base.personas, head.personas)) {
        const list = (names: string[]) => names.length === 0 ? 'nobody' : names.map(name => `"${personaLabel(name)}"`).join(', ');
        sink.add(where, { ...common, kind: 'by', direction: 'neutral', before: base.personas.join(', '), after: head.personas.join(', '),
            text: `${tp} is now met by ${list(head.personas)} (was ${list(base.personas)})` });
    }

    // Needs served.
    const needKey = (serves: TouchpointModel['serves'][number]) => `${serves.persona}.${serves.need}`;
    const served = setDifference(base.serves, head.serves, needKey);
    for (const need of served.added) {
        sink.add(where, { ...common, kind: 'serves', direction: 'better', before: null, after: needKey(need), text: `${tp} now serves the need "${need.label || need.need}"` });
    }
    for (const need of served.removed) {
        sink.add(where, { ...common, kind: 'serves', direction: 'worse', before: needKey(need), after: null, text: `${tp} no longer serves the need "${need.label || need.need}"` });
    }

    // Evidence.
    const evidence = setDifference(base.evidence, head.evidence, source => source.name);
    for (const source of evidence.added) {
        sink.add(where, { ...common, kind: 'evidence', direction: 'neutral', before: null, after: source.name, text: `${tp} now cites ${quoted(source)} as evidence` });
    }
    for (const source of evidence.removed) {
        sink.add(where, { ...common, kind: 'evidence', direction: 'neutral', before: source.name, after: null, text: `${tp} no longer cites ${quoted(source)} as evidence` });
    }

    // Moment of truth.
    if (base.momentOfTruth !== head.momentOfTruth) {
        sink.add(where, { ...common, kind: 'moment-of-truth', direction: 'neutral', before: base.momentOfTruth, after: head.momentOfTruth,
            at: head.momentOfTruth ? memberAt('momentOfTruth') : common.at, was: base.momentOfTruth ? memberWas('momentOfTruth') : common.was,
            text: head.momentOfTruth ? `${tp} is now a moment of truth` : `${tp} is no longer a moment of truth` });
    }

    diffKpis(sink, base, head);
}

function valueChange(
    sink: ChangeSink, where: string, common: Omit<Change, 'kind' | 'direction' | 'text' | 'journey'>, kind: 'channel' | 'owner', word: string, tp: string,
    before: { name: string; label: string } | undefined, after: { name: string; label: string } | undefined, at: Change['at'], was: Change['was'],
): void {
    if (before?.name === after?.name) {
        return;
    }
    const text = before && after ? `${word} of ${tp} changed from ${quoted(before)} to ${quoted(after)}`
        : after ? `${word} of ${tp} is now ${quoted(after)} (was none)`
            : `${word} of ${tp} removed (was ${quoted(before)})`;
    sink.add(where, { ...common, kind, direction: 'neutral', before: before?.name ?? null, after: after?.name ?? null, at, was, text });
}

/** KPIs of a touchpoint, by metric: value, target, crossing the target; added and removed. */
function diffKpis(sink: ChangeSink, base: TouchpointModel, head: TouchpointModel): void {
    const where = bucket.touchpoint(head.name);
    const tp = quoted(head);
    const baseKpis = new Map(base.kpis.map(kpi => [kpi.metric.name, kpi]));
    const headKpis = new Map(head.kpis.map(kpi => [kpi.metric.name, kpi]));
    const common = (kpi: KpiModel) => ({ element: 'kpi' as const, name: `${head.name}.${kpi.metric.name}`, label: kpi.metric.label });
    const value = (kpi: KpiModel, number: number | undefined) => number === undefined ? 'none' : metricText(number, kpi.metric.percent);
    for (const after of head.kpis) {
        const before = baseKpis.get(after.metric.name);
        const at = location(sink.head, sink.headUri, after.range);
        const kpiName = `KPI ${quoted(after.metric)} at ${tp}`;
        if (!before) {
            const target = after.target !== undefined ? ` (target ${value(after, after.target)})` : '';
            sink.add(where, { ...common(after), kind: 'added', direction: 'neutral', after: after.value, at, text: `New ${kpiName}: ${value(after, after.value)}${target}` });
            continue;
        }
        const was = location(sink.base, sink.baseUri, before.range);
        const valueMoved = before.value !== after.value;
        const targetMoved = before.target !== after.target;
        const valueDirection: Direction = after.metric.lowerIsBetter ? lowerIsBetter(before.value, after.value) : higherIsBetter(before.value, after.value);
        const valueWords = `went from ${value(after, before.value)} to ${value(after, after.value)}`;
        const targetWords = `target changed from ${value(after, before.target)} to ${value(after, after.target)}`;
        if (before.onTarget !== undefined && after.onTarget !== undefined && before.onTarget !== after.onTarget) {
            const direction: Direction = after.onTarget ? 'better' : 'worse';
            const state = `is now ${after.onTarget ? 'on' : 'off'} target (${value(after, after.target)})`;
            const what = valueMoved && targetMoved ? `${valueWords}, its ${targetWords}, and it ${state}`
                : valueMoved ? `${valueWords} and ${state}`
                    : `${targetWords} and it ${state}`;
            sink.add(where, { ...common(after), kind: 'kpi-crossed-target', direction, before: before.onTarget, after: after.onTarget, at, was, text: `${kpiName} ${what}` });
            continue;
        }
        if (valueMoved) {
            sink.add(where, { ...common(after), kind: 'kpi-value', direction: valueDirection, before: before.value, after: after.value, at, was,
                text: `${kpiName} ${valueWords}${directionSuffix(valueDirection)}` });
        }
        if (targetMoved) {
            sink.add(where, { ...common(after), kind: 'kpi-target', direction: 'neutral', before: before.target ?? null, after: after.target ?? null, at, was,
                text: `Target of ${kpiName} changed from ${value(after, before.target)} to ${value(after, after.target)}` });
        }
    }
    for (const before of base.kpis) {
        if (!headKpis.has(before.metric.name)) {
            sink.add(where, { ...common(before), kind: 'removed', direction: 'neutral', before: before.value, was: location(sink.base, sink.baseUri, before.range),
                text: `KPI ${quoted(before.metric)} at ${tp} removed (was ${value(before, before.value)})` });
        }
    }
}
