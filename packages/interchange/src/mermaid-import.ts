import { identifierFrom, NameScope } from './identifiers.js';
// Through the protocol module, not the index: the VS Code extension bundles this package without Langium.
import { formatNumber } from '@journey/language/number-format';
import { formatJourneyString } from './journey-text.js';
import { DIRECTIVE_COMMENT } from './mermaid-settings.js';
import { decodeMermaidEntities } from './mermaid-text.js';
import { isMermaidJourney, MermaidSyntaxError, parseMermaidJourney, type MermaidComment, type MermaidJourney } from './mermaid-journey-parser.js';
import { pushAll } from './push-all.js';
import { fencedBlocks } from './markdown-fences.js';

/**
 * Mermaid `journey` diagrams → `.journey` text.
 *
 * - The title is the journey's label (its name is made from it, or from `fallbackName`).
 * - Each `section` is a stage; tasks before the first section form a stage of their own with an empty
 *   label (Mermaid's section for them is the empty string), so that export writes them back the same way.
 * - Each task is a touchpoint: its name the label, `by` its actors, `emotion` its score − 3
 *   (1..5 → −2..+2, decimals kept), so export (+3) gives the score back exactly.
 * - Actors are personas, declared once for the whole file (by their exact text). A diagram that names no
 *   actor gets one persona, `user "User"`, because a journey needs a persona.
 * - Nothing is invented: personas get no needs, the journey no trigger, touchpoints no channel. The
 *   result lints with no errors; its warnings (persona-without-needs, missing-trigger, …) are the list
 *   of what Mermaid could not say.
 * - `%%` and `#` comments, directives, front matter, `accTitle` and `accDescr` become `//` comments
 *   where they stood. Entity codes (`#9829;`) are decoded in labels; other text is kept as written.
 */

export interface MermaidImportOptions {
    /** The file imported from, named in the header comment. */
    sourceName?: string;
    /** The name of a journey whose diagram has no title (e.g. from the file name). Default `journey`. */
    fallbackName?: string;
}

export interface MermaidImportWarning {
    line: number;
    message: string;
}

export interface MermaidImportResult {
    /** The `.journey` text. */
    text: string;
    /** The names of the journeys it declares, in order. */
    journeys: string[];
    /** What was kept but changed, or dropped as Mermaid itself drops it. */
    warnings: MermaidImportWarning[];
}

export { MermaidSyntaxError };

/** One Mermaid diagram (a `.mmd` file). Throws `MermaidSyntaxError` naming the line Mermaid would reject. */
export function importMermaid(source: string, options: MermaidImportOptions = {}): MermaidImportResult {
    return convert([parseMermaidJourney(stripBom(source))], options, 'diagram');
}

export interface MermaidBlock {
    /** The diagram's text. */
    text: string;
    /** The line (1-based) of the block's first line of text in the Markdown file. */
    line: number;
}

/** The fenced code blocks of a Markdown text whose info string is `mermaid` (CommonMark fences). */
export function mermaidBlocks(markdown: string): MermaidBlock[] {
    return fencedBlocks(markdown, 'mermaid').map(({ text, line }) => ({ text, line }));
}

/** Every ```mermaid block of a Markdown text whose diagram is a `journey`, one journey each. */
export function importMermaidMarkdown(markdown: string, options: MermaidImportOptions = {}): MermaidImportResult {
    const blocks = mermaidBlocks(markdown).filter(block => isMermaidJourney(block.text));
    if (blocks.length === 0) {
        throw new MermaidSyntaxError('no ```mermaid block with a `journey` diagram in this Markdown file', 1);
    }
    return convert(blocks.map(block => parseMermaidJourney(block.text, block.line)), options, 'markdown');
}

// ---- From parsed diagrams to .journey text --------------------------------------------------------

interface PersonaDraft {
    name: string;
    label: string;
    placeholder: boolean;
}

const INDENT = '    ';

function convert(diagrams: MermaidJourney[], options: MermaidImportOptions, kind: 'diagram' | 'markdown'): MermaidImportResult {
    const warnings: MermaidImportWarning[] = [];
    const globalNames = new NameScope();
    const personas = new Map<string, PersonaDraft>();
    const personaFor = (label: string, placeholder = false): PersonaDraft => {
        let persona = personas.get(label);
        if (!persona) {
            persona = { name: globalNames.claim(identifierFrom(label, 'persona')), label, placeholder };
            personas.set(label, persona);
        }
        return persona;
    };
    // Personas first, in the order their actors appear, so their names do not depend on journey titles.
    const actorsOf = diagrams.map(diagram => {
        const actors: PersonaDraft[] = [];
        for (const task of diagram.sections.flatMap(section => section.tasks)) {
            for (const actor of task.actors.map(label).filter(text => text !== '')) {
                const persona = personaFor(actor);
                if (!actors.includes(persona)) {
                    actors.push(persona);
                }
            }
        }
        return actors.length > 0 ? actors : [personaFor('User', true)];
    });

    const fallback = identifierFrom(options.fallbackName ?? '', 'journey');
    const journeys = diagrams.map((diagram, index) => {
        const title = diagram.title ? label(diagram.title.text) : '';
        const base = title !== '' ? identifierFrom(title, 'journey') : diagrams.length > 1 ? `${fallback}_${index + 1}` : fallback;
        return journeyText(diagram, globalNames.claim(base), title, actorsOf[index], personaFor, warnings);
    });

    const personaLines = [...personas.values()].flatMap(persona => [
        ...(persona.placeholder ? ['// The Mermaid diagram names no actor: a persona to rename.'] : []),
        `persona ${persona.name} ${formatJourneyString(persona.label)} {}`,
    ]);
    const from = options.sourceName ? ` in ${options.sourceName}` : '';
    const what = kind === 'markdown'
        ? `the Mermaid journey diagram${diagrams.length > 1 ? 's' : ''}${from} (line${diagrams.length > 1 ? 's' : ''} ${diagrams.map(d => d.line).join(', ')})`
        : `the Mermaid journey diagram${from}`;
    const header = [
        `// Imported from ${what} by \`journey import\`:`,
        '// sections became stages, tasks touchpoints, scores 1..5 emotions -2..+2 (score - 3), actors personas.',
        '// Mermaid has no needs, trigger, channels, owners or evidence: `journey lint` lists what to add.',
    ];
    const text = [header.join('\n'), personaLines.join('\n'), ...journeys.map(j => j.text)].join('\n\n') + '\n';
    warnings.sort((a, b) => a.line - b.line);
    return { text, journeys: journeys.map(j => j.name), warnings };
}

