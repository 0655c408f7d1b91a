import { AstUtils, type AstNode } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { parseCalendarDate, toEpochDay, type CalendarDate } from '../model/calendar-date.js';
import {
    isChannel, isCompetitor, isJourney, isMetric, isNeed, isOpportunity, isPain, isPersona, isPlan, isServes,
    isSource, isStage, isTeam, isTouchpoint, type Channel, type Competitor, type Emotion, type Journey, type Kpi, type Metric,
    type Need, type Opportunity, type Pain, type Persona, type Plan, type Source, type Stage, type Team, type Touchpoint
} from '../generated/ast.js';
import { aggregateText, effectiveOwner, isOffTarget, kpiHasEvidence, kpiSource, kpiValue, ownOwner, painTouchpoint, readQuantity } from '../model/journey-facts.js';
import { kpiDataOf } from '../data/kpi-data.js';
import { formatNumber, SIGNED_SCORE } from '../model/number-format.js';
import { referencingNodes } from '../references/journey-references.js';
import { journeyPersonas } from '../references/journey-scope-provider.js';
import {
    EMOTION_SCALE_TEXT, IMPORTANCE_MEANINGS, PHASE_DOCS, SEVERITY_MEANINGS, SOURCE_KIND_DOCS, emotionMeaning
} from './journey-vocabulary.js';

/**
 * Markdown cards for the things a journey map names: what hover shows and what completion items carry
 * as documentation. Each card starts with the kind and the name, then the facts a reader needs at that
 * spot (a need's importance and who serves it, a KPI against its target, a source's date and sample).
 */
export class JourneyCards {
    constructor(private readonly services: LangiumServices, private readonly today: () => CalendarDate) {}

    /** One line for completion lists: the label and the one fact that tells similar names apart. */
    detail(node: AstNode): string | undefined {
        if (isNeed(node)) {
            return joinFacts(node.label, node.importance !== undefined ? `importance ${formatNumber(node.importance)}` : undefined);
        }
        if (isMetric(node)) {
            return joinFacts(node.label, metricScale(node), node.lowerIsBetter ? 'lower is better' : undefined);
        }
        if (isSource(node)) {
            return joinFacts(node.label, node.kind, node.date, node.sample !== undefined ? `sample ${formatNumber(node.sample)}` : undefined);
        }
        if (isChannel(node)) {
            return joinFacts(node.label, node.mode);
        }
        if (isJourney(node)) {
            return joinFacts(node.label, journeyState(node));
        }
        if (isPain(node)) {
            return joinFacts(node.label, node.severity !== undefined ? `severity ${formatNumber(node.severity)}` : undefined);
        }
        if (isTouchpoint(node)) {
            return joinFacts(node.label, isStage(node.$container) && node.$container.name ? `stage ${node.$container.name}` : undefined);
        }
        const label = (node as { label?: unknown }).label;
        return typeof label === 'string' ? label : undefined;
    }

    /** The Markdown card of a declaration; `undefined` for nodes that are not declarations. */
    card(node: AstNode): string | undefined {
        if (isPersona(node)) return this.personaCard(node);
        if (isNeed(node)) return this.needCard(node);
        if (isMetric(node)) return metricCard(node);
        if (isSource(node)) return sourceCard(node);
        if (isTeam(node)) return this.teamCard(node);
        if (isChannel(node)) return channelCard(node);
        if (isCompetitor(node)) return competitorCard(node);
        if (isJourney(node)) return journeyCard(node);
        if (isStage(node)) return stageCard(node);
        if (isTouchpoint(node)) return touchpointCard(node);
        if (isPain(node)) return painCard(node);
        if (isOpportunity(node)) return opportunityCard(node);
        if (isPlan(node)) return this.planCard(node);
        return undefined;
    }

    private personaCard(persona: Persona): string {
        const lines = [title('persona', persona.name, persona.label)];
        texts(persona.descriptions).forEach(text => lines.push(md(text)));
        const goals = texts(persona.goals);
        if (goals.length > 0) {
            lines.push('**Goals**\n' + goals.map(goal => `- ${md(goal)}`).join('\n'));
        }
        if (persona.needs.length > 0) {
            lines.push('**Needs**\n' + persona.needs.map(need => `- ${code(need.name) ?? ''} ${md(need.label)}`
                + (need.importance !== undefined ? ` · importance ${formatNumber(need.importance)}` : '')).join('\n'));
        } else {
            lines.push('_No needs declared yet._');
        }
        const pains = texts(persona.pains);
        if (pains.length > 0) {
            lines.push('**Pains**\n' + pains.map(pain => `- ${md(pain)}`).join('\n'));
        }
        const prefers = persona.prefers.flatMap(line => line.channels.map(c => `\`${c.$refText}\``));
        if (prefers.length > 0) {
            lines.push(`**Prefers** ${prefers.join(', ')}`);
        }
        return lines.join('\n\n');
    }

