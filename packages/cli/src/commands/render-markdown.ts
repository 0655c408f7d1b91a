import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildJourneyMapModels, calendarDateOfToday, type CalendarDate, type Model } from '@journey/language';
import { inlineBlockPath, journeyBlocks, type JourneyBlock } from '@journey/interchange';
import type { Layout } from '@journey/preview';
import { CliError, ExitCode } from '../cli-error.js';
import { loadConfig } from '../config-file.js';
import { drawnAs, layoutJourneys, writeDrawing, type DrawOptions } from '../drawing.js';
import { displayPosixPath } from '../formatters/paths.js';
import { JOURNEY_INPUT, loadJourneyFile, MARKDOWN_EXTENSIONS, RENDER_INPUT, requireInputFile, type InputKind } from '../journey-file.js';
import { hasSyntaxProblems, loadJourneyWorkspace, type LoadedFile } from '../journey-workspace.js';
import type { CommandIO } from './lint-command.js';

/** What `journey render DOC.md --format` writes for each journey. */
export type PictureFormat = 'svg' | 'png' | 'pdf';

export interface MarkdownRenderOptions {
    output?: string;
    format: PictureFormat;
    draw: DrawOptions;
    today?: CalendarDate;
    /** A future state's map with its current state's curve (default true). */
    currentState?: boolean;
}

const MARKDOWN_INPUT: InputKind = { ...RENDER_INPUT, extensions: MARKDOWN_EXTENSIONS, anyCase: true };

/**
 * `journey render DOC.md -o DIR [--format svg|png|pdf]`: a picture of every journey of every ```journey
 * block of DOC.md, written to DIR as `JOURNEY.svg` (`-2`, `-3`… when two journeys share a name), each
 * said on stderr with the line of its block. A block holds journey text (the inline blocks of DOC.md are
 * one workspace, so one can use the personas another declares), or names a file relative to DOC.md
 * (`file=maps/a.journey`, loaded with its workspace as `journey render` loads one); `journey=NAME` draws
 * that journey only; a block without a journey (personas and channels for the others) draws nothing. A block that cannot be drawn (syntax errors, a missing file, an unknown journey) is
 * said with its line and skipped, the others are written, and the exit code is 1.
 */
export async function renderMarkdown(file: string, options: MarkdownRenderOptions, io: CommandIO): Promise<number> {
    if (options.output === undefined) {
        throw new CliError(`render of a Markdown file writes a picture of each \`\`\`journey block: name the folder for them with -o DIR`);
    }
    const markdownPath = await requireInputFile('render', file, io.cwd, MARKDOWN_INPUT);
    const shown = displayPosixPath(markdownPath, io.cwd);
    const markdown = await readFile(markdownPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`cannot read ${file}: ${error.code ?? error.message}`);
    });
    const outDir = path.resolve(io.cwd, options.output);
    const existing = await stat(outDir).catch(() => undefined);
    if (existing && !existing.isDirectory()) {
        throw new CliError(`-o ${options.output} is a file; render of a Markdown file writes its pictures into a folder`);
    }
    const blocks = journeyBlocks(markdown);
    if (blocks.length === 0) {
        io.stderr(`journey: ${file} has no \`\`\`journey block; nothing rendered.\n`);
        return ExitCode.Problems;
    }

    await mkdir(outDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`cannot make the folder ${options.output}: ${error.code ?? error.message}`);
    });
    const written = new Set<string>();
    let failed = false;
    for (const { block, layouts, problems } of await markdownBlockMaps(markdownPath, blocks, { today: options.today, currentState: options.currentState, io })) {
        for (const problem of problems) {
            io.stderr(`${shown}:${problem.line}${problem.column !== undefined ? `:${problem.column}` : ''}: ${problem.message}\n`);
            failed = true;
        }
        for (const layout of layouts) {
            const drawn = await drawnAs(options.format, [layout], options.draw);
            const name = uniqueName(layout.name, options.format, written);
            const outPath = path.join(outDir, name);
            await writeDrawing(outPath, drawn, displayPosixPath(outPath, io.cwd));
            io.stderr(`journey: ${shown}:${fenceLine(block)}: wrote ${displayPosixPath(outPath, io.cwd)}\n`);
        }
    }
    return failed ? ExitCode.Problems : ExitCode.Ok;
}

/** What a journey block of a Markdown file draws: its maps, laid out, or what keeps it from being drawn. */
export interface BlockMaps {
    block: JourneyBlock;
    layouts: Layout[];
    /** With their lines (and columns) in the Markdown file. */
    problems: { line: number; column?: number; message: string }[];
}

/**
 * The maps of a Markdown file's journey blocks (`journeyBlocks`), each block's in order: what
 * `journey render DOC.md` writes and VS Code's Markdown preview shows. Inline blocks are loaded as one
 * workspace beside the Markdown file; `file=` blocks with the workspace of the file, as `journey render`
 * loads it.
 */
