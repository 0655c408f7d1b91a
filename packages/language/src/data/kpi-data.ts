import type { LangiumDocument } from 'langium';
import { isJourney, type Kpi, type KpiComputation, type Model } from '../generated/ast.js';
import { closeMatches } from '../utils/close-matches.js';
import { computeAggregate, type AggregateResult, type AggregateSpec } from './aggregates.js';
import { columnNames, findColumn, type CsvColumn } from './csv-table.js';
import type { JourneyDataFiles, SourceData } from './data-files.js';

/** What a computed KPI (`kpi M from SOURCE column "C" as AGG …`) came to. */
export interface KpiData {
    spec: AggregateSpec;
    /** The source's data file; undefined when the source does not resolve or has no `data`. */
    file?: SourceData;
    column?: CsvColumn;
    /** The rows that passed every `where`. */
    rows: number;
    result?: AggregateResult;
    /** Why it has no value, and where to say so: the `from` source, the `column`, or a `where` (by index). */
    problem?: { message: string; at: 'source' | 'column' | 'filter'; index?: number };
}

/** Filled when a document is linked (its sources resolved), read by the rules and the map model. */
const computed = new WeakMap<KpiComputation, KpiData>();

/** The computed value of a KPI, when its value comes from data. */
export function kpiDataOf(kpi: Kpi): KpiData | undefined {
    return kpi.computation && computed.get(kpi.computation);
}

/** The aggregate as written: `nps`, `share 4 to 5`. */
export function aggregateSpecOf(computation: KpiComputation): AggregateSpec {
    const { kind, low, high } = computation.aggregate ?? {};
    return { kind: (kind ?? 'count') as AggregateSpec['kind'], ...(kind === 'share' ? { low: low ?? 0, high: high ?? 0 } : {}) };
}

/** Computes every data-backed KPI of a linked document (a changed export rebuilds it: JourneyDataFiles.invalidate). */
export function computeKpisOf(document: LangiumDocument, files: JourneyDataFiles): void {
    const model = document.parseResult.value as Model;
    for (const journey of model.declarations ?? []) {
        if (!isJourney(journey)) {
            continue;
        }
        for (const stage of journey.stages) {
            for (const touchpoint of stage.touchpoints) {
                for (const kpi of touchpoint.kpis) {
                    if (kpi.computation) {
                        computed.set(kpi.computation, computeKpi(kpi.computation, files, document));
                    }
                }
            }
        }
    }
}

function computeKpi(computation: KpiComputation, files: JourneyDataFiles, document: LangiumDocument): KpiData {
    const spec = aggregateSpecOf(computation);
    const source = computation.source?.ref;
    if (!source) {
        return { spec, rows: 0 }; // unresolved-reference says it
    }
    const file = files.ofSource(source, document.uri);
    if (!file) {
        return { spec, rows: 0, problem: { at: 'source', message: `Source \`${source.name}\` has no data file: add \`data "PATH"\` to the source (a CSV export, relative to the file that declares it) to compute this KPI from it.` } };
    }
    const table = file.read.table;
    if (!table) {
        return { spec, file, rows: 0 }; // reported once, on the source's `data`
    }
    const missing = (name: string) => {
        const names = columnNames(table);
        const near = closeMatches(name, names, 1);
        return `The data file ${file.path} has no column "${name}"${near.length > 0 ? `: did you mean "${near[0]}"?` : '.'} Its columns: ${names.map(candidate => `"${candidate}"`).join(', ')}.`;
    };
    const column = findColumn(table, computation.column ?? '');
    if (!column) {
        return { spec, file, rows: 0, problem: { at: 'column', message: missing(computation.column ?? '') } };
    }
    const filters: Array<{ index: number; value: string }> = [];
    for (const [index, filter] of computation.filters.entries()) {
        const filtered = findColumn(table, filter.column ?? '');
        if (!filtered) {
            return { spec, file, column, rows: 0, problem: { at: 'filter', index, message: missing(filter.column ?? '') } };
        }
        filters.push({ index: filtered.index, value: (filter.value ?? '').trim() });
    }
    const rows = table.rows.filter(row => filters.every(filter => (row[filter.index] ?? '').trim() === filter.value));
    return { spec, file, column, rows: rows.length, result: computeAggregate(spec, rows.map(row => row[column.index] ?? '')) };
}
