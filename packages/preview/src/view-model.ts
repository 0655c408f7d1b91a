import type {
    JourneyMapModel, KpiModel, OpportunityModel, PainModel, PlanModel, StageModel, TouchpointModel, ValueGapRowModel
} from '@journey/language';
// Through the protocol module, not the index: the webview bundles the preview without Langium.
import { formatNumber } from '@journey/language/number-format';
import { largest } from './largest.js';

/**
 * What the map shows, as plain data: the journey map model arranged for drawing. Every element has
 * a stable id (`tp:<journey>:<name>`, …), unchanged by edits elsewhere in the file, and its source
 * range, so that a click on it can reveal the text it came from. No geometry here: that is layout.ts.
 */

/** A range in the journey's document (LSP positions, 0-based lines and UTF-16 columns). */
export type SourceRange = JourneyMapModel['range'];

export interface ViewElement {
    /** Stable across edits that do not rename the element; unique in the view model. */
    id: string;
    /** The whole element, for "is the cursor in it". */
    range: SourceRange;
    /** What to select when revealing it (its name where it has one). */
    selectionRange: SourceRange;
}

export interface ViewModel {
    id: string;
    /** The document the journey is written in. */
    uri: string;
    name: string;
    header: HeaderView;
    /** Stage columns, left to right. */
    stages: StageView[];
    /** Touchpoint nodes in stage order, then customer order. */
    touchpoints: TouchpointView[];
    edges: EdgeView[];
    lanes: LanesView;
    valueGap: ValueGapView;
    unknowns: UnknownView[];
    plans: PlanView[];
    /**
     * The current state's emotions, under this journey's touchpoints of the same name (a future-state
     * map drawn with `baseline`); absent without a baseline or when no touchpoint with an emotion matches.
     */
    baseline?: BaselineView;
    /**
     * One emotion curve per persona, when the journey has several and says (`by`) who meets a
     * touchpoint; absent otherwise: one curve through every emotion.
     */
    personaCurves?: PersonaCurveView[];
}

export interface PersonaCurveView {
    /** The persona's name and label. */
    persona: string;
    label: string;
    /** The touchpoints with an emotion that it meets (its `by` names it, or it has no `by`), in map order. */
    touchpointIds: string[];
}

export interface ViewModelOptions {
    /**
     * The journey this one redesigns (the current state of a `state future of …` journey): its emotion
     * at each touchpoint this journey has by the same name is drawn faintly under this journey's curve.
     */
    baseline?: JourneyMapModel;
}

export interface BaselineView {
    /** The baseline journey's name and title. */
    name: string;
    title: string;
    /**
     * `name`: each value under this journey's touchpoint of the same name (in this journey's order; only
     * touchpoints both have and the baseline gives an emotion). `spread`: no touchpoint is in both (a
     * redesign renames them all), so the baseline's curve, in its own order, is spread from this
     * journey's first touchpoint to its last: the two curves compare start to end.
     */
    alignment: 'name' | 'spread';
    emotions: BaselineEmotion[];
}

export interface BaselineEmotion {
    /** `name` alignment: this journey's touchpoint the baseline's value is drawn at. */
    touchpointId?: string;
    /** `spread` alignment: where along this journey's touchpoints (0 the first, 1 the last). */
    position?: number;
    /** The baseline's touchpoint: its name (this journey's too, by name) and title. */
    name: string;
    touchpointLabel: string;
    value: number;
    label?: string;
}

export interface HeaderView extends ViewElement {
    title: string;
    /** The journey's description lines. */
    description: string[];
    personas: string[];
    trigger?: string;
    /** "Current state", "Future state of “Fleet renewal”" (its title), or undefined when the journey says nothing. */
    state?: string;
    owner?: string;
    review: {
        date?: string;
        everyDays?: number;
        /** True when stale or never reviewed; undefined when there is no period to judge by. */
        stale?: boolean;
    };
}

export type Phase = NonNullable<StageModel['phase']>;

export interface StageView extends ViewElement {
    name: string;
    label: string;
    index: number;
    phase?: Phase;
    question?: string;
    /** Ids of its touchpoints, in customer order. */
    touchpoints: string[];
}

