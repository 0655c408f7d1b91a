import { AstUtils, type AstNode } from 'langium';
import { named, nameRangeOf, optionalNamed, rangeOf, texts } from './model-parts.js';
import type { Range } from 'vscode-languageserver';
import { parseCalendarDate, toEpochDay, type CalendarDate } from './calendar-date.js';
import {
    isJourney, isOpportunity, isPain, type Journey, type Kpi, type Model, type Opportunity, type Pain, type Persona, type Plan, type Stage,
    type Touchpoint
} from '../generated/ast.js';
import {
    effectiveOwner, isOffTarget, kpiHasEvidence, painEvidence, painTouchpoint, readQuantity, touchpointEvidence, touchpointHasEvidence,
    touchpointOwners, valueGapRows
} from './journey-facts.js';
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
    prefers: NamedRef[];
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
    action?: string;
    thinks?: string;
    emotion?: { value: number; label?: string };
    serves: Array<{ persona: string; need: string; label: string }>;
    backstage?: string;
    kpis: KpiModel[];
    evidence: NamedRef[];
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
    value: number;
    target?: number;
    /** `undefined` without a target. */
    onTarget?: boolean;
    source?: NamedRef;
    supported: boolean;
    range: Range;
}

export interface PainModel extends NamedRef {
    severity?: number;
    stage: string;
    touchpoint?: string;
    evidence: NamedRef[];
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
export function buildJourneyMapModels(model: Model, today: CalendarDate): JourneyMapModel[] {
    return model.declarations.filter(isJourney).map(journey => buildJourneyMapModel(journey, today));
}

export function buildJourneyMapModel(journey: Journey, today: CalendarDate): JourneyMapModel {
    const uri = AstUtils.getDocument(journey).uri.toString();
    const personas = journeyPersonas(journey);
    const graph = journeyGraph(journey);
    const order = new Map(graph.touchpoints.map((touchpoint, index) => [touchpoint, index]));
    const state = journey.states[0];
    const review = journey.reviews[0];
    const reviewed = review && parseCalendarDate(review.date);
    const competitors = new Map<string, NamedRef>();
    const painsByTouchpoint = painsByTouchpointOf(journey);
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
        trigger: journey.triggers[0]?.text,
        state: !state ? { kind: 'unspecified' } : state.future ? { kind: 'future', of: state.currentState?.ref?.name ?? state.currentState?.$refText, ofLabel: state.currentState?.ref?.label } : { kind: 'current' },
        owner: optionalNamed(journey.owners[0]?.team?.ref),
        reviewed: review ? {
            date: review.date,
            everyDays: review.every,
            stale: reviewed && review.every !== undefined ? toEpochDay(today) - toEpochDay(reviewed) > review.every : undefined,
        } : undefined,
        stages: journey.stages.map(stage => stageModel(stage, personas.map(p => p.name), painsByTouchpoint)),
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
        prefers: persona.prefers.flatMap(line => line.channels.flatMap(channel => channel.ref ? [named(channel.ref)] : [])),
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

function stageModel(stage: Stage, allPersonas: string[], painsByTouchpoint: Map<Touchpoint, Pain[]>): StageModel {
    return {
        ...named(stage),
        phase: stage.phases[0]?.phase as StageModel['phase'],
        question: stage.questions[0]?.text,
        touchpoints: stage.touchpoints.map(touchpoint => touchpointModel(touchpoint, stage, allPersonas, painsByTouchpoint.get(touchpoint) ?? [])),
        pains: stage.pains.map(pain => painModel(pain, stage)),
        opportunities: stage.opportunities.map(opportunity => opportunityModel(opportunity, stage)),
        range: rangeOf(stage),
        nameRange: nameRangeOf(stage),
    };
}

function touchpointModel(touchpoint: Touchpoint, stage: Stage, allPersonas: string[], painsHere: Pain[]): TouchpointModel {
    const channel = touchpoint.channels[0]?.channel?.ref;
    const by = touchpoint.by.flatMap(line => line.personas.map(p => p.ref?.name ?? p.$refText));
    const emotion = touchpoint.emotions[0];
    return {
        ...named(touchpoint),
        stage: stage.name ?? '',
        channel: channel ? { ...named(channel), mode: channel.mode } : undefined,
        owner: optionalNamed(effectiveOwner(touchpoint)),
        personas: by.length > 0 ? by : allPersonas,
        action: touchpoint.actions[0]?.text,
        thinks: touchpoint.thoughts[0]?.text,
        emotion: emotion?.value !== undefined ? { value: emotion.value, label: emotion.label } : undefined,
        serves: touchpoint.serves.flatMap(serves => {
            const need = serves.need?.ref;
            return need ? [{ persona: need.$container.name, need: need.name, label: need.label }] : [];
        }),
        backstage: touchpoint.backstage[0]?.text,
        kpis: touchpoint.kpis.map(kpiModel).filter((kpi): kpi is KpiModel => kpi !== undefined),
        evidence: touchpointEvidence(touchpoint).flatMap(source => source.ref ? [named(source.ref)] : []),
        momentOfTruth: touchpoint.moments.length > 0,
        pains: painsHere.map(pain => painModel(pain, stage)),
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

function kpiModel(kpi: Kpi): KpiModel | undefined {
    const metric = kpi.metric?.ref;
    const value = readQuantity(kpi.value);
    if (!metric || !value) {
        return undefined;
    }
    const target = readQuantity(kpi.target);
    return {
        metric: { ...named(metric), percent: Boolean(metric.percent), low: metric.low, high: metric.high, lowerIsBetter: Boolean(metric.lowerIsBetter) },
        value: value.value,
        target: target?.value,
        onTarget: target ? !isOffTarget(metric, value.value, target.value) : undefined,
        source: optionalNamed(kpi.source?.ref),
        supported: kpiHasEvidence(kpi),
        range: rangeOf(kpi),
    };
}

function painModel(pain: Pain, stage: Stage): PainModel {
    return {
        ...named(pain),
        severity: pain.severity,
        stage: stage.name ?? '',
        touchpoint: painTouchpoint(pain)?.name,
        evidence: painEvidence(pain).flatMap(source => source.ref ? [named(source.ref)] : []),
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
