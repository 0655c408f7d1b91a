import { AstUtils, type AstNode } from 'langium';
import { named, nameRangeOf, optionalNamed, rangeOf, texts } from './model-parts.js';
import type { Range } from 'vscode-languageserver';
import { parseCalendarDate, toEpochDay, type CalendarDate } from './calendar-date.js';
import {
    isJourney, isOpportunity, isPain, type Journey, type Kpi, type Model, type Opportunity, type Pain, type Persona, type Plan, type Stage,
    type Source, type Touchpoint
} from '../generated/ast.js';
import {
    aggregateText, effectiveOwner, isOffTarget, isStaleSource, kpiHasEvidence, kpiSource, kpiValue, painEvidence, painTouchpoint, readQuantity,
    touchpointEvidence, touchpointHasEvidence, touchpointOwners, valueGapRows
} from './journey-facts.js';
import { DEFAULT_EVIDENCE, type EvidenceSettings } from '../data/evidence-settings.js';
import { aggregateSpecOf, kpiDataOf } from '../data/kpi-data.js';
import { journeyGraph } from './journey-graph.js';
import { journeyPersonas } from '../references/journey-scope-provider.js';

/**
 * The journey map as plain, resolved data: what the preview draws and what exports write. Names are
 * resolved to `{ name, label }`, derived facts (effective owner, on/off target, evidence) computed
 * once, every element carries its source range. Nothing here refers to Langium's AST, so the data
 * can cross a process boundary (server → webview) as JSON.
 */
export interface JourneyMapModel {
    /** The document the journey is written in. */
    uri: string;
    name: string;
    label: string;
    personas: PersonaModel[];
    /** Its `description` lines (what the map is about, for whom), in order; empty when none. */
    description: string[];
    trigger?: string;
    /** `of`: the current-state journey's name; `ofLabel`: its title, when it resolves. */
    state: { kind: 'current' } | { kind: 'future'; of?: string; ofLabel?: string } | { kind: 'unspecified' };
    owner?: NamedRef;
    reviewed?: { date: string; everyDays?: number; stale?: boolean };
    stages: StageModel[];
    /** The flow graph: `flow` lines, or the implied stage-order sequence (`implied: true`). */
    flows: FlowModel[];
    unknowns: TextModel[];
    valueGap: ValueGapRowModel[];
    competitors: NamedRef[];
    plans: PlanModel[];
    range: Range;
    nameRange: Range;
}

export interface NamedRef {
    name: string;
    label: string;
}

export interface PersonaModel extends NamedRef {
    /** Its `description` lines, goals, pains (descriptive text) and motivations, in order; empty when none. */
    description: string[];
    goals: string[];
    pains: string[];
    motivations: string[];
    /** Channels it prefers (`prefers`), resolved ones only. */
    prefers: Array<NamedRef & { mode?: 'online' | 'offline' }>;
    needs: Array<NamedRef & { importance?: number }>;
}

export interface StageModel extends NamedRef {
    phase?: 'pre-purchase' | 'purchase' | 'post-purchase';
    question?: string;
    touchpoints: TouchpointModel[];
    /** Pains and opportunities written in the stage (not inside a touchpoint). */
    pains: PainModel[];
    opportunities: OpportunityModel[];
    range: Range;
    nameRange: Range;
}

export interface TouchpointModel extends NamedRef {
    stage: string;
    channel?: NamedRef & { mode?: string };
    /** The owning team: the touchpoint's own, else the journey's. */
    owner?: NamedRef;
    /** Personas meeting this touchpoint: its `by` line, else all of the journey's. */
    personas: string[];
    /** Whether a `by` line names them (else they are all of the journey's): a Mermaid task's actors are only those written. */
    byWritten: boolean;
    action?: string;
    thinks?: string;
    emotion?: { value: number; label?: string };
    serves: Array<{ persona: string; need: string; label: string }>;
    backstage?: string;
    kpis: KpiModel[];
    evidence: SourceRef[];
    momentOfTruth: boolean;
    /** Pains at this touchpoint, wherever they are written, and the opportunities written in it. */
    pains: PainModel[];
    opportunities: OpportunityModel[];
    /** Whether its emotion is backed by evidence. */
    supported: boolean;
    range: Range;
    nameRange: Range;
    /** Where each member line is written, for a click on its lane to land on it. */
    memberRanges: Partial<Record<'channel' | 'owner' | 'action' | 'thinks' | 'emotion' | 'backstage' | 'momentOfTruth', Range>>;
}

