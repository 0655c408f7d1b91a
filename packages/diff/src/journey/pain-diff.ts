import type { JourneyMapModel, OpportunityModel, PainModel } from '@journey/language';
import { matchElements, sameKeys } from '../match/matching.js';
import { location, numberText, quoted } from '../text/words.js';
import { bucket, type ChangeSink } from './change-sink.js';
import type { ElementMaps } from './journey-diff.js';

type Placed = { stage: string; touchpoint?: string };

/**
 * Every pain (or opportunity) of a journey once, by name, wherever it is written: in a stage (a pain
 * with `at` is in its touchpoint's list too) or inside its touchpoint.
 */
function eachOnce<T extends { name: string }>(journey: JourneyMapModel, listOf: (holder: { pains: PainModel[]; opportunities: OpportunityModel[] }) => T[]): T[] {
    const result = new Map<string, T>();
    for (const stage of journey.stages) {
        for (const touchpoint of stage.touchpoints) {
            listOf(touchpoint).forEach(item => result.has(item.name) || result.set(item.name, item));
        }
        listOf(stage).forEach(item => result.has(item.name) || result.set(item.name, item));
    }
    return [...result.values()];
}

export const painsOf = (journey: JourneyMapModel) => eachOnce(journey, holder => holder.pains);
export const opportunitiesOf = (journey: JourneyMapModel) => eachOnce(journey, holder => holder.opportunities);

/** "at "Pricing page"" or "in "Research"": where an element sits, in the map's labels. */
function placeText(journey: JourneyMapModel, item: Placed): string {
    if (item.touchpoint !== undefined) {
        const touchpoint = journey.stages.flatMap(stage => stage.touchpoints).find(tp => tp.name === item.touchpoint);
        return `at ${quoted(touchpoint ?? { name: item.touchpoint })}`;
    }
    const stage = journey.stages.find(s => s.name === item.stage);
    return `in ${quoted(stage ?? { name: item.stage })}`;
}

function headBucket(item: Placed): string {
    return item.touchpoint !== undefined ? bucket.touchpoint(item.touchpoint) : bucket.stageItems(item.stage);
}

/** Where something removed from BASE is reported: at its touchpoint or stage as HEAD has them, else with the removed stages. */
function removedBucket(item: Placed, maps: ElementMaps): string {
    const touchpoint = item.touchpoint !== undefined ? maps.touchpoint.get(item.touchpoint) : undefined;
    if (touchpoint !== undefined) {
        return bucket.touchpoint(touchpoint);
    }
    const stage = maps.stage.get(item.stage);
    return stage !== undefined ? bucket.stageItems(stage) : bucket.removedStages;
}

/** BASE's place in HEAD's names, to tell whether something moved. */
function mappedPlace(item: Placed, maps: ElementMaps): string {
    return item.touchpoint !== undefined ? `tp:${maps.touchpoint.get(item.touchpoint) ?? `?${item.touchpoint}`}` : `stage:${maps.stage.get(item.stage) ?? `?${item.stage}`}`;
}

function place(item: Placed): string {
    return item.touchpoint !== undefined ? `tp:${item.touchpoint}` : `stage:${item.stage}`;
}

type PlacedElement = Placed & { name: string; label: string; nameRange: PainModel['nameRange'] };

/**
 * What a pain and an opportunity matched across the versions share: renamed, relabelled, moved to
 * another touchpoint or stage. Returns the fields every change of the pair carries.
 */
function identityChanges(sink: ChangeSink, element: 'pain' | 'opportunity', pair: { base: PlacedElement; head: PlacedElement; renamed: boolean }, base: JourneyMapModel, head: JourneyMapModel, maps: ElementMaps) {
    const { base: b, head: h } = pair;
    const noun = element === 'pain' ? 'Pain' : 'Opportunity';
    const where = headBucket(h);
    const common = { element, name: h.name, label: h.label, at: location(sink.head, sink.headUri, h.nameRange), was: location(sink.base, sink.baseUri, b.nameRange) };
    if (pair.renamed) {
        sink.add(where, { ...common, kind: 'renamed', direction: 'neutral', before: b.name, after: h.name, text: `${noun} ${quoted(h)} renamed from ${b.name} to ${h.name}` });
    }
    if (b.label !== h.label) {
        sink.add(where, { ...common, kind: 'label', direction: 'neutral', before: b.label, after: h.label, text: `${noun} ${quoted(b)} is now called ${quoted(h)}` });
    }
    if (mappedPlace(b, maps) !== place(h)) {
        sink.add(where, { ...common, kind: 'moved', direction: 'neutral', before: place(b), after: place(h),
            text: `${noun} ${quoted(h)} moved from ${placeText(base, b).replace(/^(at|in) /, '')} to ${placeText(head, h).replace(/^(at|in) /, '')}` });
    }
    return { where, common };
}

