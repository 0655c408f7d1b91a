import type { JourneyMapModel, KpiModel, TouchpointModel } from '@journey/language';
// Through the protocol module, not the index: the VS Code extension bundles this package without Langium.
import { formatNumber } from '@journey/language/number-format';

/**
 * Journeys as CSV for spreadsheets: a header row, then one row per touchpoint (journeys, stages and
 * touchpoints in document order).
 *
 * - RFC 4180: fields with `"`, `,`, CR or LF are quoted, quotes doubled; every row ends with CRLF.
 * - Starts with a UTF-8 byte order mark, so Excel reads accented letters right (other tools skip it).
 * - Cells show labels (what a reader knows), several values joined by `; `. A KPI reads
 *   `Metric 3.1% (target 5%, off target; source Survey)`; a pain `Label (severity 4)`.
 * - Formula injection guard (OWASP): a cell that starts with `=`, `+`, `-`, `@`, a tab or a CR gets a
 *   leading `'`, so a spreadsheet shows it as text instead of running it; plain numbers (`-2`, `+1.5`,
 *   `-4%`) are left as they are, so emotions stay numbers.
 */

export const CSV_COLUMNS = [
    'Journey', 'Stage', 'Phase', 'Touchpoint', 'Channel', 'Owner', 'Personas', 'Action', 'Thinks', 'Emotion',
    'Emotion label', 'Needs served', 'Pains', 'Opportunities', 'KPIs', 'Evidence', 'Moment of truth',
] as const;

const BOM = '\uFEFF';

/** The rows as cell values (before quoting and the injection guard): the header first. */
export function csvRows(journeys: readonly JourneyMapModel[]): string[][] {
    const rows: string[][] = [[...CSV_COLUMNS]];
    for (const journey of journeys) {
        const personaLabels = new Map(journey.personas.map(persona => [persona.name, labelOf(persona)]));
        for (const stage of journey.stages) {
            for (const touchpoint of stage.touchpoints) {
                rows.push(row(journey, labelOf(stage), stage.phase, touchpoint, personaLabels));
            }
        }
    }
    return rows;
}

/** The CSV text. */
export function exportCsv(journeys: readonly JourneyMapModel[]): string {
    return BOM + csvRows(journeys).map(cells => `${cells.map(csvCell).join(',')}\r\n`).join('');
}

function row(journey: JourneyMapModel, stage: string, phase: string | undefined, touchpoint: TouchpointModel, personas: Map<string, string>): string[] {
    return [
        labelOf(journey),
        stage,
        phase ?? '',
        labelOf(touchpoint),
        touchpoint.channel ? labelOf(touchpoint.channel) : '',
        touchpoint.owner ? labelOf(touchpoint.owner) : '',
        list(touchpoint.personas.map(name => personas.get(name) ?? name)),
        touchpoint.action ?? '',
        touchpoint.thinks ?? '',
        touchpoint.emotion ? formatNumber(touchpoint.emotion.value) : '',
        touchpoint.emotion?.label ?? '',
        list(touchpoint.serves.map(serves => serves.label || serves.need)),
        list(touchpoint.pains.map(pain => `${labelOf(pain)}${pain.severity !== undefined ? ` (severity ${formatNumber(pain.severity)})` : ''}`)),
        list(touchpoint.opportunities.map(labelOf)),
        list(touchpoint.kpis.map(kpiText)),
        list(touchpoint.evidence.map(labelOf)),
        touchpoint.momentOfTruth ? 'yes' : '',
    ];
}

function kpiText(kpi: KpiModel): string {
    const unit = kpi.metric.percent ? 'percent' : undefined;
    const notes = [
        ...(kpi.target !== undefined ? [`target ${formatNumber(kpi.target, { unit })}${kpi.onTarget === false ? ', off target' : ''}`] : []),
        ...(kpi.source ? [`source ${labelOf(kpi.source)}`] : []),
    ];
    return `${labelOf(kpi.metric)} ${formatNumber(kpi.value, { unit })}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

function labelOf(item: { name: string; label: string }): string {
    return item.label.trim() !== '' ? item.label : item.name;
}

function list(values: readonly string[]): string {
    return values.join('; ');
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)%?$/;

/** One field: guarded against formula injection, then quoted as RFC 4180 asks. */
export function csvCell(value: string): string {
    const guarded = /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
