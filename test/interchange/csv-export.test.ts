import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, CSV_COLUMNS, csvRows, exportCsv } from '@journey/interchange';
import { buildModels, journeyFiles } from './journey-models.js';

const parseCsv = (text: string): string[][] => parse(text, { bom: true, record_delimiter: '\r\n', relax_column_count: false }) as string[][];
const guard = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+(\.\d*)?|\.\d+)%?$/.test(cell) ? `'${cell}` : cell);

describe('CSV export', () => {
    it('one row per touchpoint under a header, read back by a CSV parser as the same cells', async () => {
        const { journeys, errors } = await buildModels({ ...journeyFiles('examples/brightspoke-cx') });
        expect(errors).toEqual([]);
        const text = exportCsv(journeys);
        const rows = parseCsv(text);
        expect(rows[0]).toEqual([...CSV_COLUMNS]);
        expect(rows.length - 1).toBe(journeys.flatMap(journey => journey.stages.flatMap(stage => stage.touchpoints)).length);
        expect(rows).toEqual(csvRows(journeys).map(row => row.map(guard)));
        expect(rows.every(row => row.length === CSV_COLUMNS.length)).toBe(true);
    });

    it('the spec example, cell by cell', async () => {
        const { journeys } = await buildModels(journeyFiles('examples/spec'));
        const rows = parseCsv(exportCsv(journeys));
        expect(rows[2]).toEqual([
            'Olivia replaces her operations tool', 'Research', 'pre-purchase', 'Visits the pricing page', 'Website', 'Marketing',
            'Olivia, Operations Manager', '', '', '-1', 'Confused by per-seat add-ons', 'Know the total cost before talking to sales',
            'Add-ons make the total cost unclear (severity 4)', '', 'Trial-to-paid conversion 3.1% (target 5%, off target; source Support tickets 2026)', '', 'yes',
        ]);
        expect(rows[1][9]).toBe('-2');
    });

    it('RFC 4180: CRLF after every row, quotes doubled, commas and line breaks quoted; a BOM for spreadsheets', async () => {
        const { journeys } = await buildModels({
            'a.journey': `persona p "P, the \\"first\\"" { need n "N" }
journey j "J" {
    persona p
    stage s "S" { touchpoint t "Two\\nlines" { action "Says \\"hi\\", then leaves" emotion 0 serves n } }
}
` });
        const text = exportCsv(journeys);
        expect(text.startsWith('\uFEFFJourney,Stage,')).toBe(true);
        expect(text.endsWith('\r\n')).toBe(true);
        expect(text.replace(/"(?:[^"]|"")*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        expect(text).toContain(',"P, the ""first""",');
        expect(text).toContain(',"Two\nlines",');
        const [, row] = parseCsv(text);
        expect(row[3]).toBe('Two\nlines');
        expect(row[6]).toBe('P, the "first"');
        expect(row[7]).toBe('Says "hi", then leaves');
    });

    it('guards against formula injection, leaving plain numbers alone', async () => {
        expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
        expect(csvCell('+1 555 0100')).toBe("'+1 555 0100");
        expect(csvCell('-2')).toBe('-2');
        expect(csvCell('+3')).toBe('+3');
        expect(csvCell('-4.5%')).toBe('-4.5%');
        expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
        expect(csvCell('-')).toBe("'-");
        expect(csvCell('\tcmd')).toBe("'\tcmd");
        expect(csvCell('a=b')).toBe('a=b');
        const { journeys } = await buildModels({
            'a.journey': `persona p "@me" { need n "N" }
journey j "=1+1" {
    persona p
    stage s "-S" { touchpoint t "+T" { thinks "=cmd|' /C calc'!A0" emotion -3 serves n } }
}
` });
        const [, row] = parseCsv(exportCsv(journeys));
        expect(row[0]).toBe("'=1+1");
        expect(row[1]).toBe("'-S");
        expect(row[3]).toBe("'+T");
        expect(row[6]).toBe("'@me");
        expect(row[8]).toBe("'=cmd|' /C calc'!A0");
        expect(row[9]).toBe('-3');
    });
});