/** The pains' changes; gives BASE's pain names as HEAD calls them (renames followed). */
export function diffPains(sink: ChangeSink, base: JourneyMapModel, head: JourneyMapModel, maps: ElementMaps): Map<string, string> {
    const matching = matchElements(painsOf(base), painsOf(head), pain => pain.name, [(b, h) => b.label === h.label ? 1 : 0]);
    const severity = (pain: PainModel) => pain.severity !== undefined ? ` (severity ${numberText(pain.severity)})` : '';
    for (const pair of matching.pairs) {
        const { base: b, head: h } = pair;
        const { where, common } = identityChanges(sink, 'pain', pair, base, head, maps);
        if (b.severity !== h.severity) {
            const direction = b.severity === undefined || h.severity === undefined ? 'neutral' : h.severity > b.severity ? 'worse' : 'better';
            const text = b.severity === undefined ? `Pain ${quoted(h)} now has severity ${numberText(h.severity!)}`
                : h.severity === undefined ? `Pain ${quoted(h)} no longer has a severity (was ${numberText(b.severity)})`
                    : `Severity of pain ${quoted(h)} went from ${numberText(b.severity)} to ${numberText(h.severity)} (${direction})`;
            sink.add(where, { ...common, kind: 'severity', direction, before: b.severity ?? null, after: h.severity ?? null, text });
        }
    }
    for (const h of matching.added) {
        sink.add(headBucket(h), { element: 'pain', name: h.name, label: h.label, kind: 'added', direction: 'worse', after: h.severity ?? null,
            at: location(sink.head, sink.headUri, h.nameRange), text: `New pain ${quoted(h)} ${placeText(head, h)}${severity(h)}` });
    }
    for (const b of matching.removed) {
        sink.add(removedBucket(b, maps), { element: 'pain', name: b.name, label: b.label, kind: 'removed', direction: 'better', before: b.severity ?? null,
            was: location(sink.base, sink.baseUri, b.nameRange), text: `Pain ${quoted(b)} ${placeText(base, b)} removed${severity(b)}` });
    }
    return new Map(matching.pairs.map(pair => [pair.base.name, pair.head.name]));
}

export function diffOpportunities(sink: ChangeSink, base: JourneyMapModel, head: JourneyMapModel, maps: ElementMaps, painRename: Map<string, string>): void {
    const matching = matchElements(opportunitiesOf(base), opportunitiesOf(head), o => o.name, [(b, h) => b.label === h.label ? 1 : 0]);
    const headPains = new Map(painsOf(head).map(pain => [pain.name, pain]));
    const basePains = new Map(painsOf(base).map(pain => [pain.name, pain]));
    const painList = (names: string[], pains: Map<string, PainModel>) => names.length === 0 ? 'no pain' : names.map(name => quoted(pains.get(name) ?? { name })).join(', ');
    for (const pair of matching.pairs) {
        const { base: b, head: h } = pair;
        const { where, common } = identityChanges(sink, 'opportunity', pair, base, head, maps);
        // BASE's pain names as HEAD calls them (a renamed pain is the same pain).
        const answersBefore = b.answers.map(name => painRename.get(name) ?? name);
        if (!sameKeys(answersBefore, h.answers)) {
            sink.add(where, { ...common, kind: 'answers', direction: 'neutral', before: b.answers.join(', '), after: h.answers.join(', '),
                text: `Opportunity ${quoted(h)} now answers ${painList(h.answers, headPains)} (was ${painList(b.answers, basePains)})` });
        }
        // An owner taken from the journey changes with the journey's owner line, reported there.
        const fromJourney = b.owner?.name === base.owner?.name && h.owner?.name === head.owner?.name;
        if (!fromJourney && b.owner?.name !== h.owner?.name) {
            sink.add(where, { ...common, kind: 'owner', direction: 'neutral', before: b.owner?.name ?? null, after: h.owner?.name ?? null,
                text: `Owner of opportunity ${quoted(h)} changed from ${b.owner ? quoted(b.owner) : 'none'} to ${h.owner ? quoted(h.owner) : 'none'}` });
        }
    }
    for (const h of matching.added) {
        sink.add(headBucket(h), { element: 'opportunity', name: h.name, label: h.label, kind: 'added', direction: 'neutral',
            at: location(sink.head, sink.headUri, h.nameRange), text: `New opportunity ${quoted(h)} ${placeText(head, h)}` });
    }
    for (const b of matching.removed) {
        sink.add(removedBucket(b, maps), { element: 'opportunity', name: b.name, label: b.label, kind: 'removed', direction: 'neutral',
            was: location(sink.base, sink.baseUri, b.nameRange), text: `Opportunity ${quoted(b)} ${placeText(base, b)} removed` });
    }
}
