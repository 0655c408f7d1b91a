import { formatNumber } from '@journey/language/number-format';
import { JOURNEY_EXPORT_FORMAT_VERSION } from './json-export.js';
import { formatJourneyString } from './journey-text.js';

/** JSON that is not an export `journey import` can read; the message names where (`journeys[0].stages[1].name`). */
export class JsonImportError extends Error {}

export interface JsonImportResult {
    /** The `.journey` text: the declarations the journeys use, then the journeys. */
    text: string;
    journeys: string[];
    /** What the JSON does not say and the text had to choose (a channel's mode, a source's kind). */
    warnings: string[];
}

type Obj = Record<string, unknown>;
interface Named { name: string; label: string }

const INDENT = '    ';
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SOURCE_KINDS = ['survey', 'interview', 'analytics', 'support', 'crm', 'review', 'observation', 'other'] as const;

/**
 * The journeys of `journey export --format json` (schemas/journey-export.schema.json) back as `.journey`
 * text: JSON → journey → JSON gives the same JSON (names, labels, descriptions, persona goals, stages,
 * touchpoints, emotions, KPIs, flows, value gaps, plans). The declarations the journeys refer to (teams,
 * channels, metrics, competitors, sources, personas) come first, each once. Derived values (`onTarget`,
 * `supported`, `stale`, `overdue`, a touchpoint's owner taken from its journey, implied flows) are not
 * written: the text derives them again. What the JSON does not hold is chosen and said in `warnings`.
 */
