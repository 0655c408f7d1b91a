// Reading data files (packages/language/src/data/csv-table.ts): CSV as survey and analytics tools
// export it, and files that are not CSV, each saying why.
import { columnNames, findColumn, parseCsvTable, type CsvTable } from '@journey/language';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

function table(text: string): CsvTable {
    const read = parseCsvTable(text);
    expect(read.problem).toBeUndefined();
    return read.table!;
}

describe('reading a CSV export', () => {
    it('reads a comma-separated file: header, rows, where each header cell is', () => {
        const read = table('Name,Score,Comment\nAda,9,fine\nBo,7,\n');
        expect(read.delimiter).toBe(',');
        expect(read.qualtrics).toBe(false);
        expect(read.columns.map(column => [column.name, column.index, column.position])).toEqual([
            ['Name', 0, { line: 0, character: 0 }], ['Score', 1, { line: 0, character: 5 }], ['Comment', 2, { line: 0, character: 11 }],
        ]);
        expect(read.rows).toEqual([['Ada', '9', 'fine'], ['Bo', '7', '']]);
    });

    it('reads a semicolon-separated file, with decimal commas inside its cells', () => {
        const read = table('Account;Score;Revenue\nA1;9;1,5\nA2;6;"2,25"\n');
        expect(read.delimiter).toBe(';');
        expect(read.rows).toEqual([['A1', '9', '1,5'], ['A2', '6', '2,25']]);
    });

    it('reads quoted cells: the delimiter, doubled quotes and line breaks inside them', () => {
        const read = table('Id,Comment,Score\n1,"Good, mostly",9\n2,"She said ""wow""",10\n3,"First line\nsecond line",8\n');
        expect(read.rows).toEqual([['1', 'Good, mostly', '9'], ['2', 'She said "wow"', '10'], ['3', 'First line\nsecond line', '8']]);
    });

    it('drops a byte order mark and reads CRLF line ends', () => {
        const read = table('\uFEFFName,Score\r\nAda,9\r\nBo,7\r\n');
        expect(read.columns[0].name).toBe('Name');
        expect(findColumn(read, 'Name')?.index).toBe(0);
        expect(read.rows).toEqual([['Ada', '9'], ['Bo', '7']]);
    });

    it('recognises Qualtrics\' three header rows: a column by its field name or its question, data from row 4', () => {
        const text = [
            'StartDate,ResponseId,Q1,Q2',
            'Start Date,Response ID,"How likely are you to recommend us?",How satisfied are you?',
            '"{""ImportId"":""startDate""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2""}"',
            '2026-10-01,R_1,9,4',
            '2026-10-02,R_2,3,5',
            '',
        ].join('\n');
        const read = table(text);
        expect(read.qualtrics).toBe(true);
        expect(read.rows).toHaveLength(2);
        expect(findColumn(read, 'Q1')?.index).toBe(2);
        expect(findColumn(read, 'How likely are you to recommend us?')?.index).toBe(2);
        expect(findColumn(read, '  Q2 ')?.index).toBe(3);
        expect(columnNames(read)).toEqual(['StartDate', 'Start Date', 'ResponseId', 'Response ID', 'Q1', 'How likely are you to recommend us?', 'Q2', 'How satisfied are you?']);
    });

    it('does not take a file whose third row merely starts with a brace for Qualtrics', () => {
        const read = table('Id,Note\n1,a\n2,{"not":"an import id"}\n');
        expect(read.qualtrics).toBe(false);
        expect(read.rows).toHaveLength(2);
    });

    it('finds a column by its exact header (trimmed), not by a part of it', () => {
        const read = table('Recommend (0-10),Segment\n9,A\n');
        expect(findColumn(read, 'Recommend (0-10)')?.index).toBe(0);
        expect(findColumn(read, 'Recommend')).toBeUndefined();
        expect(findColumn(read, 'segment')).toBeUndefined();
    });

    it('reads a header without rows (an empty export)', () => {
        const read = table('Name,Score\n');
        expect(read.columns).toHaveLength(2);
        expect(read.rows).toEqual([]);
    });
});

describe('a file that is not CSV', () => {
    it('says why: binary data, empty, an unclosed quote, an empty header row', () => {
        expect(parseCsvTable('PK\u0003\u0004\u0000\u0000binary').problem).toBe('it is not a CSV file (it holds binary data)');
        expect(parseCsvTable('').problem).toMatch(/^it is empty/);
        expect(parseCsvTable('\uFEFF \n\n').problem).toMatch(/^it is empty/);
        expect(parseCsvTable('Name,Comment\nAda,"never closed\n').problem).toMatch(/^it is not valid CSV: /);
        expect(parseCsvTable(',,\n1,2,3\n').problem).toMatch(/^its first row is empty/);
    });

    it('never throws, whatever the text', () => {
        fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '1', ',', ';', '"', '\n', '\r', ' ', '\u0000', '{', '\uFEFF', 'é') }), text => {
            const read = parseCsvTable(text);
            expect(read.table !== undefined || typeof read.problem === 'string').toBe(true);
            if (read.table) {
                expect(read.table.columns.length).toBeGreaterThan(0);
                for (const column of read.table.columns) {
                    expect(findColumn(read.table, column.name)).toBeDefined();
                }
            }
        }), { seed: 20261203, numRuns: 500 });
    });
});