export interface KpiModel {
    metric: NamedRef & { percent: boolean; low?: number; high?: number; lowerIsBetter: boolean };
    /** As written, or as computed from data (then `computed` says how). */
    value: number;
    target?: number;
    /** `undefined` without a target. */
    onTarget?: boolean;
    /** Where the number comes from: the source it is computed from, else its `source`. */
    source?: SourceRef;
    supported: boolean;
    computed?: ComputedKpiModel;
    range: Range;
}

/** How a KPI's value was computed from its source's data file. */
export interface ComputedKpiModel {
    /** The aggregate as written: `nps`, `share 4 to 5`. */
    aggregate: string;
    column: string;
    where: Array<{ column: string; value: string }>;
    /** The data file, as the source names it. */
    file: string;
    /** The answers counted, and the rows left out (empty, not a number, outside the scale). */
    n: number;
    leftOut: number;
    distribution: Array<{ answer: string; count: number }>;
    /** Fewer answers than the workspace's `minSample`. */
    smallSample: boolean;
}

/** A source used as evidence: its date, and whether that is older than `maxEvidenceAgeDays` (current-state journeys). */
export interface SourceRef extends NamedRef {
    /** survey, interview, analytics, support, crm, review, observation or other. */
    kind: string;
    date?: string;
    stale?: boolean;
}

export interface PainModel extends NamedRef {
    severity?: number;
    stage: string;
    touchpoint?: string;
    evidence: SourceRef[];
    range: Range;
    nameRange: Range;
}

export interface OpportunityModel extends NamedRef {
    answers: string[];
    owner?: NamedRef;
    stage: string;
    touchpoint?: string;
    range: Range;
    nameRange: Range;
}

export interface FlowModel {
    from: string;
    to: string;
    label?: string;
    implied: boolean;
    /** A step to a touchpoint earlier in stage order: drawn as a loop back. */
    back: boolean;
    /** The `-> target` step in the source; absent for the implied sequence. */
    range?: Range;
}

export interface TextModel {
    text: string;
    range: Range;
}

export interface ValueGapRowModel {
    need: string;
    persona?: string;
    label: string;
    importance?: number;
    us: number;
    competitors: Array<NamedRef & { score: number }>;
    range: Range;
}

export interface PlanModel extends NamedRef {
    addresses: string[];
    owner?: NamedRef;
    due?: string;
    overdue: boolean;
    targets: Array<{ metric: string; value: number; percent: boolean }>;
    status: 'open' | 'doing' | 'done';
    range: Range;
    nameRange: Range;
}

/** Every journey of a parsed document, in document order. */
export function buildJourneyMapModels(model: Model, today: CalendarDate, evidence: EvidenceSettings = DEFAULT_EVIDENCE): JourneyMapModel[] {
    return model.declarations.filter(isJourney).map(journey => buildJourneyMapModel(journey, today, evidence));
}

/**
 * The current states that the future-state journeys of a document redesign (`state future of X`),
 * wherever X is written, each once: what a map draws faintly under a future state's curve. A future
 * state of a journey that is itself a future state has none (the `future-without-current` rule).
 */
export function redesignedCurrentStates(model: Model, today: CalendarDate, evidence: EvidenceSettings = DEFAULT_EVIDENCE): JourneyMapModel[] {
    const found = new Set<Journey>();
    for (const journey of model.declarations.filter(isJourney)) {
        const state = journey.states[0];
        const current = state?.future ? state.currentState?.ref : undefined;
        if (current && !current.states[0]?.future) {
            found.add(current);
        }
    }
    return [...found].map(journey => buildJourneyMapModel(journey, today, evidence));
}