export function importJson(text: string): JsonImportResult {
    let document: unknown;
    try {
        document = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
        throw new JsonImportError(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const root = object(document, '(the document)');
    if (root.formatVersion !== JOURNEY_EXPORT_FORMAT_VERSION) {
        throw new JsonImportError(`formatVersion is ${JSON.stringify(root.formatVersion)}: this journey reads version ${JOURNEY_EXPORT_FORMAT_VERSION} of \`journey export --format json\``);
    }
    const journeys = list(root.journeys, 'journeys').map((journey, index) => object(journey, `journeys[${index}]`));
    if (journeys.length === 0) {
        throw new JsonImportError('journeys is empty: nothing to import');
    }
    const writer = new JourneyWriter();
    const bodies = journeys.map((journey, index) => writer.journey(journey, `journeys[${index}]`));
    return { text: `${[writer.declarations(), ...bodies].filter(part => part !== '').join('\n\n')}\n`, journeys: journeys.map(j => String(j.name)), warnings: writer.warnings };
}

class JourneyWriter {
    readonly warnings: string[] = [];
    private readonly teams = new Map<string, string>();
    private readonly channels = new Map<string, { label: string; mode?: string }>();
    private readonly metrics = new Map<string, string>();
    private readonly competitors = new Map<string, string>();
    private readonly sources = new Map<string, { label: string; kind?: string; date?: string; data?: string }>();
    private readonly personas = new Map<string, string>();

    declarations(): string {
        const sources = [...this.sources].map(([name, source]) => {
            if (!source.kind) {
                this.warnings.push(`source \`${name}\`: the JSON does not say what kind of source it is; written \`other\``);
            }
            return `source ${name} ${q(source.label)} ${source.kind ?? 'other'}${source.date ? ` ${source.date}` : ''}${source.data ? ` data ${q(source.data)}` : ''}`;
        });
        const channels = [...this.channels].map(([name, channel]) => {
            if (!channel.mode) {
                this.warnings.push(`channel \`${name}\`: the JSON does not say whether it is online or offline; written online`);
            }
            return `channel ${name} ${q(channel.label)} ${channel.mode ?? 'online'}`;
        });
        return [
            ...[...this.teams].map(([name, label]) => `team ${name} ${q(label)}`),
            ...channels,
            ...this.metrics.values(),
            ...[...this.competitors].map(([name, label]) => `competitor ${name} ${q(label)}`),
            ...sources,
            ...this.personas.values(),
        ].join('\n');
    }

    journey(journey: Obj, at: string): string {
        const name = identifier(journey.name, `${at}.name`);
        const owner = optionalNamed(journey.owner, `${at}.owner`);
        const lines = [`journey ${name} ${q(text(journey.label, `${at}.label`))} {`];
        const personas = list(journey.personas, `${at}.personas`).map((persona, index) => this.persona(object(persona, `${at}.personas[${index}]`), `${at}.personas[${index}]`));
        if (personas.length > 0) {
            lines.push(`${INDENT}persona ${personas.join(', ')}`);
        }
        for (const line of strings(journey.description ?? [], `${at}.description`)) {
            lines.push(`${INDENT}description ${q(line)}`);
        }
        if (journey.trigger !== undefined) {
            lines.push(`${INDENT}trigger ${q(text(journey.trigger, `${at}.trigger`))}`);
        }
        const state = journey.state === undefined ? undefined : object(journey.state, `${at}.state`);
        if (state?.kind === 'current') {
            lines.push(`${INDENT}state current`);
        } else if (state?.kind === 'future') {
            lines.push(`${INDENT}state future${state.of !== undefined ? ` of ${identifier(state.of, `${at}.state.of`)}` : ''}`);
        }
        if (owner) {
            lines.push(`${INDENT}owner ${this.team(owner)}`);
        }
        if (journey.reviewed !== undefined) {
            const reviewed = object(journey.reviewed, `${at}.reviewed`);
            lines.push(`${INDENT}reviewed ${dateText(reviewed.date, `${at}.reviewed.date`)}${reviewed.everyDays !== undefined ? ` every ${formatNumber(number(reviewed.everyDays, `${at}.reviewed.everyDays`))} days` : ''}`);
        }
        const needOwners = needPersonas(journey, at);
        list(journey.stages, `${at}.stages`).forEach((stage, index) => {
            lines.push('', ...this.stage(object(stage, `${at}.stages[${index}]`), `${at}.stages[${index}]`, owner, needOwners));
        });
        const flows = list(journey.flows ?? [], `${at}.flows`).map((flow, index) => object(flow, `${at}.flows[${index}]`)).filter(flow => flow.implied !== true);
        if (flows.length > 0) {
            lines.push('');
            flows.forEach((flow, index) => {
                const label = flow.label === undefined ? '' : ` ${q(text(flow.label, `${at}.flows[${index}].label`))}`;
                lines.push(`${INDENT}flow ${identifier(flow.from, `${at}.flows[${index}].from`)} -> ${identifier(flow.to, `${at}.flows[${index}].to`)}${label}`);
            });
        }
        const unknowns = list(journey.unknowns ?? [], `${at}.unknowns`);
        if (unknowns.length > 0) {
            lines.push('');
            unknowns.forEach((unknown, index) => lines.push(`${INDENT}unknown ${q(text(object(unknown, `${at}.unknowns[${index}]`).text, `${at}.unknowns[${index}].text`))}`));
        }
        const rows = list(journey.valueGap ?? [], `${at}.valueGap`).map((row, index) => object(row, `${at}.valueGap[${index}]`));
        for (const competitor of list(journey.competitors ?? [], `${at}.competitors`)) {
            const named = requiredNamed(competitor, `${at}.competitors`);
            this.competitors.set(named.name, this.competitors.get(named.name) ?? named.label);
        }
        if (rows.length > 0) {
            lines.push('', `${INDENT}valuegap {`);
            rows.forEach((row, index) => {
                const where = `${at}.valueGap[${index}]`;
                const scores = list(row.competitors ?? [], `${where}.competitors`).map((score, n) => {
                    const competitor = object(score, `${where}.competitors[${n}]`);
                    const named = requiredNamed(competitor, `${where}.competitors[${n}]`);
                    this.competitors.set(named.name, this.competitors.get(named.name) ?? named.label);
                    return ` ${named.name} ${formatNumber(number(competitor.score, `${where}.competitors[${n}].score`))}`;
                });
                // A row whose need did not resolve has no persona: its name as written.
                const need = row.persona === undefined ? qualifiedName(row.need, `${where}.need`)
                    : needReference(identifier(row.persona, `${where}.persona`), identifier(row.need, `${where}.need`), needOwners);
                lines.push(`${INDENT.repeat(2)}${need} us ${formatNumber(number(row.us, `${where}.us`))}${scores.join('')}`);
            });
            lines.push(`${INDENT}}`);
        }
        list(journey.plans ?? [], `${at}.plans`).forEach((plan, index) => lines.push('', ...this.plan(object(plan, `${at}.plans[${index}]`), `${at}.plans[${index}]`)));
        lines.push('}');
        return lines.join('\n');
    }

    private persona(persona: Obj, at: string): string {
        const { name, label } = requiredNamed(persona, at);
        if (!this.personas.has(name)) {
            const members = [
                ...strings(persona.description ?? [], `${at}.description`).map(line => `description ${q(line)}`),
                ...strings(persona.goals ?? [], `${at}.goals`).map(line => `goal ${q(line)}`),
                ...list(persona.needs ?? [], `${at}.needs`).map((need, index) => {
                    const item = object(need, `${at}.needs[${index}]`);
                    const named = requiredNamed(item, `${at}.needs[${index}]`);
                    return `need ${named.name} ${q(named.label)}${item.importance !== undefined ? ` importance ${formatNumber(number(item.importance, `${at}.needs[${index}].importance`))}` : ''}`;
                }),
                ...strings(persona.pains ?? [], `${at}.pains`).map(line => `pain ${q(line)}`),
                ...strings(persona.motivations ?? [], `${at}.motivations`).map(line => `motivation ${q(line)}`),
            ];
            const prefers = list(persona.prefers ?? [], `${at}.prefers`).map((channel, index) => this.channel(object(channel, `${at}.prefers[${index}]`), `${at}.prefers[${index}]`));
            if (prefers.length > 0) {
                members.push(`prefers ${prefers.join(', ')}`);
            }
            this.personas.set(name, members.length === 0
                ? `persona ${name} ${q(label)} {}`
                : [`persona ${name} ${q(label)} {`, ...members.map(member => `${INDENT}${member}`), '}'].join('\n'));
        }
        return name;
    }

    private stage(stage: Obj, at: string, journeyOwner: Named | undefined, needOwners: Map<string, string[]>): string[] {
        const lines = [`${INDENT}stage ${identifier(stage.name, `${at}.name`)} ${q(text(stage.label, `${at}.label`))} {`];
        const inner = INDENT.repeat(2);
        if (stage.phase !== undefined) {
            lines.push(`${inner}phase ${oneOf(stage.phase, ['pre-purchase', 'purchase', 'post-purchase'], `${at}.phase`)}`);
        }
        if (stage.question !== undefined) {
            lines.push(`${inner}question ${q(text(stage.question, `${at}.question`))}`);
        }
        const stagePains = list(stage.pains ?? [], `${at}.pains`).map((pain, index) => object(pain, `${at}.pains[${index}]`));
        const written = new Set(stagePains.map(pain => pain.name));
        list(stage.touchpoints, `${at}.touchpoints`).forEach((touchpoint, index) => {
            lines.push(...this.touchpoint(object(touchpoint, `${at}.touchpoints[${index}]`), `${at}.touchpoints[${index}]`, journeyOwner, needOwners, written));
        });
        stagePains.forEach((pain, index) => lines.push(`${inner}${this.pain(pain, `${at}.pains[${index}]`, true)}`));
        list(stage.opportunities ?? [], `${at}.opportunities`).forEach((opportunity, index) => {
            lines.push(`${inner}${this.opportunity(object(opportunity, `${at}.opportunities[${index}]`), `${at}.opportunities[${index}]`)}`);
        });
        lines.push(`${INDENT}}`);
        return lines;
    }

    private touchpoint(touchpoint: Obj, at: string, journeyOwner: Named | undefined, needOwners: Map<string, string[]>, stagePains: Set<unknown>): string[] {
        const inner = INDENT.repeat(3);
        const members: string[] = [];
        if (touchpoint.channel !== undefined) {
            members.push(`channel ${this.channel(object(touchpoint.channel, `${at}.channel`), `${at}.channel`)}`);
        }
        const owner = optionalNamed(touchpoint.owner, `${at}.owner`);
        // The JSON gives a touchpoint its journey's owner when it has none of its own: not written again.
        if (owner && owner.name !== journeyOwner?.name) {
            members.push(`owner ${this.team(owner)}`);
        }
        if (touchpoint.byWritten === true) {
            members.push(`by ${strings(touchpoint.personas, `${at}.personas`).map(persona => identifier(persona, `${at}.personas`)).join(', ')}`);
        }
        if (touchpoint.action !== undefined) {
            members.push(`action ${q(text(touchpoint.action, `${at}.action`))}`);
        }
        if (touchpoint.thinks !== undefined) {
            members.push(`thinks ${q(text(touchpoint.thinks, `${at}.thinks`))}`);
        }
        if (touchpoint.emotion !== undefined) {
            const emotion = object(touchpoint.emotion, `${at}.emotion`);
            members.push(`emotion ${formatNumber(number(emotion.value, `${at}.emotion.value`))}${emotion.label !== undefined ? ` ${q(text(emotion.label, `${at}.emotion.label`))}` : ''}`);
        }
        list(touchpoint.serves ?? [], `${at}.serves`).forEach((serves, index) => {
            const item = object(serves, `${at}.serves[${index}]`);
            members.push(`serves ${needReference(identifier(item.persona, `${at}.serves[${index}].persona`), identifier(item.need, `${at}.serves[${index}].need`), needOwners)}`);
        });
        if (touchpoint.backstage !== undefined) {
            members.push(`backstage ${q(text(touchpoint.backstage, `${at}.backstage`))}`);
        }
        list(touchpoint.kpis ?? [], `${at}.kpis`).forEach((kpi, index) => members.push(this.kpi(object(kpi, `${at}.kpis[${index}]`), `${at}.kpis[${index}]`)));
        const evidence = list(touchpoint.evidence ?? [], `${at}.evidence`).map((source, index) => this.source(source, `${at}.evidence[${index}]`));
        if (evidence.length > 0) {
            members.push(`evidence ${[...new Set(evidence)].join(', ')}`);
        }
        if (touchpoint.momentOfTruth === true) {
            members.push('moment of truth');
        }
        // Pains and opportunities last: an `owner` or `evidence` after one would be read as its clause.
        list(touchpoint.pains ?? [], `${at}.pains`).forEach((pain, index) => {
            const item = object(pain, `${at}.pains[${index}]`);
            if (!stagePains.has(item.name)) {
                members.push(this.pain(item, `${at}.pains[${index}]`, false));
            }
        });
        list(touchpoint.opportunities ?? [], `${at}.opportunities`).forEach((opportunity, index) => {
            members.push(this.opportunity(object(opportunity, `${at}.opportunities[${index}]`), `${at}.opportunities[${index}]`));
        });
        const head = `${INDENT.repeat(2)}touchpoint ${identifier(touchpoint.name, `${at}.name`)} ${q(text(touchpoint.label, `${at}.label`))}`;
        return members.length === 0 ? [head] : [`${head} {`, ...members.map(member => `${inner}${member}`), `${INDENT.repeat(2)}}`];
    }

    private kpi(kpi: Obj, at: string): string {
        const metric = object(kpi.metric, `${at}.metric`);
        const name = this.metric(metric, `${at}.metric`);
        const percent = metric.percent === true;
        const source = kpi.source === undefined ? undefined : requiredNamed(kpi.source, `${at}.source`);
        const computed = kpi.computed === undefined ? undefined : object(kpi.computed, `${at}.computed`);
        if (kpi.source !== undefined) {
            this.source(kpi.source, `${at}.source`, computed ? text(computed.file, `${at}.computed.file`) : undefined);
        }
        const target = kpi.target === undefined ? '' : ` target ${quantity(number(kpi.target, `${at}.target`), percent)}`;
        if (computed && source) {
            const where = list(computed.where ?? [], `${at}.computed.where`).map((filter, index) => {
                const item = object(filter, `${at}.computed.where[${index}]`);
                return ` where ${q(text(item.column, `${at}.computed.where[${index}].column`))} = ${q(text(item.value, `${at}.computed.where[${index}].value`))}`;
            });
            const aggregate = text(computed.aggregate, `${at}.computed.aggregate`);
            if (!/^(nps|csat|ces|mean|median|count|share -?\d+(\.\d+)? to -?\d+(\.\d+)?)$/.test(aggregate)) {
                throw new JsonImportError(`${at}.computed.aggregate: "${aggregate}" is not an aggregate (nps, csat, ces, mean, median, count, share L to H)`);
            }
            return `kpi ${name} from ${source.name} column ${q(text(computed.column, `${at}.computed.column`))} as ${aggregate}${where.join('')}${target}`;
        }
        const sourceClause = source ? ` source ${source.name}` : '';
        return `kpi ${name} ${quantity(number(kpi.value, `${at}.value`), percent)}${target}${sourceClause}`;
    }

    private pain(pain: Obj, at: string, inStage: boolean): string {
        const { name, label } = requiredNamed(pain, at);
        const where = inStage && pain.touchpoint !== undefined ? ` at ${identifier(pain.touchpoint, `${at}.touchpoint`)}` : '';
        const severity = pain.severity !== undefined ? ` severity ${formatNumber(number(pain.severity, `${at}.severity`))}` : '';
        const evidence = list(pain.evidence ?? [], `${at}.evidence`).map((source, index) => this.source(source, `${at}.evidence[${index}]`));
        return `pain ${name} ${q(label)}${where}${severity}${evidence.length > 0 ? ` evidence ${evidence.join(', ')}` : ''}`;
    }

    private opportunity(opportunity: Obj, at: string): string {
        const { name, label } = requiredNamed(opportunity, at);
        const answers = strings(opportunity.answers ?? [], `${at}.answers`).map(answer => identifier(answer, `${at}.answers`));
        const owner = optionalNamed(opportunity.owner, `${at}.owner`);
        return `opportunity ${name} ${q(label)}${answers.length > 0 ? ` for ${answers.join(', ')}` : ''}${owner ? ` owner ${this.team(owner)}` : ''}`;
    }

    private plan(plan: Obj, at: string): string[] {
        const { name, label } = requiredNamed(plan, at);
        const members: string[] = [];
        const addresses = strings(plan.addresses ?? [], `${at}.addresses`).map(item => identifier(item, `${at}.addresses`));
        if (addresses.length > 0) {
            members.push(`addresses ${addresses.join(', ')}`);
        }
        const owner = optionalNamed(plan.owner, `${at}.owner`);
        if (owner) {
            members.push(`owner ${this.team(owner)}`);
        }
        if (plan.due !== undefined) {
            members.push(`due ${dateText(plan.due, `${at}.due`)}`);
        }
        list(plan.targets ?? [], `${at}.targets`).forEach((target, index) => {
            const item = object(target, `${at}.targets[${index}]`);
            const metric = identifier(item.metric, `${at}.targets[${index}].metric`);
            if (!this.metrics.has(metric)) {
                this.warnings.push(`metric \`${metric}\`: only a plan's target names it, so the JSON does not say its scale; written ${item.percent === true ? 'percent' : 'scale 0 to 100'}`);
                this.metrics.set(metric, `metric ${metric} ${q(metric)} ${item.percent === true ? 'percent' : 'scale 0 to 100'}`);
            }
            members.push(`target ${metric} ${quantity(number(item.value, `${at}.targets[${index}].value`), item.percent === true)}`);
        });
        if (plan.status !== undefined) {
            members.push(`status ${oneOf(plan.status, ['open', 'doing', 'done'], `${at}.status`)}`);
        }
        return [`${INDENT}plan ${name} ${q(label)} {`, ...members.map(member => `${INDENT.repeat(2)}${member}`), `${INDENT}}`];
    }

    private team(team: Named): string {
        this.teams.set(team.name, this.teams.get(team.name) ?? team.label);
        return team.name;
    }

    private channel(channel: Obj, at: string): string {
        const { name, label } = requiredNamed(channel, at);
        const mode = channel.mode === undefined ? undefined : oneOf(channel.mode, ['online', 'offline'], `${at}.mode`);
        const known = this.channels.get(name);
        this.channels.set(name, { label: known?.label ?? label, mode: known?.mode ?? mode });
        return name;
    }

    private metric(metric: Obj, at: string): string {
        const { name, label } = requiredNamed(metric, at);
        const scale = metric.percent === true ? 'percent'
            : `scale ${formatNumber(number(metric.low, `${at}.low`))} to ${formatNumber(number(metric.high, `${at}.high`))}`;
        this.metrics.set(name, this.metrics.get(name) ?? `metric ${name} ${q(label)} ${scale}${metric.lowerIsBetter === true ? ' lower is better' : ''}`);
        return name;
    }

    /** A source named somewhere (`item`: its JSON, which says its kind and maybe its date). */
    private source(item: unknown, at: string, data?: string): string {
        const { name, label } = requiredNamed(item, at);
        const fields = object(item, at);
        const kind = fields.kind === undefined ? undefined : oneOf(fields.kind, SOURCE_KINDS, `${at}.kind`);
        const date = fields.date === undefined ? undefined : dateText(fields.date, `${at}.date`);
        const known = this.sources.get(name);
        this.sources.set(name, { label: known?.label ?? label, kind: known?.kind ?? kind, date: known?.date ?? date, data: known?.data ?? data });
        return name;
    }
}

/** need name → the personas of the journey that have a need of that name. */
function needPersonas(journey: Obj, at: string): Map<string, string[]> {
    const owners = new Map<string, string[]>();
    list(journey.personas, `${at}.personas`).forEach((persona, index) => {
        const item = object(persona, `${at}.personas[${index}]`);
        for (const need of list(item.needs ?? [], `${at}.personas[${index}].needs`)) {
            const name = String(object(need, `${at}.personas[${index}].needs`).name);
            owners.set(name, [...owners.get(name) ?? [], String(item.name)]);
        }
    });
    return owners;
}

/** `need`, or `persona.need` where two of the journey's personas have a need of that name. */
function needReference(persona: string, need: string, owners: Map<string, string[]>): string {
    return (owners.get(need)?.length ?? 0) > 1 ? `${persona}.${need}` : need;
}

function quantity(value: number, percent: boolean): string {
    return `${formatNumber(value)}${percent ? '%' : ''}`;
}

const q = formatJourneyString;

function object(value: unknown, at: string): Obj {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new JsonImportError(`${at}: expected an object, found ${describe(value)}`);
    }
    return value as Obj;
}

function list(value: unknown, at: string): unknown[] {
    if (!Array.isArray(value)) {
        throw new JsonImportError(`${at}: expected a list, found ${describe(value)}`);
    }
    return value;
}

function text(value: unknown, at: string): string {
    if (typeof value !== 'string') {
        throw new JsonImportError(`${at}: expected a text, found ${describe(value)}`);
    }
    return value;
}

function strings(value: unknown, at: string): string[] {
    return list(value, at).map((item, index) => text(item, `${at}[${index}]`));
}

function number(value: unknown, at: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new JsonImportError(`${at}: expected a number, found ${describe(value)}`);
    }
    return value;
}

