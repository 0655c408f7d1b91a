import type { JourneyMapModel, KpiModel, NamedRef, OpportunityModel, PainModel, TouchpointModel } from '@journey/language';
// Through the protocol module, not the index: the VS Code extension bundles this package without Langium.
import { formatNumber } from '@journey/language/number-format';
import { formatJourneyString } from './journey-text.js';
import { frontMatterTitle, type MermaidSettings } from './mermaid-settings.js';
import { encodeMermaidText } from './mermaid-text.js';
import { pushAll } from './push-all.js';

/**
 * A journey → a Mermaid `journey` diagram.
 *
 * - `title` is the journey's label (none when the label is empty), `accDescr` its description; each stage is a `section`, and a
 *   first stage with an empty label is written as the tasks before any section.
 * - Tasks are the touchpoints in stage order, each stage's in its order. Mermaid draws a straight
 *   sequence: `flow` lines (branches, loops back) are not drawn, they are listed in the note below.
 * - Score = emotion + 3, kept to Mermaid's 1..5: −3 is drawn as 1 and +3 as 5 (so −3 and −2 look the
 *   same, as do +2 and +3), and decimals stay decimals (Mermaid accepts any number). A touchpoint with
 *   no emotion gets the neutral 3. Every such case is named in the note.
 * - Actors are the labels of the personas the touchpoint's `by` names; a touchpoint without `by` (met by
 *   all of the journey's personas) is a task without actors, as Mermaid's own tasks without actors are,
 *   so that Mermaid → journey → Mermaid gives the same tasks back.
 * - Characters Mermaid reserves there (`:` `,` `#` `;`, a task named like a keyword) are written as
 *   Mermaid entity codes (`#58;`), which Mermaid draws as the character and `journey import` decodes.
 * - The front matter and `%%{init}%%` directives `journey import` kept as comments above the journey
 *   (`settings`, from mermaidSettingsAbove) come first, as they were.
 * - Everything a Mermaid journey cannot hold (trigger, needs, channels, owners, pains, opportunities,
 *   KPIs, evidence, flows, unknowns, value gap, plans, …) is listed in a `%%` comment block at the end,
 *   never silently dropped.
 */
export function exportMermaid(journey: JourneyMapModel, options: { settings?: MermaidSettings } = {}): string {
    const { frontMatter, directives = [] } = options.settings ?? {};
    const lines = [...(frontMatter ? ['---', ...frontMatter, '---'] : []), ...directives, 'journey'];
    // The front matter's title is Mermaid's title already (what the import made the label of).
    if (journey.label.trim() !== '' && (frontMatter === undefined || frontMatterTitle(frontMatter) !== journey.label)) {
        lines.push(`    title ${encodeMermaidText(journey.label, 'title')}`);
    }
    // The journey's description is the diagram's accessible description (what screen readers say of it).
    const description = journey.description.map(line => line.trim()).filter(line => line !== '');
    if (description.length === 1) {
        lines.push(`    accDescr: ${description[0]}`);
    } else if (description.length > 1) {
        lines.push('    accDescr {', ...description.map(line => `        ${line}`), '    }');
    }
    const personaLabels = new Map(journey.personas.map(persona => [persona.name, persona.label.trim() !== '' ? persona.label : persona.name]));
    const notes = new NotesWriter();
    journey.stages.forEach((stage, index) => {
        if (!(index === 0 && stage.label.trim() === '')) {
            lines.push(`    section ${encodeMermaidText(stage.label.trim() !== '' ? stage.label : stage.name, 'section')}`);
        }
        for (const touchpoint of stage.touchpoints) {
            const name = encodeMermaidText(touchpoint.label.trim() !== '' ? touchpoint.label : touchpoint.name, 'task');
            const actors = (touchpoint.byWritten ? touchpoint.personas : []).map(persona => encodeMermaidText(personaLabels.get(persona) ?? persona, 'actor')).filter(a => a !== '');
            const score = scoreOf(touchpoint);
            lines.push(`      ${name}: ${formatNumber(score)}${actors.length > 0 ? `: ${actors.join(', ')}` : ''}`);
        }
    });
    notes.journey(journey);
    return `${[...lines, ...notes.lines()].join('\n')}\n`;
}

