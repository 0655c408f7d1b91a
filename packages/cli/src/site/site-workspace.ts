import { createHash } from 'node:crypto';
import { buildWorkspaceModel, calendarDateOfToday, formatCalendarDate, hasSyntaxErrors, severityName, type CalendarDate, type Model } from '@journey/language';
import type { SiteFile, SiteFinding, SiteInput } from '@journey/site';
import type { Diagnostic } from 'vscode-languageserver';
import type { CommandIO } from '../commands/lint-command.js';
import { loadConfigFile, workspaceRootOf } from '../config-file.js';
import { findJourneyFiles } from '../file-discovery.js';
import { displayPosixPath } from '../formatters/paths.js';
import { loadJourneyWorkspace } from '../journey-workspace.js';
import type { Progress } from '../progress.js';
import { journeyVersion } from '../version.js';

export interface SiteSourceOptions {
    today?: CalendarDate;
    /** `-c, --config FILE` (default: journey.config.json found as lint finds it). */
    config?: string;
    title?: string;
    progress?: Progress;
}

/** A workspace loaded for the site: its input, and what the command says of it. */
export interface LoadedSite {
    input: SiteInput;
    /** The absolute paths of the files read. */
    files: string[];
    /** The folder paths are shown relative to: the common folder of the paths given. */
    root: string;
    /** The files that do not parse, as shown. */
    broken: string[];
    /** A hash of everything read (the files' bytes, the version, the day): the nonce of a built site. */
    digest: string;
    /** The journey.config.json read (`--config`, or found from the root up), if any: `journey serve` watches it. */
    configFile?: string;
}

/**
 * Loads the `.journey` files the paths name as one workspace (as `journey lint` does: the same
 * configuration, the same findings) and makes the site's input from it: the workspace model and each
 * file's findings, sorted.
 */
export async function loadSite(patterns: readonly string[], io: CommandIO, options: SiteSourceOptions = {}): Promise<LoadedSite> {
    const paths = patterns.length > 0 ? patterns : ['.'];
    const root = await workspaceRootOf(paths, io.cwd);
    const { config, file: configFile } = await loadConfigFile(options.config, io.cwd, root);
    const files = await findJourneyFiles(paths, io.cwd);
    const today = options.today ?? calendarDateOfToday();
    const workspace = await loadJourneyWorkspace(files, { today, config, progress: options.progress, cwd: io.cwd, createServices: io.createServices, hashContent: true });
    const shown = (filePath: string) => displayPosixPath(filePath, root);
    const siteFiles: SiteFile[] = workspace.files.map(file => ({
        uri: file.document.uri.toString(),
        path: shown(file.filePath),
        // In the validator's order, as lint prints them.
        findings: file.diagnostics.map(toFinding),
        syntaxErrors: hasSyntaxErrors(file.document) || file.diagnostics.some(diagnostic => diagnostic.code === 'syntax' && diagnostic.severity === 1),
    }));
    const model = buildWorkspaceModel(workspace.files.map(file => file.document.parseResult.value as Model), today, workspace.services.validation.JourneySettings.evidence);
    const digest = createHash('sha256')
        .update(journeyVersion).update('\0').update(formatCalendarDate(today)).update('\0').update(options.title ?? '')
        .update(workspace.files.map(file => `${shown(file.filePath)}\0${file.contentHash}`).join('\0'))
        .digest('base64');
    return {
        input: { workspace: model, files: siteFiles, title: options.title, today: formatCalendarDate(today), version: journeyVersion },
        files,
        root,
        broken: siteFiles.filter(file => file.syntaxErrors).map(file => file.path),
        digest,
        configFile,
    };
}

function toFinding(diagnostic: Diagnostic): SiteFinding {
    return {
        severity: severityName(diagnostic.severity),
        ruleId: String(diagnostic.code ?? 'syntax'),
        message: diagnostic.message,
        range: diagnostic.range,
    };
}

