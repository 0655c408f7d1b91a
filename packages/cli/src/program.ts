import { Command, CommanderError, Option } from 'commander';
import { CliError, ExitCode } from './cli-error.js';
import type { CommandIO } from './commands/lint-command.js';
import { EXPORT_FORMATS, LINT_FORMATS, MAX_SCALE, MIN_SCALE, PDF_PAGE_NAMES } from './format-names.js';
import { journeyVersion } from './version.js';

/** The commands' code, loaded when one runs: `--version`, `--help` and usage errors do without it. */
const commands = () => import('./commands/index.js');

/** What `render` and `export` say of their FILE: the workspace it is loaded with (loadJourneyFile). */
const WORKSPACE_OF_FILE = 'the .journey file, loaded with the .journey files of the workspace lint reads for it: those under '
    + 'the nearest folder at or above it holding journey.config.json, else under the repository root (.git), else of its own folder '
    + '(never the home, temporary or root folder as a whole)';

/** Builds the `journey` program. Actions resolve to an exit code; nothing here calls `process.exit`. */
export function createProgram(io: CommandIO, setExitCode: (code: number) => void): Command {
    const program = new Command('journey')
        .description('Customer journey maps as code: lint, render, convert and publish .journey files.')
        .version(journeyVersion, '-v, --version')
        .showSuggestionAfterError(true)
        .exitOverride()
        .configureOutput({
            writeOut: text => io.stdout(text),
            writeErr: text => io.stderr(text),
            outputError: (text, write) => write(text.startsWith('error:') ? `journey: ${text.slice('error: '.length)}` : text),
        });

    program.command('lint')
        .description('Check .journey files (one workspace) and print their problems.')
        .argument('[paths...]', 'files, folders or globs (default: the current folder)')
        .addOption(new Option('-f, --format <format>', 'output format').choices(LINT_FORMATS).default('stylish'))
        .option('--quiet', 'report errors only')
        .option('--info', 'include info diagnostics (severity 0) in the output')
        .option('--max-warnings <number>', 'exit with 1 when there are more warnings than this')
        .option('-c, --config <file>', 'rule severities (default: journey.config.json at the root of the paths, or here, or in a parent folder)')
        .option('--today <date>', 'the date the date rules take as today (YYYY-MM-DD)')
        .option('--fix', 'apply the safe quick fixes to the files and say what changed')
        .option('-o, --output-file <file>', 'write the report to FILE instead of stdout (missing folders are made)')
        .option('--stdin', 'lint the text of standard input as one file of the workspace (only it is reported; nothing is written)')
        .option('--stdin-filename <path>', 'with --stdin: the .journey file the text stands for (default: <stdin>.journey here)')
        .option('--cache', 'reuse the results the cache file holds for files that nothing changed (their text; the files that declare or '
            + 'use their names; the configuration, the version, the day of the date rules), and store the new ones; ignored with --stdin')
        .option('--cache-location <path>', 'with --cache: the cache file, or a folder to hold it (default: .journeycache here)')
        .option('--color', 'colour the output even when stdout is not a terminal (or with -o)')
        .option('--no-color', 'never colour the output (default: colour on a terminal; NO_COLOR and FORCE_COLOR are read)')
        .option('--no-progress', 'never show the progress line (shown on stderr on a terminal, outside CI, when a run takes a while)')
        .action(async (paths: string[], options) => setExitCode(await (await commands()).lintCommand(paths, options, io)));

    program.command('format')
        .description('Lay out .journey files the canonical way: print one file, --check them, or --write them.')
        .argument('[paths...]', 'files, folders or globs (default: the current folder)')
        .option('--check', 'list the files that are not formatted; exit 1 if there is any')
        .option('--write', 'rewrite the files that are not formatted, in place')
        .option('--color', 'colour the syntax errors even when stdout is not a terminal')
        .option('--no-color', 'never colour the output (default: colour on a terminal; NO_COLOR and FORCE_COLOR are read)')
        .action(async (paths: string[], options) => setExitCode(await (await commands()).formatCommand(paths, options, io)));

    program.command('render')
        .description('Draw journey maps: standalone SVG (stdout or OUT.svg), a self-contained HTML page (OUT.html), a PNG picture (OUT.png) '
            + 'or a vector PDF (OUT.pdf, a page per journey); or, for a Markdown file, the picture of every ```journey block into a folder.')
        .argument('<file>', `${WORKSPACE_OF_FILE}; or a Markdown file (.md), whose \`\`\`journey blocks are drawn (a block holds journey text, or names a file: \`\`\`journey file=maps/a.journey journey=NAME)`)
        .option('-o, --output <out>', 'write to OUT (.svg, .html, .png or .pdf) instead of printing SVG; for a Markdown file, the folder to write the pictures to')
        .option('--journey <name>', 'the journey to draw when the file has several (default: the first; for a PDF, all of them)')
        .addOption(new Option('--theme <theme>', 'colour theme').choices(['light', 'dark']).default('light'))
        .option('--scale <factor>', `PNG: pixels per pixel of the map, ${MIN_SCALE} to ${MAX_SCALE} (default: 1; 2 for slides and high-density screens)`)
        .addOption(new Option('--page <size>', 'PDF: the page size; fit makes each page the size of its map, a paper size scales the map down to fit (default: fit)').choices(PDF_PAGE_NAMES))
        .option('--format <format>', 'for a Markdown file: the pictures\' format, svg, png or pdf (default: svg)')
        .option('--no-current-state', 'a future state\'s map without its current state\'s emotion curve, drawn faintly under its own by default')
        .option('--today <date>', 'the date overdue plans and stale reviews are judged by (YYYY-MM-DD)')
        .action(async (file: string, options) => setExitCode(await (await commands()).renderCommand(file, options, io)));

    program.command('build')
        .description('Write the static site of the workspace: an index, a page per journey and per persona, reports across journeys.')
        .argument('[paths...]', 'files, folders or globs (default: the current folder)')
        .option('-o, --output <dir>', 'the folder to write the site to (made when missing; never one holding other files)', 'site')
        .option('--single-file', 'write the whole site as one self-contained HTML file: DIR/index.html, or DIR itself when it ends in .html')
        .option('--title <title>', 'the site\'s title (default: Journey maps)')
        .option('-c, --config <file>', 'rule severities for the lint findings shown (default: journey.config.json, as lint finds it)')
        .option('--today <date>', 'the date overdue plans and stale reviews are judged by (YYYY-MM-DD)')
        .option('--no-progress', 'never show the progress line')
        .action(async (paths: string[], options) => setExitCode(await (await commands()).buildCommand(paths, options, io)));

    program.command('serve')
        .description('Serve the site of the workspace (as journey build makes it) from memory, and reload the open pages when a .journey file changes.')
        .argument('[paths...]', 'files, folders or globs (default: the current folder)')
        .option('--port <port>', 'the port to listen on, 0 for any free one (default: 4173)')
        .option('--host <host>', 'the address to listen on (default: 127.0.0.1, this machine only; another one lets other machines see the site)')
        .option('--title <title>', 'the site\'s title (default: Journey maps)')
        .option('-c, --config <file>', 'rule severities for the lint findings shown (default: journey.config.json, as lint finds it)')
        .option('--today <date>', 'the date overdue plans and stale reviews are judged by (YYYY-MM-DD)')
        .option('--no-progress', 'never show the progress line')
        .action(async (paths: string[], options) => setExitCode(await (await commands()).serveCommand(paths, options, io)));

    program.command('diff')
        .description('Say what a change does to the maps\' meaning: journeys, stages, touchpoints, emotions, pains, KPIs, plans, personas, findings.')
        .argument('<base>', 'a git revision of the repository (main, a tag, HEAD~1, main...feature), or a folder')
        .argument('[head]', 'another revision, or a folder (default: the working tree)')
        .argument('[paths...]', 'the files or folders of the workspace, in the repository (default: the current folder)')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json', 'html']).default('text'))
        .option('-o, --output <file>', 'write the report to FILE instead of stdout')
        .option('--merge-base', 'compare from the merge base of BASE and HEAD (the HEAD commit for the working tree): what a branch changes, as git diff --merge-base')
        .option('--exit-code', 'exit with 1 when anything changed in meaning (as git diff --exit-code)')
        .option('-c, --config <file>', 'rule severities for the findings compared (default: each side\'s journey.config.json)')
        .option('--today <date>', 'the date both sides are judged by: stale reviews, overdue plans (YYYY-MM-DD)')
        .option('--color', 'colour the text even when stdout is not a terminal')
        .option('--no-color', 'never colour the text')
        .action(async (base: string, head: string | undefined, paths: string[], options) => setExitCode(await (await commands()).diffCommand(base, head, paths, options, io)));

    program.command('export')
        .description('Write the journeys of a .journey file as JSON, a Mermaid journey diagram or CSV (stdout or OUT).')
        .argument('<file>', WORKSPACE_OF_FILE)
        .addOption(new Option('-f, --format <format>', 'json, mermaid or csv (default: from the extension of OUT)').choices(EXPORT_FORMATS))
        .option('-o, --output <out>', 'write to OUT instead of printing')
        .option('--journey <name>', 'export this journey only (Mermaid: default the first)')
        .option('--ranges', 'JSON: include the source range of every element')
        .option('--today <date>', 'the date overdue plans and stale reviews are judged by (YYYY-MM-DD)')
        .action(async (file: string, options) => setExitCode(await (await commands()).exportCommand(file, options, io)));

    program.command('import')
        .description('Turn a Mermaid journey diagram (FILE.mmd, or the ```mermaid blocks of FILE.md), or a JSON export (FILE.json, as journey export writes it), into .journey text (stdout or OUT).')
        .argument('<file>', 'the Mermaid (.mmd), Markdown (.md) or JSON (.json) file')
        .option('-o, --output <out>', 'write to OUT.journey instead of printing')
        .action(async (file: string, options) => setExitCode(await (await commands()).importCommand(file, options, io)));

    program.command('kpis')
        .description('List every KPI of the workspace: journey, touchpoint, metric, value (typed or computed from data, with its n), target, on or off target, source and its date.')
        .argument('[paths...]', 'files, folders or globs (default: the current folder)')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'csv']).default('stylish'))
        .option('-o, --output <file>', 'write the list to FILE instead of stdout')
        .option('-c, --config <file>', 'the evidence thresholds (minSample) and rule severities (default: journey.config.json, as lint finds it)')
        .option('--today <date>', 'the date stale sources are judged by (YYYY-MM-DD)')
        .option('--no-progress', 'never show the progress line')
        .action(async (paths: string[], options) => setExitCode(await (await commands()).kpisCommand(paths, options, io)));

    program.command('rules')
        .description('List the lint rules: id, default severity and what each checks.')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
        .action(async options => setExitCode((await commands()).rulesCommand(options, io)));

    program.command('lsp')
        .description('Run the language server (for editors): speaks LSP on stdio.')
        .option('--stdio', 'use stdin/stdout (the default)')
        .allowUnknownOption(true)
        .action(async () => (await commands()).lspCommand());

    return program;
}

/**
 * Runs one `journey` command line (the arguments after `journey`) with the given input and output,
 * and resolves to its exit code. Nothing here touches the process: `main.ts` gives it the real one,
 * tests a recording one.
 */
export async function runCli(args: readonly string[], io: CommandIO): Promise<number> {
    let exitCode: number = ExitCode.Ok;
    const program = createProgram(io, code => { exitCode = code; });
    try {
        await program.parseAsync([...args], { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // Help and version are not errors; anything else commander rejects is a usage error.
            return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
        }
        if (CliError.is(error)) {
            io.stderr(`journey: ${error.message}\n`);
            return error.exitCode;
        }
        io.stderr(`journey: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
        return ExitCode.Usage;
    }
}