/** What the parts of a journey's model are read with: the data rules' thresholds, for this journey. */
interface PartContext {
    minSample: number;
    /** Whether a source of this date is stale evidence here (only on a current-state journey). */
    isStale(source: Source): boolean;
}

/** `evidence`: the workspace's thresholds (journey.config.json), for `smallSample` and `stale`. */
export function buildJourneyMapModel(journey: Journey, today: CalendarDate, evidence: EvidenceSettings = DEFAULT_EVIDENCE): JourneyMapModel {
    const uri = AstUtils.getDocument(journey).uri.toString();
    const personas = journeyPersonas(journey);
    const graph = journeyGraph(journey);
    const order = new Map(graph.touchpoints.map((touchpoint, index) => [touchpoint, index]));
    const state = journey.states[0];
    const review = journey.reviews[0];
    const reviewed = review && parseCalendarDate(review.date);
    const competitors = new Map<string, NamedRef>();
    const painsByTouchpoint = painsByTouchpointOf(journey);
    const current = state !== undefined && !state.future;
    const parts: PartContext = {
        minSample: evidence.minSample,
        isStale: source => current && isStaleSource(source, today, evidence.maxEvidenceAgeDays),
    };
    const valueGap = journey.valueGaps.flatMap(valueGapRows).map(({ row, scores }) => {
        const need = row.need?.ref;
        const persona = need?.$container;
        scores.forEach(score => score.competitor?.ref && competitors.set(score.competitor.ref.name, named(score.competitor.ref)));
        return {
            need: need?.name ?? row.need?.$refText ?? '',
            persona: persona?.name,
            label: need?.label ?? row.need?.$refText ?? '',
            importance: need?.importance,
            us: row.us ?? 0,
            competitors: scores.map(score => ({
                name: score.competitor?.ref?.name ?? score.competitor?.$refText ?? '',
                label: score.competitor?.ref?.label ?? score.competitor?.$refText ?? '',
                score: score.score ?? 0,
            })),
            range: rangeOf(row),
        };
    });
    return {
        uri,
        ...named(journey),
        personas: personas.map(personaModel),
        description: texts(journey.descriptions),
        trigger: journey.triggers[0]?.text,
        state: !state ? { kind: 'unspecified' } : state.future ? { kind: 'future', of: state.currentState?.ref?.name ?? state.currentState?.$refText, ofLabel: state.currentState?.ref?.label } : { kind: 'current' },
        owner: optionalNamed(journey.owners[0]?.team?.ref),
        reviewed: review ? {
            date: review.date,
            everyDays: review.every,
            stale: reviewed && review.every !== undefined ? toEpochDay(today) - toEpochDay(reviewed) > review.every : undefined,
        } : undefined,
        stages: journey.stages.map(stage => stageModel(stage, personas.map(p => p.name), painsByTouchpoint, parts)),
        flows: graph.edges.map(edge => ({
            from: edge.from.name ?? '',
            to: edge.to.name ?? '',
            label: edge.label,
            implied: !graph.hasFlows,
            back: (order.get(edge.to) ?? 0) <= (order.get(edge.from) ?? 0),
            range: edge.step ? rangeOf(edge.step) : undefined,
        })),
        unknowns: journey.unknowns.flatMap(unknown => unknown.text === undefined ? [] : [{ text: unknown.text, range: rangeOf(unknown) }]),
        valueGap,
        competitors: [...competitors.values()],
        plans: journey.plans.map(plan => planModel(plan, today)),
        range: rangeOf(journey),
        nameRange: nameRangeOf(journey),
    };
}