export interface TouchpointView extends ViewElement {
    name: string;
    label: string;
    stageId: string;
    stageIndex: number;
    /** Position in its stage (0-based), which is its lane column. */
    slot: number;
    channel?: { label: string; mode?: string };
    owner?: string;
    momentOfTruth: boolean;
    emotion?: { value: number; label?: string };
    /** Its evidence from sources too old for a current-state map (`stale-evidence`): "Label (date)". */
    staleEvidence?: string[];
}

export interface EdgeView {
    id: string;
    from: string;
    to: string;
    label?: string;
    /** Implied by stage order (the journey has no `flow` line). */
    implied: boolean;
    /** A loop back to a touchpoint earlier in stage order. */
    back: boolean;
    /** The journey's range: flows carry no range of their own in the model. */
    range: SourceRange;
}

/** Something drawn in a lane, in a stage's column and, when it belongs to one, under a touchpoint. */
export interface LaneItemBase extends ViewElement {
    stageId: string;
    stageIndex: number;
    /** The touchpoint it is drawn under; absent for items of the whole stage. */
    touchpointId?: string;
}

export interface TextItem extends LaneItemBase {
    text: string;
}

export interface EmotionItem extends LaneItemBase {
    touchpointId: string;
    /** -3 (very negative) .. +3 (very positive); out-of-range values are clamped for drawing. */
    value: number;
    label?: string;
}

export interface PainItem extends LaneItemBase {
    name: string;
    label: string;
    /** 1..5 when given. */
    severity?: number;
    evidence: string[];
}

export interface OpportunityItem extends LaneItemBase {
    name: string;
    label: string;
    owner?: string;
    /** Labels of the pains it answers. */
    answers: string[];
}

export interface MomentItem extends LaneItemBase {
    touchpointId: string;
    label: string;
}

export interface KpiItem extends LaneItemBase {
    touchpointId: string;
    metric: string;
    value: string;
    target?: string;
    /** undefined without a target. */
    onTarget?: boolean;
    lowerIsBetter: boolean;
    source?: string;
    /** The source's date, and whether it is too old for a current-state map. */
    sourceDate?: string;
    sourceStale?: boolean;
    /** Computed from data: the answers it rests on, and whether they are fewer than `minSample`. */
    n?: number;
    smallSample?: boolean;
}

export interface LanesView {
    actions: TextItem[];
    thoughts: TextItem[];
    emotions: EmotionItem[];
    pains: PainItem[];
    opportunities: OpportunityItem[];
    moments: MomentItem[];
    backstage: TextItem[];
    kpis: KpiItem[];
}

export interface ValueGapView {
    /** "us" first, then the competitors in order of first appearance. */
    parties: string[];
    rows: ValueGapRowView[];
}

export interface ValueGapRowView extends ViewElement {
    need: string;
    persona?: string;
    importance?: number;
    /** Scores 0..5, in the order of `parties` (undefined where a competitor has no score on this need). */
    scores: Array<number | undefined>;
    /** How far the best competitor is ahead of us (0 when nobody is). */
    gap: number;
    /** gap × importance (importance 1 when not given). */
    weightedGap: number;
    /** Us behind a competitor. */
    highlighted: boolean;
    /** Us behind a competitor on a need of importance 4 or more (the `value-gap` rule). */
    severe: boolean;
}

export interface UnknownView extends ViewElement {
    text: string;
}

export interface PlanView extends ViewElement {
    name: string;
    label: string;
    owner?: string;
    due?: string;
    status: PlanModel['status'];
    overdue: boolean;
    /** Labels of the pains and opportunities it addresses. */
    addresses: string[];
    /** "Renewal rate 92%". */
    targets: string[];
}

/**
 * The journey `model` redesigns, among `journeys` (by name): its `baseline` when it is a future state
 * (`state future of X`) and X is a current state there.
 */
export function currentStateOf(model: JourneyMapModel, journeys: readonly JourneyMapModel[]): JourneyMapModel | undefined {
    const of = model.state.kind === 'future' ? model.state.of : undefined;
    return of === undefined ? undefined : journeys.find(journey => journey.name === of && journey.state.kind !== 'future');
}