/** Mermaid's score for a touchpoint: emotion + 3 within 1..5; 3 (neutral) without an emotion. */
export function scoreOf(touchpoint: Pick<TouchpointModel, 'emotion'>): number {
    return touchpoint.emotion ? Math.min(5, Math.max(1, touchpoint.emotion.value + 3)) : 3;
}

/** The `%%` block: what the diagram cannot show, written in `.journey` syntax so it reads back. */
class NotesWriter {
    private readonly entries: string[] = [];
    private name = '';

    journey(journey: JourneyMapModel): void {
        this.name = journey.name;
        const header: string[] = [];
        if (journey.trigger !== undefined) {
            header.push(`trigger ${q(journey.trigger)}`);
        }
        if (journey.state.kind === 'current') {
            header.push('state current');
        } else if (journey.state.kind === 'future') {
            header.push(journey.state.of ? `state future of ${journey.state.of}` : 'state future');
        }
        if (journey.owner) {
            header.push(`owner ${journey.owner.name}`);
        }
        if (journey.reviewed) {
            header.push(`reviewed ${journey.reviewed.date}${journey.reviewed.everyDays !== undefined ? ` every ${journey.reviewed.everyDays} days` : ''}`);
        }
        if (header.length > 0) {
            this.add(`journey ${journey.name}: ${header.join('; ')}`);
        }
        for (const persona of journey.personas) {
            if (persona.needs.length > 0) {
                this.add(`persona ${persona.name}: ${persona.needs.map(need => `need ${need.name} ${q(need.label)}${need.importance !== undefined ? ` importance ${formatNumber(need.importance)}` : ''}`).join('; ')}`);
            }
        }
        const pains = new Map<string, PainModel>();
        const opportunities: OpportunityModel[] = [];
        for (const stage of journey.stages) {
            const stageFacts = [
                ...(stage.phase ? [`phase ${stage.phase}`] : []),
                ...(stage.question !== undefined ? [`question ${q(stage.question)}`] : []),
            ];
            if (stageFacts.length > 0) {
                this.add(`stage ${stage.name}: ${stageFacts.join('; ')}`);
            }
            for (const touchpoint of stage.touchpoints) {
                this.touchpoint(touchpoint);
                touchpoint.pains.forEach(pain => pains.set(pain.name, pain));
                pushAll(opportunities, touchpoint.opportunities);
            }
            stage.pains.forEach(pain => pains.set(pain.name, pain));
            pushAll(opportunities, stage.opportunities);
        }
        for (const pain of pains.values()) {
            this.add([
                `pain ${pain.name} ${q(pain.label)}`,
                ...(pain.touchpoint ? [`at ${pain.touchpoint}`] : [`in stage ${pain.stage}`]),
                ...(pain.severity !== undefined ? [`severity ${formatNumber(pain.severity)}`] : []),
                ...(pain.evidence.length > 0 ? [`evidence ${names(pain.evidence)}`] : []),
            ].join(' '));
        }
        for (const opportunity of opportunities) {
            this.add([
                `opportunity ${opportunity.name} ${q(opportunity.label)}`,
                ...(opportunity.answers.length > 0 ? [`for ${opportunity.answers.join(', ')}`] : []),
                ...(opportunity.owner ? [`owner ${opportunity.owner.name}`] : []),
                ...(opportunity.touchpoint ? [`at ${opportunity.touchpoint}`] : [`in stage ${opportunity.stage}`]),
            ].join(' '));
        }
        for (const flow of journey.flows.filter(flow => !flow.implied)) {
            this.add(`flow ${flow.from} -> ${flow.to}${flow.label !== undefined ? ` ${q(flow.label)}` : ''}`);
        }
        journey.unknowns.forEach(unknown => this.add(`unknown ${q(unknown.text)}`));
        for (const row of journey.valueGap) {
            this.add(`valuegap ${row.persona ? `${row.persona}.` : ''}${row.need} us ${formatNumber(row.us)}${row.competitors.map(c => ` ${c.name} ${formatNumber(c.score)}`).join('')}`);
        }
        for (const plan of journey.plans) {
            this.add(`plan ${plan.name} ${q(plan.label)}: ${[
                ...(plan.addresses.length > 0 ? [`addresses ${plan.addresses.join(', ')}`] : []),
                ...(plan.owner ? [`owner ${plan.owner.name}`] : []),
                ...(plan.due ? [`due ${plan.due}`] : []),
                ...plan.targets.map(target => `target ${target.metric} ${formatNumber(target.value, { unit: target.percent ? 'percent' : undefined })}`),
                `status ${plan.status}`,
            ].join('; ')}`);
        }
    }

