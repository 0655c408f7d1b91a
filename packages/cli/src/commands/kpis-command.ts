import { formatNumber, type JourneyMapModel, type KpiModel, type WorkspaceModel } from '@journey/language';
import { csvCell } from '@journey/interchange';
import { ExitCode } from '../cli-error.js';
import { parseToday } from '../cli-options.js';
import { writeOutput } from '../output-file.js';
import { loadSite } from '../site/site-workspace.js';
import type { CommandIO } from './lint-command.js';

export interface KpisOptions {
    format: string;
    output?: string;
    today?: string;
    config?: string;
    progress?: boolean;
}

/** One KPI of the workspace, as `journey kpis` lists it. */
export interface KpiRow {
    journey: string;
    touchpoint: string;
    /** The file the journey is in, as shown. */
    file: string;
    metric: string;
    value: number;
    percent: boolean;
    target?: number;
    /** `on`, `off`, or absent without a target. */
    status?: 'on' | 'off';
    /** Computed from data: the answers counted and left out, and how. */
    n?: number;
    leftOut?: number;
    aggregate?: string;
    column?: string;
    smallSample?: boolean;
    source?: string;
    sourceDate?: string;
    data?: string;
    stale?: boolean;
}

/**
 * `journey kpis [PATHS]`: every KPI of the workspace, journey by journey in file order, touchpoints in
 * stage order: its value (typed, or computed from a data file with its n), target and whether it is
 * met, and the source it rests on with that source's date. `stylish` (an aligned table), `json` or
 * `csv` (RFC 4180, as `journey export` writes CSV). The same bytes for the same input.
 */
export async function kpisCommand(patterns: string[], options: KpisOptions, io: CommandIO): Promise<number> {
    const today = parseToday(options.today);
    const progress = io.progress?.(options.progress !== false && options.output !== undefined);
    const site = await loadSite(patterns, io, { today, config: options.config, progress });
    const paths = new Map(site.input.files.map(file => [file.uri, file.path]));
    const rows = kpiRows(site.input.workspace, uri => paths.get(uri) ?? uri);
    const text = options.format === 'json' ? `${JSON.stringify(rows, undefined, 2)}\n`
        : options.format === 'csv' ? kpisCsv(rows) : kpisTable(rows);
    await writeOutput(text, options.output, io);
    if (site.broken.length > 0) {
        io.stderr(`journey: ${site.broken.join(', ')} ${site.broken.length === 1 ? 'does' : 'do'} not parse: only the KPIs that could be read are listed; \`journey lint\` shows where.\n`);
        return ExitCode.Problems;
    }
    return ExitCode.Ok;
}

export function kpiRows(workspace: WorkspaceModel, pathOf: (uri: string) => string): KpiRow[] {
    const sources = new Map(workspace.sources.map(source => [source.name, source]));
    return workspace.journeys.flatMap(journey => journey.stages.flatMap(stage => stage.touchpoints.flatMap(touchpoint =>
        touchpoint.kpis.map(kpi => kpiRow(journey, touchpoint.name, kpi, pathOf(journey.uri), sources.get(kpi.source?.name ?? '')?.data)))));
}

function kpiRow(journey: JourneyMapModel, touchpoint: string, kpi: KpiModel, file: string, data: string | undefined): KpiRow {
    return {
        journey: journey.name, touchpoint, file,
        metric: kpi.metric.name,
        value: kpi.value, percent: kpi.metric.percent,
        ...(kpi.target !== undefined ? { target: kpi.target, status: kpi.onTarget ? 'on' as const : 'off' as const } : {}),
        ...(kpi.computed ? { n: kpi.computed.n, leftOut: kpi.computed.leftOut, aggregate: kpi.computed.aggregate, column: kpi.computed.column, smallSample: kpi.computed.smallSample } : {}),
        ...(kpi.source ? { source: kpi.source.name } : {}),
        ...(kpi.source?.date ? { sourceDate: kpi.source.date } : {}),
        ...(data !== undefined ? { data } : {}),
        ...(kpi.source?.stale ? { stale: true } : {}),
    };
}

const HEADER = ['JOURNEY', 'TOUCHPOINT', 'METRIC', 'VALUE', 'TARGET', 'STATUS', 'N', 'SOURCE', 'DATE'];

function cells(row: KpiRow): string[] {
    const number = (value: number) => formatNumber(value, row.percent ? { unit: 'percent' } : {});
    return [
        row.journey, row.touchpoint, row.metric, number(row.value),
        row.target !== undefined ? number(row.target) : '',
        row.status === 'on' ? 'on target' : row.status === 'off' ? 'off target' : '',
        row.n !== undefined ? `${row.n}${row.smallSample ? ' (small)' : ''}` : '',
        row.source ?? '',
        `${row.sourceDate ?? ''}${row.stale ? ' (stale)' : ''}`,
    ];
}

/** An aligned table, numbers right-aligned; a line saying so when there is no KPI. */
export function kpisTable(rows: readonly KpiRow[]): string {
    if (rows.length === 0) {
        return 'No KPIs: a touchpoint states one with `kpi METRIC VALUE` or `kpi METRIC from SOURCE column "…" as AGG`.\n';
    }
    const table = [HEADER, ...rows.map(cells)];
    const widths = HEADER.map((_, column) => Math.max(...table.map(row => row[column].length)));
    const numeric = new Set([3, 4, 6]);
    const lines = table.map(row => row.map((cell, column) => numeric.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])).join('  ').trimEnd());
    const off = rows.filter(row => row.status === 'off').length;
    const computed = rows.filter(row => row.n !== undefined).length;
    return `${lines.join('\n')}\n\n${rows.length} KPI${rows.length === 1 ? '' : 's'}: ${off} off target, ${computed} computed from data.\n`;
}

/** RFC 4180 with a header row, CRLF line ends, numbers as the `.journey` text writes them. */
export function kpisCsv(rows: readonly KpiRow[]): string {
    const header = ['journey', 'touchpoint', 'file', 'metric', 'value', 'target', 'status', 'n', 'left_out', 'aggregate', 'column', 'small_sample', 'source', 'source_date', 'data', 'stale'];
    const lines = rows.map(row => [
        row.journey, row.touchpoint, row.file, row.metric, formatNumber(row.value), row.target !== undefined ? formatNumber(row.target) : '',
        row.status ?? '', row.n !== undefined ? String(row.n) : '', row.leftOut !== undefined ? String(row.leftOut) : '',
        row.aggregate ?? '', row.column ?? '', row.smallSample === undefined ? '' : String(row.smallSample),
        row.source ?? '', row.sourceDate ?? '', row.data ?? '', row.stale ? 'true' : '',
    ]);
    return [header, ...lines].map(line => `${line.map(csvCell).join(',')}\r\n`).join('');
}