/** Builds the view model of one journey map. Pure: the same model gives an equal view model. */
export function buildViewModel(model: JourneyMapModel, options: ViewModelOptions = {}): ViewModel {
    const j = model.name;
    const ids = new UniqueIds();
    const stageIds = new Map<string, string>();
    const touchpointIds = new Map<string, string>();
    const touchpoints: TouchpointView[] = [];
    const touchpointStage = new Map<string, { stage: StageView }>();

    const stages = model.stages.map((stage, index): StageView => {
        const id = ids.make(`stage:${j}:${stage.name}`);
        if (!stageIds.has(stage.name)) {
            stageIds.set(stage.name, id);
        }
        const view: StageView = {
            id, name: stage.name, label: stage.label, index, phase: stage.phase, question: stage.question, touchpoints: [],
            range: stage.range, selectionRange: stage.nameRange,
        };
        stage.touchpoints.forEach((touchpoint, slot) => {
            const tpId = ids.make(`tp:${j}:${touchpoint.name}`);
            if (!touchpointIds.has(touchpoint.name)) {
                touchpointIds.set(touchpoint.name, tpId);
            }
            view.touchpoints.push(tpId);
            touchpoints.push(touchpointView(touchpoint, tpId, view, slot));
            touchpointStage.set(tpId, { stage: view });
        });
        return view;
    });

    const edgeIds = new UniqueIds();
    const edges: EdgeView[] = model.flows.flatMap(flow => {
        const from = touchpointIds.get(flow.from);
        const to = touchpointIds.get(flow.to);
        return from && to ? [{
            id: edgeIds.make(`flow:${j}:${flow.from}->${flow.to}`),
            from, to, label: flow.label, implied: flow.implied, back: flow.back, range: model.range,
        }] : [];
    });

    // Pains: once each, wherever written (a stage's pain `at` a touchpoint is also listed on it), drawn
    // under their touchpoint when they have one, else in the column of the stage they are written in.
    const pains: PainItem[] = [];
    const seenPains = new Set<string>();
    const painLabels = new Map<string, string>();
    const painTouchpoint = new Map<string, string>();
    const opportunities: OpportunityItem[] = [];
    const opportunityLabels = new Map<string, string>();
    const kpis: KpiItem[] = [];
    const lanes: LanesView = { actions: [], thoughts: [], emotions: [], pains, opportunities, moments: [], backstage: [], kpis };
    const stageByName = new Map(stages.map(stage => [stage.name, stage]));

    const addPain = (pain: PainModel) => {
        const key = `${pain.name}@${rangeKey(pain.range)}`;
        if (seenPains.has(key)) {
            return;
        }
        seenPains.add(key);
        const touchpointId = pain.touchpoint ? touchpointIds.get(pain.touchpoint) : undefined;
        const stage = (touchpointId && touchpointStage.get(touchpointId)?.stage) || stageByName.get(pain.stage) || stages[0];
        painLabels.set(pain.name, pain.label);
        if (touchpointId) {
            painTouchpoint.set(pain.name, touchpointId);
        }
        pains.push({
            id: ids.make(`pain:${j}:${pain.name}`), name: pain.name, label: pain.label, severity: pain.severity,
            evidence: pain.evidence.map(e => e.stale ? `${e.label} (stale: ${e.date})` : e.label),
            stageId: stage.id, stageIndex: stage.index, touchpointId,
            range: pain.range, selectionRange: pain.nameRange,
        });
    };

    model.stages.forEach((stage, index) => {
        const view = stages[index];
        const stageTouchpoints = touchpoints.filter(tp => tp.stageId === view.id);
        // Lane items in customer order: each touchpoint's, then the stage's own.
        stage.touchpoints.forEach((touchpoint, slot) => {
            const tp = stageTouchpoints[slot];
            const at = { stageId: view.id, stageIndex: index, touchpointId: tp.id, range: touchpoint.range, selectionRange: touchpoint.nameRange };
            if (touchpoint.action !== undefined) {
                lanes.actions.push({ ...at, id: ids.make(`action:${j}:${touchpoint.name}`), text: touchpoint.action });
            }
            if (touchpoint.thinks !== undefined) {
                lanes.thoughts.push({ ...at, id: ids.make(`thinks:${j}:${touchpoint.name}`), text: touchpoint.thinks });
            }
            if (touchpoint.emotion) {
                lanes.emotions.push({ ...at, id: ids.make(`emotion:${j}:${touchpoint.name}`), value: touchpoint.emotion.value, label: touchpoint.emotion.label });
            }
            if (touchpoint.momentOfTruth) {
                lanes.moments.push({ ...at, id: ids.make(`moment:${j}:${touchpoint.name}`), label: touchpoint.label });
            }
            if (touchpoint.backstage !== undefined) {
                lanes.backstage.push({ ...at, id: ids.make(`backstage:${j}:${touchpoint.name}`), text: touchpoint.backstage });
            }
            touchpoint.kpis.forEach(kpi => kpis.push(kpiItem(kpi, ids.make(`kpi:${j}:${touchpoint.name}:${kpi.metric.name}`), view, tp.id)));
            touchpoint.pains.forEach(addPain);
        });
        stage.pains.forEach(addPain);
    });

    model.stages.forEach((stage, index) => {
        const view = stages[index];
        const all: OpportunityModel[] = [...stage.touchpoints.flatMap(tp => tp.opportunities), ...stage.opportunities];
        for (const opportunity of all) {
            const written = opportunity.touchpoint ? touchpointIds.get(opportunity.touchpoint) : undefined;
            // An opportunity written in the stage is drawn under the touchpoint of the pain it answers.
            const answered = opportunity.answers.map(name => painTouchpoint.get(name)).find(id => id && touchpointStage.get(id)?.stage === view);
            opportunityLabels.set(opportunity.name, opportunity.label);
            opportunities.push({
                id: ids.make(`opp:${j}:${opportunity.name}`), name: opportunity.name, label: opportunity.label,
                owner: opportunity.owner?.label,
                answers: opportunity.answers.map(name => painLabels.get(name) ?? name),
                stageId: view.id, stageIndex: index, touchpointId: written ?? answered,
                range: opportunity.range, selectionRange: opportunity.nameRange,
            });
        }
    });
    sortLaneItems(lanes, touchpoints);

    const baseline = options.baseline ? baselineView(options.baseline, touchpoints) : undefined;
    const personaCurves = personaCurveViews(model, touchpoints);
    const metricLabels = new Map<string, string>();
    model.stages.forEach(stage => stage.touchpoints.forEach(tp => tp.kpis.forEach(kpi => metricLabels.set(kpi.metric.name, kpi.metric.label))));

    return {
        id: `journey:${j}`,
        uri: model.uri,
        name: j,
        header: headerView(model, `header:${j}`),
        stages,
        touchpoints,
        edges,
        lanes,
        valueGap: valueGapView(model, j, ids),
        unknowns: model.unknowns.map((unknown, index) => ({
            id: ids.make(`unknown:${j}:${index}`), text: unknown.text, range: unknown.range, selectionRange: unknown.range,
        })),
        plans: model.plans.map(plan => ({
            id: ids.make(`plan:${j}:${plan.name}`), name: plan.name, label: plan.label, owner: plan.owner?.label, due: plan.due,
            status: plan.status, overdue: plan.overdue,
            addresses: plan.addresses.map(name => painLabels.get(name) ?? opportunityLabels.get(name) ?? name),
            targets: plan.targets.map(target => `${metricLabels.get(target.metric) ?? target.metric} ${formatNumber(target.value, { unit: target.percent ? 'percent' : undefined })}`),
            range: plan.range, selectionRange: plan.nameRange,
        })),
        ...(baseline ? { baseline } : {}),
        ...(personaCurves ? { personaCurves } : {}),
    };
}