function journeyText(
    diagram: MermaidJourney, name: string, title: string, actors: PersonaDraft[],
    personaFor: (label: string) => PersonaDraft, warnings: MermaidImportWarning[],
): { name: string; text: string } {
    const localNames = new NameScope();
    const comments = [...diagram.comments, ...accessibilityComments(diagram)].sort((a, b) => a.line - b.line);
    let nextComment = 0;
    const commentsBefore = (line: number, indent: string): string[] => {
        const out: string[] = [];
        while (nextComment < comments.length && comments[nextComment].line < line) {
            pushAll(out, commentLines(comments[nextComment++], indent));
        }
        return out;
    };

    const lines: string[] = commentsBefore(diagram.line, '');
    lines.push(`journey ${name} ${formatJourneyString(title)} {`);
    lines.push(`${INDENT}persona ${actors.map(actor => actor.name).join(', ')}`);
    // The accessible description is the journey's description: what the map is about.
    for (const line of diagram.accDescription?.text.split('\n').map(text => text.trim()).filter(text => text !== '') ?? []) {
        lines.push(`${INDENT}description ${formatJourneyString(line)}`);
    }
    const firstStageLine = diagram.sections[0]?.line ?? Number.MAX_SAFE_INTEGER;
    const preamble = commentsBefore(firstStageLine, INDENT);
    if (preamble.length > 0) {
        lines.push('');
        pushAll(lines, preamble);
    }
    for (const section of diagram.sections) {
        const before = commentsBefore(section.line, INDENT);
        const stageLabel = label(section.title);
        lines.push('');
        pushAll(lines, before);
        if (section.title === '') {
            lines.push(`${INDENT}// The tasks before the first section of the Mermaid diagram.`);
        }
        lines.push(`${INDENT}stage ${localNames.claim(identifierFrom(stageLabel, 'stage'))} ${formatJourneyString(stageLabel)} {`);
        for (const task of section.tasks) {
            const inner = INDENT.repeat(2);
            pushAll(lines, commentsBefore(task.line, inner));
            const taskLabel = label(task.name);
            lines.push(`${inner}touchpoint ${localNames.claim(identifierFrom(taskLabel, 'touchpoint'))} ${formatJourneyString(taskLabel)} {`);
            const names = [...new Set(task.actors.map(label).filter(actor => actor !== '').map(actor => personaFor(actor).name))];
            if (names.length > 0) {
                lines.push(`${inner}${INDENT}by ${names.join(', ')}`);
            } else {
                warnings.push({ line: task.line, message: `task \`${taskLabel}\` names no actor: touchpoint met by all of the journey's personas (no \`by\`)` });
            }
            if (task.actors.some(actor => actor.trim() === '')) {
                warnings.push({ line: task.line, message: `task \`${taskLabel}\` has an empty actor name, left out` });
            }
            if (task.ignored !== undefined) {
                warnings.push({ line: task.line, message: `task \`${taskLabel}\`: Mermaid ignores the text after the second colon (\`${task.ignored.trim()}\`); so does the import` });
            }
            lines.push(`${inner}${INDENT}emotion ${formatNumber(task.score - 3)}`);
            lines.push(`${inner}}`);
        }
        lines.push(`${INDENT}}`);
    }
    const rest = commentsBefore(Number.MAX_SAFE_INTEGER, INDENT);
    if (rest.length > 0) {
        lines.push('');
        pushAll(lines, rest);
    }
    lines.push('}');
    return { name, text: lines.join('\n') };
}

/** `accTitle` has no place in a journey: kept as a comment where it was (`accDescr` is the journey's description). */
function accessibilityComments(diagram: MermaidJourney): MermaidComment[] {
    const comments: MermaidComment[] = [];
    if (diagram.accTitle) {
        comments.push({ text: `accTitle: ${diagram.accTitle.text}`, line: diagram.accTitle.line, kind: 'comment' });
    }
    return comments;
}

function commentLines(comment: MermaidComment, indent: string): string[] {
    const prefix = comment.kind === 'directive' ? DIRECTIVE_COMMENT : '';
    const text = `${prefix}${comment.text}`;
    if (text.trim() === '') {
        return [];
    }
    return text.split('\n').map(line => `${indent}// ${line.trimEnd()}`.trimEnd());
}

/** Text as a label: trimmed, entity codes decoded (what Mermaid shows). */
function label(text: string): string {
    return decodeMermaidEntities(text.trim()).trim();
}

function stripBom(text: string): string {
    return text.replace(/^\uFEFF/, '');
}