export function personaModel(persona: Persona): PersonaModel {
    return {
        ...named(persona),
        description: texts(persona.descriptions),
        goals: texts(persona.goals),
        pains: texts(persona.pains),
        motivations: texts(persona.motivations),
        prefers: persona.prefers.flatMap(line => line.channels.flatMap(channel => channel.ref ? [{ ...named(channel.ref), ...(channel.ref.mode ? { mode: channel.ref.mode as 'online' | 'offline' } : {}) }] : [])),
        needs: persona.needs.map(need => ({ ...named(need), importance: need.importance })),
    };
}

/** Pains by the touchpoint they are at, wherever they are written: one walk of the journey, not one per touchpoint. */
function painsByTouchpointOf(journey: Journey): Map<Touchpoint, Pain[]> {
    const result = new Map<Touchpoint, Pain[]>();
    for (const pain of AstUtils.streamAllContents(journey).filter(isPain)) {
        const touchpoint = painTouchpoint(pain);
        if (touchpoint) {
            const pains = result.get(touchpoint) ?? [];
            pains.push(pain);
            result.set(touchpoint, pains);
        }
    }
    return result;
}

function stageModel(stage: Stage, allPersonas: string[], painsByTouchpoint: Map<Touchpoint, Pain[]>, parts: PartContext): StageModel {
    return {
        ...named(stage),
        phase: stage.phases[0]?.phase as StageModel['phase'],
        question: stage.questions[0]?.text,
        touchpoints: stage.touchpoints.map(touchpoint => touchpointModel(touchpoint, stage, allPersonas, painsByTouchpoint.get(touchpoint) ?? [], parts)),
        pains: stage.pains.map(pain => painModel(pain, stage, parts)),
        opportunities: stage.opportunities.map(opportunity => opportunityModel(opportunity, stage)),
        range: rangeOf(stage),
        nameRange: nameRangeOf(stage),
    };
}

function touchpointModel(touchpoint: Touchpoint, stage: Stage, allPersonas: string[], painsHere: Pain[], parts: PartContext): TouchpointModel {
    const channel = touchpoint.channels[0]?.channel?.ref;
    const by = touchpoint.by.flatMap(line => line.personas.map(p => p.ref?.name ?? p.$refText));
    const emotion = touchpoint.emotions[0];
    return {
        ...named(touchpoint),
        stage: stage.name ?? '',
        channel: channel ? { ...named(channel), mode: channel.mode } : undefined,
        owner: optionalNamed(effectiveOwner(touchpoint)),
        personas: by.length > 0 ? by : allPersonas,
        byWritten: by.length > 0,
        action: touchpoint.actions[0]?.text,
        thinks: touchpoint.thoughts[0]?.text,
        emotion: emotion?.value !== undefined ? { value: emotion.value, label: emotion.label } : undefined,
        serves: touchpoint.serves.flatMap(serves => {
            const need = serves.need?.ref;
            return need ? [{ persona: need.$container.name, need: need.name, label: need.label }] : [];
        }),
        backstage: touchpoint.backstage[0]?.text,
        kpis: touchpoint.kpis.map(kpi => kpiModel(kpi, parts)).filter((kpi): kpi is KpiModel => kpi !== undefined),
        evidence: touchpointEvidence(touchpoint).flatMap(source => source.ref ? [sourceRef(source.ref, parts)] : []),
        momentOfTruth: touchpoint.moments.length > 0,
        pains: painsHere.map(pain => painModel(pain, stage, parts)),
        opportunities: AstUtils.streamContents(touchpoint).filter(isOpportunity).map(o => opportunityModel(o, stage)).toArray(),
        supported: touchpointHasEvidence(touchpoint),
        range: rangeOf(touchpoint),
        nameRange: nameRangeOf(touchpoint),
        memberRanges: definedRanges({
            channel: touchpoint.channels[0], owner: touchpointOwners(touchpoint)[0], action: touchpoint.actions[0], thinks: touchpoint.thoughts[0],
            emotion: emotion, backstage: touchpoint.backstage[0], momentOfTruth: touchpoint.moments[0],
        }),
    };
}