/**
 * A curve per persona of the journey through the touchpoints it meets, when there are several personas
 * and some touchpoint with an emotion has a `by` line (else every curve would go through every point:
 * one curve says it).
 */
function personaCurveViews(model: JourneyMapModel, touchpoints: TouchpointView[]): PersonaCurveView[] | undefined {
    // `touchpoints` is the model's touchpoints in the same order: stage by stage, each stage's in order.
    const felt = model.stages.flatMap(stage => stage.touchpoints).map((touchpoint, index) => ({ touchpoint, id: touchpoints[index].id }))
        .filter(({ touchpoint }) => touchpoint.emotion);
    const personas = model.personas.filter((persona, index) => model.personas.findIndex(p => p.name === persona.name) === index);
    // Models from older servers or hand-made JSON may lack `byWritten`.
    if (personas.length < 2 || !felt.some(({ touchpoint }) => touchpoint.byWritten ?? touchpoint.personas.length < personas.length)) {
        return undefined;
    }
    return personas.map(persona => ({
        persona: persona.name,
        label: persona.label,
        touchpointIds: felt.filter(({ touchpoint }) => touchpoint.personas.includes(persona.name)).map(({ id }) => id),
    }));
}

/**
 * The baseline's emotions at this journey's touchpoints of the same name (the first of a repeated name
 * on either side); when none has a match, the baseline's whole curve spread along this journey.
 */