export async function markdownBlockMaps(markdownPath: string, blocks: readonly JourneyBlock[], options: { today?: CalendarDate; currentState?: boolean; io: Pick<CommandIO, 'cwd' | 'env' | 'createServices'> }): Promise<BlockMaps[]> {
    const { io } = options;
    const inline = await loadInlineBlocks(markdownPath, blocks.filter(block => block.file === undefined), options.today, io);
    const files = new Map<string, LoadedFile>();
    const results: BlockMaps[] = [];
    for (const block of blocks) {
        const problems: BlockMaps['problems'] = [];
        const result: BlockMaps = { block, layouts: [], problems };
        results.push(result);
        const problem = (message: string) => problems.push({ line: fenceLine(block), message });
        let loaded: LoadedFile;
        let what: string;
        if (block.file !== undefined) {
            const target = path.resolve(path.dirname(markdownPath), block.file);
            what = block.file;
            try {
                await requireInputFile('render', target, io.cwd, { ...JOURNEY_INPUT, description: 'a .journey file in file=' });
                loaded = files.get(target) ?? await loadJourneyFile(target, { today: options.today, cwd: io.cwd, env: io.env, createServices: io.createServices });
            } catch (error) {
                if (error instanceof CliError) {
                    problem(error.message.replace(target, block.file));
                    continue;
                }
                throw error;
            }
            files.set(target, loaded);
            if (hasSyntaxProblems(loaded)) {
                problem(`${block.file} has syntax errors (\`journey lint ${displayPosixPath(target, io.cwd)}\` shows them); not drawn`);
                continue;
            }
        } else {
            loaded = inline.get(block)!;
            what = 'the block';
            if (hasSyntaxProblems(loaded)) {
                for (const diagnostic of loaded.diagnostics.filter(found => found.code === 'syntax')) {
                    problems.push({ line: block.line + diagnostic.range.start.line, column: diagnostic.range.start.character + 1, message: inMarkdownTerms(diagnostic.message, block) });
                }
                problem('the journey block has syntax errors; not drawn');
                continue;
            }
        }
        const read = { today: options.today ?? calendarDateOfToday(), evidence: loaded.evidence };
        const root = loaded.document.parseResult.value as Model;
        let models = buildJourneyMapModels(root, read.today, read.evidence);
        if (block.journey !== undefined) {
            const chosen = models.filter(model => model.name === block.journey);
            if (chosen.length === 0) {
                problem(`no journey \`${block.journey}\` in ${what}${models.length > 0 ? `; it has ${models.map(model => `\`${model.name}\``).join(', ')}` : ''}`);
                continue;
            }
            models = chosen;
        }
        // A block of personas and channels for the others is no problem; a file named to be drawn is.
        if (models.length === 0 && block.file !== undefined) {
            problem(`${block.file} has no journey to draw`);
        }
        result.layouts.push(...await layoutJourneys(root, models, read, options.currentState));
    }
    return results;
}

/** The inline blocks as one workspace, each loaded under the name inlineBlockPath gives it. */
async function loadInlineBlocks(markdownPath: string, blocks: readonly JourneyBlock[], today: CalendarDate | undefined, io: Pick<CommandIO, 'cwd' | 'createServices'>): Promise<Map<JourneyBlock, LoadedFile>> {
    const loaded = new Map<JourneyBlock, LoadedFile>();
    if (blocks.length === 0) {
        return loaded;
    }
    const texts = new Map(blocks.map(block => [inlineBlockPath(markdownPath, block), block.text]));
    const config = await loadConfig(undefined, io.cwd, path.dirname(markdownPath));
    const workspace = await loadJourneyWorkspace([...texts.keys()], { texts, today, config, cwd: io.cwd, createServices: io.createServices });
    blocks.forEach((block, index) => loaded.set(block, workspace.files[index]));
    return loaded;
}

/** A message about the block's own text, with its lines those of the Markdown file, and the file the block. */
function inMarkdownTerms(message: string, block: JourneyBlock): string {
    return message
        .replace(/\bon line (\d+)\b/g, (_, line: string) => `on line ${Number(line) + block.line - 1}`)
        .replace(/^The file ends\b/, 'The block ends');
}

/** The line of the block's opening fence. */
function fenceLine(block: JourneyBlock): number {
    return block.line - 1;
}

/** `NAME.svg`, or `NAME-2.svg` when a journey of the same name was written already. */
function uniqueName(journey: string, format: PictureFormat, written: Set<string>): string {
    let name = `${journey}.${format}`;
    for (let n = 2; written.has(name.toLowerCase()); n++) {
        name = `${journey}-${n}.${format}`;
    }
    written.add(name.toLowerCase());
    return name;
}
