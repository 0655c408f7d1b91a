/**
 * The one way a number from a journey map is written for a reader: the preview, the Mermaid and CSV
 * exports and the hovers all print it through `formatNumber`, so a KPI reads `3.1%` everywhere.
 */

export interface NumberFormatOptions {
    /** `'percent'`: followed by `%` (`12.5%`). */
    unit?: 'percent';
    /** Always signed: `+2`, `0`, `-2` (the emotion scale). */
    signed?: boolean;
    /** `'typographic'`: negatives with U+2212 (`−2`) for prose and the drawing; ASCII `-` by default (text exports, `.journey`). */
    minus?: 'ascii' | 'typographic';
}

/** The emotion scale in prose and in the drawing: `+2`, `0`, `−2`. */
export const SIGNED_SCORE: NumberFormatOptions = { signed: true, minus: 'typographic' };

/**
 * A number as the `.journey` source writes it: the shortest decimal that reads back as the value,
 * with no float noise (`4.7 - 3` is `1.7`, `0.1 + 0.2` is `0.3`; 15 significant digits are what a
 * double holds exactly), no exponent (`1e21` is written out), never `-0`. Deterministic and
 * locale-independent (no `Intl`, no `toLocaleString`).
 */
export function formatNumber(value: number, options: NumberFormatOptions = {}): string {
    if (!Number.isFinite(value)) {
        return String(value);
    }
    const rounded = Number(value.toPrecision(15));
    const magnitude = plainDecimal(String(Math.abs(rounded)));
    const sign = rounded < 0 ? (options.minus === 'typographic' ? '\u2212' : '-') : rounded > 0 && options.signed ? '+' : '';
    return `${sign}${magnitude}${options.unit === 'percent' ? '%' : ''}`;
}

/** `1e+21` → `1000000000000000000000`, `1.5e-7` → `0.00000015`; other text as it is. */
function plainDecimal(text: string): string {
    const match = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
    if (!match) {
        return text;
    }
    const [, whole, fraction = '', exponent] = match;
    const digits = whole + fraction;
    const point = whole.length + Number(exponent);
    if (point <= 0) {
        return `0.${'0'.repeat(-point)}${digits}`;
    }
    if (point >= digits.length) {
        return digits + '0'.repeat(point - digits.length);
    }
    return `${digits.slice(0, point)}.${digits.slice(point)}`;
}