function baselineView(baseline: JourneyMapModel, touchpoints: TouchpointView[]): BaselineView | undefined {
    const own = baseline.stages.flatMap(stage => stage.touchpoints);
    const byName = new Map<string, TouchpointModel>();
    for (const touchpoint of own) {
        if (!byName.has(touchpoint.name)) {
            byName.set(touchpoint.name, touchpoint);
        }
    }
    const seen = new Set<string>();
    const emotions: BaselineEmotion[] = [];
    for (const tp of touchpoints) {
        const match = seen.has(tp.name) ? undefined : byName.get(tp.name);
        seen.add(tp.name);
        if (match?.emotion && Number.isFinite(match.emotion.value)) {
            emotions.push({ touchpointId: tp.id, ...baselineEmotion(match, match.emotion) });
        }
    }
    if (emotions.length > 0) {
        return { name: baseline.name, title: baseline.label, alignment: 'name', emotions };
    }
    const felt = own.filter(touchpoint => touchpoint.emotion && Number.isFinite(touchpoint.emotion.value));
    if (felt.length === 0 || touchpoints.length === 0 || touchpoints.some(tp => felt.some(f => f.name === tp.name))) {
        return undefined;
    }
    return {
        name: baseline.name, title: baseline.label, alignment: 'spread',
        emotions: felt.map((touchpoint, index) => ({
            position: felt.length === 1 ? 0.5 : index / (felt.length - 1), ...baselineEmotion(touchpoint, touchpoint.emotion!),
        })),
    };
}

function baselineEmotion(touchpoint: TouchpointModel, emotion: NonNullable<TouchpointModel['emotion']>): Omit<BaselineEmotion, 'touchpointId' | 'position'> {
    return { name: touchpoint.name, touchpointLabel: touchpoint.label, value: emotion.value, ...(emotion.label !== undefined ? { label: emotion.label } : {}) };
}

function touchpointView(touchpoint: TouchpointModel, id: string, stage: StageView, slot: number): TouchpointView {
    return {
        id, name: touchpoint.name, label: touchpoint.label, stageId: stage.id, stageIndex: stage.index, slot,
        channel: touchpoint.channel ? { label: touchpoint.channel.label, mode: touchpoint.channel.mode } : undefined,
        owner: touchpoint.owner?.label,
        momentOfTruth: touchpoint.momentOfTruth,
        emotion: touchpoint.emotion ? { ...touchpoint.emotion } : undefined,
        ...(touchpoint.evidence.some(source => source.stale)
            ? { staleEvidence: touchpoint.evidence.filter(source => source.stale).map(source => `${source.label} (${source.date})`) } : {}),
        range: touchpoint.range, selectionRange: touchpoint.nameRange,
    };
}

function headerView(model: JourneyMapModel, id: string): HeaderView {
    const review = model.reviewed;
    return {
        id,
        title: model.label,
        // Models from older servers or hand-made JSON may lack it.
        description: model.description ?? [],
        personas: model.personas.map(persona => persona.label),
        trigger: model.trigger,
        state: model.state.kind === 'current' ? 'Current state'
            : model.state.kind === 'future' ? `Future state${futureOf(model.state)}` : undefined,
        owner: model.owner?.label,
        // The `stale-map` rule: a map never reviewed is stale.
        review: review ? { date: review.date, everyDays: review.everyDays, stale: review.stale } : { stale: true },
        range: model.range,
        selectionRange: model.nameRange,
    };
}

