import path from 'node:path';
import { buildSite } from '@journey/site';
import { ExitCode } from '../cli-error.js';
import { parseToday } from '../cli-options.js';
import { displayPosixPath } from '../formatters/paths.js';
import { SITE_ASSETS } from '../site/site-assets.js';
import { writeSingleFile, writeSite } from '../site/site-output.js';
import { loadSite } from '../site/site-workspace.js';
import type { CommandIO } from './lint-command.js';

export interface BuildOptions {
    output: string;
    singleFile?: boolean;
    today?: string;
    config?: string;
    title?: string;
    progress?: boolean;
}

/**
 * `journey build [PATHS] -o DIR [--single-file]`: the static site of the workspace the paths make
 * (index, a page per journey and per persona, reports across journeys) written into DIR, or with
 * `--single-file` one self-contained `DIR/index.html` (or the file DIR itself, when it ends in .html). Relative links only, nothing fetched from
 * anywhere, the same bytes for the same input. Files with syntax errors: the site is written (their
 * maps show what could be read) and the exit code is 1, so a CI job notices.
 */
export async function buildCommand(patterns: string[], options: BuildOptions, io: CommandIO): Promise<number> {
    const today = parseToday(options.today);
    const progress = io.progress?.(options.progress !== false);
    const site = await loadSite(patterns, io, { today, config: options.config, title: options.title, progress });
    const folder = path.resolve(io.cwd, options.output);
    // A nonce from the input: a build is deterministic, and another input gives another nonce.
    const nonce = site.digest.slice(0, 22);
    const files = await buildSite(site.input, { nonce, singleFile: options.singleFile }, SITE_ASSETS, {
        progress: (done, total) => progress?.report('drawing maps', done, total),
    });
    progress?.clear();
    // --single-file -o NAME.html: that file; otherwise the folder (with --single-file, its index.html).
    const oneFile = options.singleFile && /\.html?$/i.test(options.output);
    if (oneFile) {
        await writeSingleFile(files.get('index.html')!, folder, site.files, io.cwd);
    } else {
        await writeSite(files, folder, site.files, io.cwd);
    }
    const shown = oneFile ? displayPosixPath(folder, io.cwd) : `${displayPosixPath(folder, io.cwd) || '.'}/index.html`;
    const { journeys, personas } = site.input.workspace;
    io.stderr(`journey: built ${shown}: ${journeys.length} journey${journeys.length === 1 ? '' : 's'}, `
        + `${personas.length} persona${personas.length === 1 ? '' : 's'}, ${files.size} file${files.size === 1 ? '' : 's'}${options.singleFile ? ' (single file)' : ''}.\n`);
    if (site.broken.length > 0) {
        io.stderr(`journey: ${site.broken.length} file${site.broken.length === 1 ? ' does' : 's do'} not parse (${site.broken.join(', ')}); `
            + 'their maps show what could be read. `journey lint` says where.\n');
        return ExitCode.Problems;
    }
    return ExitCode.Ok;
}
