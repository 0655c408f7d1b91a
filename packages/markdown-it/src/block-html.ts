/** What a ```journey block shows: the pictures of its maps, or what keeps it from being drawn. */
export interface BlockPictures {
    /** Each map as SVG, styled by presentation attributes only (no `<style>`, no `style=`): a strict CSP keeps it whole. */
    maps: { name: string; title: string; svg: string }[];
    /** Each with its line (and column) in the Markdown file. */
    problems: { line: number; column?: number; message: string }[];
}

/**
 * The HTML of a block: a figure per map (its SVG as drawn, which escapes every text it holds), or
 * the problems as an escaped list. Nothing else: no script, no event handler, no style.
 */
export function blockHtml(pictures: BlockPictures): string {
    const figures = pictures.maps.map(map =>
        `<figure class="journey-map" data-journey="${escapeHtml(map.name)}">\n${map.svg.trim()}\n</figure>\n`);
    if (pictures.problems.length > 0) {
        const items = pictures.problems.map(problem =>
            `<li>line ${problem.line}${problem.column !== undefined ? `:${problem.column}` : ''}: ${escapeHtml(problem.message)}</li>`);
        figures.push(`<div class="journey-map-problems" role="note"><p>This journey block cannot be drawn:</p>\n<ul>\n${items.join('\n')}\n</ul></div>\n`);
    }
    return figures.join('');
}

/** Said in place of a block whose pictures are still being drawn. */
export function pendingBlockHtml(): string {
    return '<div class="journey-map-pending" role="status">Drawing the journey map…</div>\n';
}

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`);
}
