import type { SiteFinding } from '../site/site-input.js';
import { html, type Interpolated, type Markup } from './markup.js';

/** Small pieces of markup the pages share. */

/** A count with its noun, singular or plural: "1 pain", "3 pains". */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
    return `${count} ${count === 1 ? singular : plural}`;
}

/** A badge: text, and a class for its colour (meaning never rests on the colour alone). */
export function badge(text: string, kind: 'good' | 'bad' | 'warn' | 'muted' | 'info'): Markup {
    return html`<span class="badge badge-${kind}">${text}</span>`;
}

export interface Column<Row> {
    header: string;
    cell: (row: Row) => Interpolated;
    /** Numbers are right-aligned. */
    numeric?: boolean;
}

/** A table with a caption; an empty list is said in words. */
export function table<Row>(caption: string, columns: ReadonlyArray<Column<Row>>, rows: readonly Row[], empty: string, attributes?: (row: Row) => Markup): Markup {
    if (rows.length === 0) {
        return html`<p class="empty">${empty}</p>`;
    }
    return html`<div class="table-wrap"><table>
<caption>${caption}</caption>
<thead><tr>${columns.map(column => html`<th scope="col"${column.numeric ? html` class="num"` : ''}>${column.header}</th>`)}</tr></thead>
<tbody>
${rows.map(row => html`<tr${attributes?.(row)}>${columns.map(column => html`<td${column.numeric ? html` class="num"` : ''}>${column.cell(row)}</td>`)}</tr>\n`)}</tbody>
</table></div>`;
}

/** Lint's severity as the badge says it. */
export function severityBadge(severity: SiteFinding['severity']): Markup {
    return badge(severity, severity === 'error' ? 'bad' : severity === 'warning' ? 'warn' : 'info');
}

/** Where a finding is: `line:column` (1-based, as the editor and lint say it). */
export function position(range: SiteFinding['range']): string {
    return `${range.start.line + 1}:${range.start.character + 1}`;
}

/** A fragment id made of a text: letters, digits, `_` and `-` kept. */
export function anchor(...parts: string[]): string {
    return parts.map(part => part.replace(/[^A-Za-z0-9_-]+/g, '-')).join('--');
}

/** An emotion score as written: `+2`, `0`, `-1`. */
export function signed(value: number): string {
    return value > 0 ? `+${value}` : String(value);
}