    private needCard(need: Need): string {
        const persona = need.$container;
        const lines = [title('need', persona.name && need.name ? `${persona.name}.${need.name}` : need.name, need.label)];
        lines.push(need.importance !== undefined
            ? `Importance **${formatNumber(need.importance)}** of 5${IMPORTANCE_MEANINGS.has(need.importance) ? ` (${IMPORTANCE_MEANINGS.get(need.importance)})` : ''}`
            : 'Importance not given (`importance 1..5`).');
        const touchpoints = this.servingTouchpoints(need);
        if (touchpoints.length === 0) {
            lines.push('Served by **no touchpoint** yet.');
        } else {
            lines.push(`Served by **${touchpoints.length}** touchpoint${touchpoints.length === 1 ? '' : 's'}:\n`
                + touchpoints.map(t => `- ${code(t.name) ?? ''} ${md(t.label)}${journeyName(t) ? ` (journey \`${journeyName(t)}\`)` : ''}`).join('\n'));
        }
        return lines.join('\n\n');
    }

    /** The touchpoints whose `serves` names this need, in every file of the workspace. */
    servingTouchpoints(need: Need): Touchpoint[] {
        const touchpoints = new Set<Touchpoint>();
        for (const node of referencingNodes(this.services, need)) {
            if (isServes(node) && isTouchpoint(node.$container)) {
                touchpoints.add(node.$container);
            }
        }
        return [...touchpoints];
    }

    private teamCard(team: Team): string {
        const owned = referencingNodes(this.services, team).length;
        return [title('team', team.name, team.label), `Named as owner ${owned} time${owned === 1 ? '' : 's'} in the workspace.`].join('\n\n');
    }

    private planCard(plan: Plan): string {
        const lines = [title('plan', plan.name, plan.label)];
        const status = plan.statuses[0]?.status ?? 'open';
        const due = plan.dues[0]?.date;
        const dueDate = due ? parseCalendarDate(due) : undefined;
        const overdue = dueDate !== undefined && status !== 'done' && toEpochDay(this.today()) > toEpochDay(dueDate);
        lines.push(facts([
            ['Status', `\`${status}\``],
            ['Due', due ? `${due}${overdue ? ' — **overdue**' : ''}` : undefined],
            ['Owner', code(plan.owners[0]?.team?.$refText)],
            ['Addresses', plan.addresses.flatMap(a => a.items.map(i => `\`${i.$refText}\``)).join(', ') || undefined],
            ['Targets', plan.targets.map(t => [code(t.metric?.$refText), t.value !== undefined ? quantityText(t.value) : undefined].filter(Boolean).join(' ')).filter(Boolean).join(', ') || undefined],
        ]));
        return lines.join('\n\n');
    }
}

export function metricCard(metric: Metric): string {
    return [
        title('metric', metric.name, metric.label),
        facts([
            ['Scale', metricScale(metric)],
            ['Direction', metric.lowerIsBetter ? 'lower is better' : 'higher is better'],
        ]),
    ].join('\n\n');
}

export function sourceCard(source: Source): string {
    return [
        title('source', source.name, source.label),
        facts([
            ['Kind', source.kind ? `\`${source.kind}\`${SOURCE_KIND_DOCS[source.kind] ? ` — ${SOURCE_KIND_DOCS[source.kind]}` : ''}` : 'not given'],
            ['Date', source.date ?? 'not given'],
            ['Sample', source.sample !== undefined ? formatNumber(source.sample) : 'not given'],
        ]),
    ].join('\n\n');
}

