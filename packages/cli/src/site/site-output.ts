import { lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteFiles } from '@journey/site';
import { CliError } from '../cli-error.js';
import { displayPosixPath, posixPathUnder } from '../formatters/paths.js';
import { isOneOf } from '../output-file.js';

/**
 * The list of the files a build wrote, kept in the site's folder: the next build removes the pages
 * that are gone (a journey deleted) and nothing else, and a folder without it that holds anything is
 * never written into: it is not ours.
 */
export const SITE_MANIFEST = '.journey-site';

/**
 * Writes a built site into `folder`: made when missing; refused when it holds files a build did not
 * write, or holds (or is) one of the inputs. Files of the previous build that this one does not have are
 * removed. Writes only when the content changed, so a rebuild of the same input touches nothing.
 */
export async function writeSite(site: SiteFiles, folder: string, inputs: readonly string[], cwd: string): Promise<void> {
    const shown = displayPosixPath(folder, cwd) || '.';
    const inside = inputs.find(input => posixPathUnder(input, folder) !== undefined);
    if (inside !== undefined) {
        throw new CliError(`-o ${shown} holds ${displayPosixPath(inside, cwd)}, one of the maps being built; write the site to a folder of its own (e.g. -o site)`);
    }
    const info = await lstat(folder).catch(() => undefined);
    if (info && !info.isDirectory()) {
        throw new CliError(`-o ${shown} is a file, not a folder; name a folder for the site (it is made when missing)`);
    }
    const previous = info ? await previousBuild(folder, shown) : [];
    try {
        for (const [file, content] of site) {
            const target = path.join(folder, ...file.split('/'));
            await mkdir(path.dirname(target), { recursive: true });
            const existing = await readFile(target, 'utf8').catch(() => undefined);
            if (existing !== content) {
                await writeFile(target, content, 'utf8');
            }
        }
        for (const file of previous.filter(file => !site.has(file))) {
            await rm(path.join(folder, ...file.split('/')), { force: true });
        }
        await writeFile(path.join(folder, SITE_MANIFEST), `${[...site.keys()].join('\n')}\n`, 'utf8');
    } catch (error) {
        throw new CliError(`cannot write the site to ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
}

/** The files the last build wrote into `folder`; a usage error when the folder has files and no manifest. */
async function previousBuild(folder: string, shown: string): Promise<string[]> {
    const manifest = await readFile(path.join(folder, SITE_MANIFEST), 'utf8').catch(() => undefined);
    if (manifest !== undefined) {
        // Only paths a build could have written: relative, inside the folder.
        return manifest.split('\n').filter(line => line !== '' && !line.startsWith('/') && !line.split('/').includes('..'));
    }
    const entries = await readdir(folder);
    if (entries.length > 0) {
        throw new CliError(`-o ${shown} is not empty and was not written by journey build (no ${SITE_MANIFEST} in it); `
            + 'choose a new folder, or empty this one: journey build never overwrites files it did not write');
    }
    return [];
}

/** What marks a page as written by journey build (its `<meta name="generator">`). */
const GENERATOR = /<meta name="generator" content="journey [^"]*">/;

/**
 * Writes a single-file site to `file` (`--single-file -o FILE.html`): refused when the file exists and
 * is not a page journey build wrote, or is one of the inputs.
 */
export async function writeSingleFile(html: string, file: string, inputs: readonly string[], cwd: string): Promise<void> {
    const shown = displayPosixPath(file, cwd);
    if (await isOneOf(file, inputs, cwd)) {
        throw new CliError(`-o ${shown} is one of the maps being built; name another file`);
    }
    const info = await lstat(file).catch(() => undefined);
    if (info?.isDirectory()) {
        throw new CliError(`-o ${shown} is a folder; with --single-file name the .html file to write, or a folder without the .html ending`);
    }
    if (info) {
        const existing = await readFile(file, 'utf8').catch(() => '');
        if (!GENERATOR.test(existing.slice(0, 2000))) {
            throw new CliError(`-o ${shown} exists and was not written by journey build; choose another name: journey build never overwrites files it did not write`);
        }
    }
    try {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, html, 'utf8');
    } catch (error) {
        throw new CliError(`cannot write the site to ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
}