function identifier(value: unknown, at: string): string {
    const name = text(value, at);
    if (!NAME.test(name)) {
        throw new JsonImportError(`${at}: "${name}" is not a name (letters, digits and _, not starting with a digit)`);
    }
    return name;
}

/** `need` or `persona.need`, as a reference may be written. */
function qualifiedName(value: unknown, at: string): string {
    const name = text(value, at);
    if (!name.split('.').every(part => NAME.test(part)) || name.split('.').length > 2) {
        throw new JsonImportError(`${at}: "${name}" is not a name or persona.need`);
    }
    return name;
}

function dateText(value: unknown, at: string): string {
    const written = text(value, at);
    // The shape of a date token: one that is no calendar date (`2026-02-30`) is kept, for lint to say so.
    if (!/^\d+-\d+-\d+$/.test(written)) {
        throw new JsonImportError(`${at}: "${written}" is not a date (YYYY-MM-DD)`);
    }
    return written;
}

function oneOf<T extends string>(value: unknown, choices: readonly T[], at: string): T {
    if (!(choices as readonly unknown[]).includes(value)) {
        throw new JsonImportError(`${at}: expected one of ${choices.join(', ')}, found ${describe(value)}`);
    }
    return value as T;
}

function requiredNamed(value: unknown, at: string): Named {
    const item = object(value, at);
    return { name: identifier(item.name, `${at}.name`), label: text(item.label, `${at}.label`) };
}

function optionalNamed(value: unknown, at: string): Named | undefined {
    return value === undefined ? undefined : requiredNamed(value, at);
}

function describe(value: unknown): string {
    return value === undefined ? 'nothing' : value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : JSON.stringify(value);
}