function kpiModel(kpi: Kpi, parts: PartContext): KpiModel | undefined {
    const metric = kpi.metric?.ref;
    const value = kpiValue(kpi);
    if (!metric || !value) {
        return undefined;
    }
    const target = readQuantity(kpi.target);
    const source = kpiSource(kpi);
    const data = kpiDataOf(kpi);
    const computation = kpi.computation;
    return {
        metric: { ...named(metric), percent: Boolean(metric.percent), low: metric.low, high: metric.high, lowerIsBetter: Boolean(metric.lowerIsBetter) },
        value: value.value,
        target: target?.value,
        onTarget: target ? !isOffTarget(metric, value.value, target.value) : undefined,
        source: source && sourceRef(source, parts),
        supported: kpiHasEvidence(kpi),
        ...(computation && data?.result && data.file ? {
            computed: {
                aggregate: aggregateText(aggregateSpecOf(computation)),
                column: computation.column ?? '',
                where: computation.filters.map(filter => ({ column: filter.column ?? '', value: filter.value ?? '' })),
                file: data.file.path,
                n: data.result.n,
                leftOut: data.result.leftOut,
                distribution: data.result.distribution.map(row => ({ ...row })),
                smallSample: data.result.n < parts.minSample,
            },
        } : {}),
        range: rangeOf(kpi),
    };
}

function sourceRef(source: Source, parts: PartContext): SourceRef {
    return { ...named(source), kind: source.kind, ...(source.date ? { date: source.date } : {}), ...(parts.isStale(source) ? { stale: true } : {}) };
}

function painModel(pain: Pain, stage: Stage, parts: PartContext): PainModel {
    return {
        ...named(pain),
        severity: pain.severity,
        stage: stage.name ?? '',
        touchpoint: painTouchpoint(pain)?.name,
        evidence: painEvidence(pain).flatMap(source => source.ref ? [sourceRef(source.ref, parts)] : []),
        range: rangeOf(pain),
        nameRange: nameRangeOf(pain),
    };
}

function opportunityModel(opportunity: Opportunity, stage: Stage): OpportunityModel {
    const container = opportunity.$container;
    return {
        ...named(opportunity),
        answers: opportunity.answers.map(answer => answer.ref?.name ?? answer.$refText),
        owner: optionalNamed(effectiveOwner(opportunity)),
        stage: stage.name ?? '',
        touchpoint: container.$type === 'Touchpoint' ? container.name ?? '' : undefined,
        range: rangeOf(opportunity),
        nameRange: nameRangeOf(opportunity),
    };
}

function planModel(plan: Plan, today: CalendarDate): PlanModel {
    const due = plan.dues[0]?.date;
    const dueDate = due ? parseCalendarDate(due) : undefined;
    const status = (plan.statuses[0]?.status ?? 'open') as PlanModel['status'];
    return {
        ...named(plan),
        addresses: plan.addresses.flatMap(line => line.items.map(item => item.ref?.name ?? item.$refText)),
        owner: optionalNamed(plan.owners[0]?.team?.ref ?? AstUtils.getContainerOfType(plan, isJourney)?.owners[0]?.team?.ref),
        due,
        overdue: dueDate !== undefined && status !== 'done' && toEpochDay(dueDate) < toEpochDay(today),
        targets: plan.targets.flatMap(target => {
            const value = readQuantity(target.value);
            return value && target.metric ? [{ metric: target.metric.ref?.name ?? target.metric.$refText, value: value.value, percent: value.percent }] : [];
        }),
        status,
        range: rangeOf(plan),
        nameRange: nameRangeOf(plan),
    };
}

function definedRanges<K extends string>(nodes: Record<K, AstNode | undefined>): Partial<Record<K, Range>> {
    const ranges: Partial<Record<K, Range>> = {};
    for (const key of Object.keys(nodes) as K[]) {
        const node = nodes[key];
        if (node?.$cstNode) {
            ranges[key] = node.$cstNode.range;
        }
    }
    return ranges;
}
