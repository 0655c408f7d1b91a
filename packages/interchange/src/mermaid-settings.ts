/**
 * What Mermaid reads besides the diagram: YAML front matter (`title`, `config: journey: maxLabelWidth`,
 * `theme`, …) and `%%{init: …}%%` directives. A journey has no place for them, so `journey import`
 * writes them as comments right above the journey (`// ---` … `// ---`, `// Mermaid directive: …`),
 * and `journey export --format mermaid` finds them there and writes them back: Mermaid → journey →
 * Mermaid keeps them.
 */
export interface MermaidSettings {
    /** The front matter's lines, between its `---` fences. */
    frontMatter?: string[];
    /** Each directive's text, `%%{` to `}%%`, lines joined by `\n`. */
    directives: string[];
}

export const DIRECTIVE_COMMENT = 'Mermaid directive: ';

/** The settings kept in the comments right above line `journeyLine` (0-based) of a .journey text. */
export function mermaidSettingsAbove(text: string, journeyLine: number): MermaidSettings {
    const lines = text.split(/\r\n?|\n/);
    let first = journeyLine;
    while (first > 0 && /^\s*\/\//.test(lines[first - 1])) {
        first--;
    }
    const comments = lines.slice(first, journeyLine).map(line => line.trim().replace(/^\/\/ ?/, ''));
    const settings: MermaidSettings = { directives: [] };
    for (let i = 0; i < comments.length; i++) {
        if (comments[i].trim() === '---' && settings.frontMatter === undefined) {
            const end = comments.findIndex((line, at) => at > i && line.trim() === '---');
            if (end > i) {
                settings.frontMatter = comments.slice(i + 1, end);
                i = end;
            }
        } else if (comments[i].startsWith(`${DIRECTIVE_COMMENT}%%{`)) {
            const directive = [comments[i].slice(DIRECTIVE_COMMENT.length)];
            while (!directive[directive.length - 1].trimEnd().endsWith('}%%') && i + 1 < comments.length) {
                directive.push(comments[++i]);
            }
            settings.directives.push(directive.join('\n'));
        }
    }
    return settings;
}

/** The `title:` the front matter gives, as Mermaid reads a plain or quoted scalar. */
export function frontMatterTitle(frontMatter: readonly string[]): string | undefined {
    const line = frontMatter.find(candidate => /^title:/.test(candidate));
    const value = line?.slice('title:'.length).trim();
    if (value === undefined) {
        return undefined;
    }
    const quoted = /^(["'])(.*)\1$/.exec(value);
    return quoted ? quoted[2] : value;
}