    private touchpoint(touchpoint: TouchpointModel): void {
        const facts: string[] = [];
        if (!touchpoint.emotion) {
            facts.push('no emotion (drawn as score 3)');
        } else {
            const score = scoreOf(touchpoint);
            if (score !== touchpoint.emotion.value + 3) {
                facts.push(`emotion ${formatNumber(touchpoint.emotion.value)} (drawn as score ${formatNumber(score)})`);
            }
            if (touchpoint.emotion.label !== undefined) {
                facts.push(`emotion label ${q(touchpoint.emotion.label)}`);
            }
        }
        if (touchpoint.channel) {
            facts.push(`channel ${touchpoint.channel.name}`);
        }
        if (touchpoint.owner) {
            facts.push(`owner ${touchpoint.owner.name}`);
        }
        if (touchpoint.action !== undefined) {
            facts.push(`action ${q(touchpoint.action)}`);
        }
        if (touchpoint.thinks !== undefined) {
            facts.push(`thinks ${q(touchpoint.thinks)}`);
        }
        touchpoint.serves.forEach(serves => facts.push(`serves ${serves.persona}.${serves.need}`));
        if (touchpoint.backstage !== undefined) {
            facts.push(`backstage ${q(touchpoint.backstage)}`);
        }
        touchpoint.kpis.forEach(kpi => facts.push(kpiText(kpi)));
        if (touchpoint.evidence.length > 0) {
            facts.push(`evidence ${names(touchpoint.evidence)}`);
        }
        if (touchpoint.momentOfTruth) {
            facts.push('moment of truth');
        }
        if (facts.length > 0) {
            this.add(`touchpoint ${touchpoint.name}: ${facts.join('; ')}`);
        }
    }

    private add(entry: string): void {
        // `%%{` would start a Mermaid directive, even inside a comment line.
        this.entries.push(entry.replace(/%%\{/g, '%% {'));
    }

    lines(): string[] {
        if (this.entries.length === 0) {
            return [];
        }
        return [
            `%% Not drawn by Mermaid, kept from journey \`${this.name}\` (in .journey syntax):`,
            ...this.entries.map(entry => `%%   ${entry}`),
        ];
    }
}

function kpiText(kpi: KpiModel): string {
    const unit = kpi.metric.percent ? 'percent' : undefined;
    return [
        `kpi ${kpi.metric.name} ${formatNumber(kpi.value, { unit })}`,
        ...(kpi.target !== undefined ? [`target ${formatNumber(kpi.target, { unit })}`] : []),
        ...(kpi.source ? [`source ${kpi.source.name}`] : []),
    ].join(' ');
}

function names(refs: readonly NamedRef[]): string {
    return refs.map(ref => ref.name).join(', ');
}

/** A quoted string on one line. */
function q(text: string): string {
    return formatJourneyString(text);
}