/** " of “Title”" as the header names everything by its label; the name when it does not resolve. */
function futureOf(state: { of?: string; ofLabel?: string }): string {
    return state.ofLabel ? ` of “${state.ofLabel}”` : state.of ? ` of ${state.of}` : '';
}

function kpiItem(kpi: KpiModel, id: string, stage: StageView, touchpointId: string): KpiItem {
    const unit = kpi.metric.percent ? 'percent' : undefined;
    return {
        id, metric: kpi.metric.label,
        value: formatNumber(kpi.value, { unit }),
        target: kpi.target !== undefined ? formatNumber(kpi.target, { unit }) : undefined,
        onTarget: kpi.onTarget,
        lowerIsBetter: kpi.metric.lowerIsBetter,
        source: kpi.source?.label,
        ...(kpi.source?.date ? { sourceDate: kpi.source.date } : {}),
        ...(kpi.source?.stale ? { sourceStale: true } : {}),
        ...(kpi.computed ? { n: kpi.computed.n, smallSample: kpi.computed.smallSample } : {}),
        stageId: stage.id, stageIndex: stage.index, touchpointId,
        range: kpi.range, selectionRange: kpi.range,
    };
}

function valueGapView(model: JourneyMapModel, j: string, ids: UniqueIds): ValueGapView {
    const parties = ['us', ...model.competitors.map(c => c.label)];
    const index = new Map(model.competitors.map((c, i) => [c.name, i + 1]));
    const rows = model.valueGap.map((row: ValueGapRowModel): ValueGapRowView => {
        const scores: Array<number | undefined> = parties.map(() => undefined);
        scores[0] = row.us;
        for (const competitor of row.competitors) {
            const at = index.get(competitor.name);
            if (at !== undefined) {
                scores[at] = competitor.score;
            }
        }
        const best = largest(row.competitors.map(c => c.score), row.us);
        const gap = best - row.us;
        return {
            id: ids.make(`gap:${j}:${row.need}`),
            need: row.label, persona: row.persona, importance: row.importance, scores,
            gap, weightedGap: gap * (row.importance ?? 1),
            highlighted: gap > 0, severe: gap > 0 && (row.importance ?? 0) >= 4,
            range: row.range, selectionRange: row.range,
        };
    });
    return { parties, rows };
}

/** Lane items in map order: stage, then the touchpoint's column, then the stage's own items. */
function sortLaneItems(lanes: LanesView, touchpoints: TouchpointView[]): void {
    const slotOf = new Map(touchpoints.map(tp => [tp.id, tp.slot]));
    const key = (item: LaneItemBase) => item.stageIndex * 1_000_000 + (item.touchpointId !== undefined ? slotOf.get(item.touchpointId) ?? 0 : 999_999);
    // Array.prototype.sort is stable: items of one column keep their document order.
    lanes.pains.sort((a, b) => key(a) - key(b));
    lanes.opportunities.sort((a, b) => key(a) - key(b));
}

function rangeKey(range: SourceRange): string {
    return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** Ids made unique by a `#2`, `#3` suffix on repeats (duplicate names are an error, but still drawn). */
class UniqueIds {
    private readonly used = new Map<string, number>();

    make(base: string): string {
        const count = (this.used.get(base) ?? 0) + 1;
        this.used.set(base, count);
        return count === 1 ? base : `${base}#${count}`;
    }
}

/** Every element of a view model with an id and a source range: what a click reveals. */
export function viewElements(view: ViewModel): ViewElement[] {
    return [
        view.header, ...view.stages, ...view.touchpoints,
        ...view.lanes.actions, ...view.lanes.thoughts, ...view.lanes.emotions, ...view.lanes.pains,
        ...view.lanes.opportunities, ...view.lanes.moments, ...view.lanes.backstage, ...view.lanes.kpis,
        ...view.valueGap.rows, ...view.unknowns, ...view.plans,
        ...view.edges.map(edge => ({ id: edge.id, range: edge.range, selectionRange: edge.range })),
    ];
}
