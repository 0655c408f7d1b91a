import { escapeAttribute, escapeXml } from '@journey/preview';

/**
 * HTML built from strings that are escaped unless they say they are markup: every value interpolated
 * into `html\`…\`` is escaped (text and attribute values alike) unless it is a `Markup` (made by `html`
 * itself or `raw`), an array of them, or nothing (`undefined`, `null`, `false` write nothing). Pages are
 * written only this way, so no text from a `.journey` file reaches the page unescaped.
 */
export class Markup {
    constructor(readonly text: string) {}
    toString(): string {
        return this.text;
    }
}

export type Interpolated = Markup | string | number | boolean | undefined | null | readonly Interpolated[];

export function html(strings: TemplateStringsArray, ...values: Interpolated[]): Markup {
    let out = strings[0];
    for (let index = 0; index < values.length; index++) {
        out += write(values[index]) + strings[index + 1];
    }
    return new Markup(out);
}

/** Markup written by us (a rendered SVG, a stylesheet): not escaped. */
export function raw(text: string): Markup {
    return new Markup(text);
}

/** Markups joined. */
export function join(parts: readonly Interpolated[], separator = ''): Markup {
    return new Markup(parts.map(write).join(separator));
}

function write(value: Interpolated): string {
    if (value === undefined || value === null || value === false) {
        return '';
    }
    if (value instanceof Markup) {
        return value.text;
    }
    if (Array.isArray(value)) {
        return value.map(write).join('');
    }
    // Attribute values and text alike: quotes, tabs and line breaks become references.
    return escapeAttribute(String(value));
}

export { escapeXml };