/** A KPI against its target: the value (as written, or computed from data with n, left out and the spread), the target, and where the number comes from. */
export function kpiCard(kpi: Kpi, minSample?: number): string {
    const metric = kpi.metric?.ref;
    const value = kpiValue(kpi);
    const target = readQuantity(kpi.target);
    let verdict: string | undefined;
    if (metric && value && target) {
        verdict = isOffTarget(metric, value.value, target.value) ? '**off target**' : '**on target**';
    }
    const data = kpiDataOf(kpi);
    const result = data?.result;
    const computation = kpi.computation;
    const lines = [`**KPI** \`${kpi.metric?.$refText ?? ''}\`${metric ? ` — ${md(metric.label)}` : ''}`];
    const source = kpiSource(kpi);
    lines.push(facts([
        ['Value', computation
            ? (value ? `${formatNumber(value.value, { unit: value.percent ? 'percent' : undefined })} (computed)` : '**not computed**: see the problems on this line')
            : kpi.value !== undefined ? quantityText(kpi.value) : undefined],
        ['Target', kpi.target !== undefined ? `${quantityText(kpi.target)}${verdict ? ` — ${verdict}` : ''}` : 'none'],
        ['Scale', metric ? metricScale(metric) : undefined],
        ['Direction', metric ? (metric.lowerIsBetter ? 'lower is better' : 'higher is better') : undefined],
        ['Source', source ? `\`${source.name}\`${source.date ? ` (${source.date})` : ''}` : (kpiHasEvidence(kpi) ? "the touchpoint's evidence" : '**none** (unsupported claim)')],
    ]));
    if (computation && data) {
        const filters = computation.filters.map(filter => `"${md(filter.column)}" = "${md(filter.value)}"`).join(' and ');
        lines.push(facts([
            ['Computed', `${aggregateText(data.spec)} of column "${md(computation.column)}"${data.file ? ` in \`${md(data.file.path)}\`` : ''}${filters ? `, where ${filters}` : ''}`],
            ['Answers', result ? `n = ${result.n}${minSample !== undefined && result.n < minSample ? ` — **small sample** (fewer than ${minSample})` : ''}, ${result.leftOut} left out (empty, not a number or outside the scale), of ${data.rows} row${data.rows === 1 ? '' : 's'}` : undefined],
        ]));
        if (result && result.n > 0) {
            lines.push(distributionTable(result.distribution));
        }
    }
    return lines.join('\n\n');
}

/** How the answers are spread: a row per answer with its count and a bar. */
function distributionTable(rows: ReadonlyArray<{ answer: string; count: number }>): string {
    const most = Math.max(1, ...rows.map(row => row.count));
    return ['| Answer | Count | |', '|---:|---:|:---|', ...rows.map(row => `| ${md(row.answer)} | ${row.count} | ${'█'.repeat(Math.round(10 * row.count / most))} |`)].join('\n');
}

/** What an emotion score means on the scale, with its label. */
export function emotionCard(emotion: Emotion): string {
    const value = emotion.value;
    const meaning = value !== undefined ? emotionMeaning(value) : undefined;
    const head = value === undefined
        ? '**Emotion**'
        : meaning
            ? `**Emotion ${formatNumber(value, SIGNED_SCORE)}**: ${meaning}`
            : `**Emotion ${formatNumber(value, SIGNED_SCORE)}**: outside the scale (−3..+3)`;
    const lines = [head];
    if (emotion.label) {
        lines.push(`“${md(emotion.label)}”`);
    }
    lines.push(EMOTION_SCALE_TEXT);
    return lines.join('\n\n');
}

function channelCard(channel: Channel): string {
    return [title('channel', channel.name, channel.label), code(channel.mode)].filter(Boolean).join('\n\n');
}

function competitorCard(competitor: Competitor): string {
    return title('competitor', competitor.name, competitor.label);
}

function journeyCard(journey: Journey): string {
    const personas = journeyPersonas(journey).map(p => `\`${p.name}\``).join(', ');
    const touchpoints = journey.stages.reduce((sum, stage) => sum + stage.touchpoints.length, 0);
    return [
        title('journey', journey.name, journey.label),
        ...texts(journey.descriptions).map(md),
        facts([
            ['Personas', personas || 'none'],
            ['Trigger', journey.triggers[0]?.text !== undefined ? md(journey.triggers[0].text) : undefined],
            ['State', journeyState(journey)],
            ['Owner', code(journey.owners[0]?.team?.$refText)],
            ['Stages', `${journey.stages.length}, with ${touchpoints} touchpoint${touchpoints === 1 ? '' : 's'}`],
        ]),
    ].join('\n\n');
}

function stageCard(stage: Stage): string {
    return [
        title('stage', stage.name, stage.label),
        facts([
            ['Phase', stage.phases[0]?.phase ? `\`${stage.phases[0].phase}\` — ${PHASE_DOCS[stage.phases[0].phase] ?? ''}` : 'not given'],
            ['Question', stage.questions[0]?.text !== undefined ? md(stage.questions[0].text) : undefined],
            ['Touchpoints', stage.touchpoints.map(t => code(t.name)).filter(Boolean).join(', ') || 'none'],
        ]),
    ].join('\n\n');
}

function touchpointCard(touchpoint: Touchpoint): string {
    const emotion = touchpoint.emotions[0];
    const owner = effectiveOwner(touchpoint);
    return [
        title('touchpoint', touchpoint.name, touchpoint.label),
        facts([
            ['Stage', isStage(touchpoint.$container) ? code(touchpoint.$container.name) : undefined],
            ['Channel', code(touchpoint.channels[0]?.channel?.$refText) ?? 'none'],
            ['Owner', owner ? `\`${owner.name}\`${ownOwner(touchpoint) ? '' : " (the journey's)"}` : 'none'],
            ['Emotion', emotion?.value !== undefined ? `${formatNumber(emotion.value, SIGNED_SCORE)} ${emotionMeaning(emotion.value) ?? ''}${emotion.label ? ` “${md(emotion.label)}”` : ''}` : undefined],
            ['Serves', touchpoint.serves.map(s => code(s.need?.$refText)).filter(Boolean).join(', ') || undefined],
            ['Moment of truth', touchpoint.moments.length > 0 ? 'yes' : undefined],
        ]),
    ].join('\n\n');
}

function painCard(pain: Pain): string {
    const at = painTouchpoint(pain);
    const journey = AstUtils.getContainerOfType(pain, isJourney);
    const answers = journey
        ? AstUtils.streamAllContents(journey).filter(isOpportunity).filter(o => o.answers.some(a => a.ref === pain)).map(o => code(o.name) ?? '').filter(Boolean).toArray()
        : [];
    return [
        title('pain', pain.name, pain.label),
        facts([
            ['Severity', pain.severity !== undefined ? `${formatNumber(pain.severity)} of 5${SEVERITY_MEANINGS.has(pain.severity) ? ` (${SEVERITY_MEANINGS.get(pain.severity)})` : ''}` : 'not given'],
            ['At', code(at?.name)],
            ['Answered by', answers.join(', ') || 'no opportunity yet'],
        ]),
    ].join('\n\n');
}

function opportunityCard(opportunity: Opportunity): string {
    const owner = effectiveOwner(opportunity);
    return [
        title('opportunity', opportunity.name, opportunity.label),
        facts([
            ['For', opportunity.answers.map(a => code(a.$refText)).filter(Boolean).join(', ') || undefined],
            ['Owner', owner ? `\`${owner.name}\`${ownOwner(opportunity) ? '' : " (the journey's)"}` : 'none'],
        ]),
    ].join('\n\n');
}

/** A KPI or plan quantity as the preview and the exports print it (`3.10%` → `3.1%`); as written when it does not read. */
function quantityText(written: string | number): string {
    const quantity = readQuantity(written);
    return quantity ? formatNumber(quantity.value, { unit: quantity.percent ? 'percent' : undefined }) : String(written);
}

export function metricScale(metric: Metric): string {
    return metric.percent ? 'percent' : `scale ${metric.low !== undefined ? formatNumber(metric.low) : '?'} to ${metric.high !== undefined ? formatNumber(metric.high) : '?'}`;
}

function journeyState(journey: Journey): string | undefined {
    const state = journey.states[0];
    if (!state) {
        return undefined;
    }
    return state.future ? `future of ${state.currentState?.$refText ?? '?'}` : 'current';
}

function journeyName(touchpoint: Touchpoint): string | undefined {
    return AstUtils.getContainerOfType(touchpoint, isJourney)?.name;
}

/**
 * The first line of a card. Error recovery can leave a declaration without its name or label (the
 * AST types say strings): the card then says what it can.
 */
function title(kind: string, name: string | undefined, label: string | undefined): string {
    return `**${kind}**${name ? ` \`${name}\`` : ''}${label ? ` — ${md(label)}` : ''}`;
}

/** A name as code; `undefined` when there is none (a line cut short, `owner` without its team). */
function code(name: string | undefined): string | undefined {
    return name ? `\`${name}\`` : undefined;
}

/** The texts of a list of lines, leaving out a line whose text error recovery did not read. */
function texts(lines: ReadonlyArray<{ text: string }>): string[] {
    return lines.flatMap(line => line.text === undefined ? [] : [line.text]);
}

function facts(rows: Array<[string, string | undefined]>): string {
    return rows.filter(([, value]) => value !== undefined && value !== '').map(([key, value]) => `- ${key}: ${value}`).join('\n');
}

function joinFacts(...parts: Array<string | undefined>): string {
    return parts.filter(part => part !== undefined && part !== '').join(' · ');
}

/** User text inside Markdown: characters that would format are escaped, line breaks kept as spaces. */
export function md(text: string | undefined): string {
    return (text ?? '').replace(/[\\`*_[\]<>|#]/g, c => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}
