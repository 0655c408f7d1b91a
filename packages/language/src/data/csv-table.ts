import { parse } from 'csv-parse/sync';
import { withoutByteOrderMark } from '../parser/byte-order-mark.js';

/** Where a header cell starts in the file (0-based, as LSP positions). */
export interface CellPosition {
    line: number;
    character: number;
}

export interface CsvColumn {
    index: number;
    /** The first header row's cell (Qualtrics: the field name, `Q4`). */
    name: string;
    /** Qualtrics' second header row: the question's text. */
    question?: string;
    /** Where its header cell is, for go to definition. */
    position: CellPosition;
}

export interface CsvTable {
    columns: CsvColumn[];
    /** The data rows (after the header rows), each cell as written. */
    rows: string[][];
    delimiter: ',' | ';';
    /** Whether the file has Qualtrics' three header rows (field names, question texts, import ids). */
    qualtrics: boolean;
}

export type CsvRead = { table: CsvTable; problem?: undefined } | { table?: undefined; problem: string };

/**
 * Reads a CSV export as survey and analytics tools write them: RFC 4180 (quoted cells, `""`, newlines
 * inside quotes), UTF-8 with or without a byte order mark, `,` or `;` between cells (whichever the
 * header row uses more), and Qualtrics' three header rows. The parsing is csv-parse's; what is ours is
 * telling a file that is not CSV, finding the header, and where each header cell is written. A quote
 * inside an unquoted cell (`{"a":1}` as some tools write it) is read as a character, as spreadsheets do.
 */
export function parseCsvTable(raw: string): CsvRead {
    const text = withoutByteOrderMark(raw);
    if (text.includes('\u0000')) {
        return { problem: 'it is not a CSV file (it holds binary data)' };
    }
    if (text.trim() === '') {
        return { problem: 'it is empty: a CSV export starts with a header row naming its columns' };
    }
    const delimiter = delimiterOf(text);
    let records: string[][];
    try {
        records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
    } catch (error) {
        return { problem: `it is not valid CSV: ${error instanceof Error ? error.message.replace(/^(CsvError: )?/, '') : String(error)}` };
    }
    const header = records[0] ?? [];
    if (header.every(cell => cell.trim() === '')) {
        return { problem: 'its first row is empty: a CSV export starts with a header row naming its columns' };
    }
    const qualtrics = records.length >= 3 && isImportIdRow(records[2]);
    const positions = headerPositions(text, delimiter);
    const columns = header.map((name, index): CsvColumn => ({
        index,
        name: name.trim(),
        ...(qualtrics && records[1][index]?.trim() ? { question: records[1][index].trim() } : {}),
        position: positions[index] ?? { line: 0, character: 0 },
    }));
    return { table: { columns, rows: records.slice(qualtrics ? 3 : 1), delimiter, qualtrics } };
}

/** The column a KPI names: by its header, else (Qualtrics) by its question's text; trimmed, exact. */
export function findColumn(table: CsvTable, name: string): CsvColumn | undefined {
    const wanted = name.trim();
    return table.columns.find(column => column.name === wanted) ?? table.columns.find(column => column.question === wanted);
}

/** The names a column can be given, for messages and completion (Qualtrics: the field and the question). */
export function columnNames(table: CsvTable): string[] {
    return [...new Set(table.columns.flatMap(column => [column.name, ...(column.question ? [column.question] : [])]).filter(name => name !== ''))];
}

/** `;` when the header row has more of them than `,` (outside quotes), as spreadsheet exports in many locales write. */
function delimiterOf(text: string): ',' | ';' {
    let commas = 0;
    let semicolons = 0;
    let quoted = false;
    for (const char of text) {
        if (char === '"') {
            quoted = !quoted;
        } else if (!quoted && (char === '\n' || char === '\r')) {
            break;
        } else if (!quoted && char === ',') {
            commas++;
        } else if (!quoted && char === ';') {
            semicolons++;
        }
    }
    return semicolons > commas ? ';' : ',';
}

/** Qualtrics' third header row: `{"ImportId":"QID4"}` in each cell. */
function isImportIdRow(record: string[]): boolean {
    const cells = record.filter(cell => cell.trim() !== '');
    return cells.length > 0 && cells.every(cell => /^\{\s*"ImportId"\s*:/.test(cell.trim()));
}

/** Where each cell of the first record starts (a quoted cell may hold a newline). */
function headerPositions(text: string, delimiter: string): CellPosition[] {
    const positions: CellPosition[] = [{ line: 0, character: 0 }];
    let line = 0;
    let character = 0;
    let quoted = false;
    for (let index = 0; index < text.length; index++) {
        const char = text[index];
        if (char === '"') {
            quoted = !quoted;
        } else if (!quoted && (char === '\n' || char === '\r')) {
            break;
        } else if (!quoted && char === delimiter) {
            positions.push({ line, character: character + 1 });
        }
        if (char === '\n') {
            line++;
            character = 0;
        } else {
            character++;
        }
    }
    return positions;
}
