import { pathToFileURL } from 'node:url';
import type { RuleSeverity } from '@journey/language';
import type { LintSeverity } from '../lint-results.js';
import { REPOSITORY_URL, ruleDocUrl } from '@journey/language';
import type { Formatter } from './formatter.js';
import { posixPathUnder } from './paths.js';

/**
 * SARIF 2.1.0 (the OASIS standard), as GitHub code scanning and other SARIF viewers read it: one run,
 * every rule of the registry in `tool.driver.rules`, one result per problem. Paths are relative to the
 * working directory (`%SRCROOT%`), so the log is the same on every machine that lints the same tree
 * (only `originalUriBaseIds` tells where that tree was).
 */
export const sarifFormatter: Formatter = (results, context) => {
    const ruleIndexes = new Map(context.rules.map((rule, index) => [rule.id, index]));
    const artifacts: SarifArtifact[] = results.map(result => ({ location: artifactLocation(result.filePath, context.cwd) }));
    const sarifResults: SarifResult[] = results.flatMap((result, artifactIndex) => result.messages.map(message => {
        const ruleIndex = ruleIndexes.get(message.ruleId);
        return {
            ruleId: message.ruleId,
            ...(ruleIndex === undefined ? {} : { ruleIndex }),
            level: RESULT_LEVELS[message.severity],
            message: { text: message.message },
            locations: [{
                physicalLocation: {
                    artifactLocation: { ...artifacts[artifactIndex].location, index: artifactIndex },
                    region: {
                        startLine: message.line,
                        startColumn: message.column,
                        endLine: message.endLine,
                        endColumn: message.endColumn,
                    },
                },
            }],
        };
    }));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'journey',
                    version: context.version,
                    informationUri: REPOSITORY_URL,
                    rules: context.rules.map(rule => ({
                        id: rule.id,
                        shortDescription: { text: rule.description },
                        helpUri: ruleDocUrl(rule.id),
                        defaultConfiguration: { level: RULE_LEVELS[rule.defaultSeverity] },
                    })),
                },
            },
            originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(context.cwd) } },
            // LSP positions, and so ours, count UTF-16 code units (SARIF's default, said explicitly).
            columnKind: 'utf16CodeUnits',
            artifacts,
            results: sarifResults,
        }],
    };
    return `${JSON.stringify(log, undefined, 2)}\n`;
};

const SOURCE_ROOT = '%SRCROOT%';

const RULE_LEVELS: Record<RuleSeverity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
const RESULT_LEVELS: Record<LintSeverity, SarifLevel> = { 2: 'error', 1: 'warning', 0: 'note' };

type SarifLevel = 'error' | 'warning' | 'note';

interface SarifArtifactLocation {
    uri: string;
    uriBaseId?: string;
    index?: number;
}

interface SarifArtifact {
    location: SarifArtifactLocation;
}

interface SarifResult {
    ruleId: string;
    ruleIndex?: number;
    level: SarifLevel;
    message: { text: string };
    locations: Array<{
        physicalLocation: {
            artifactLocation: SarifArtifactLocation;
            region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
    }>;
}

/** A file under the working directory is a relative reference to `%SRCROOT%`; any other, an absolute file URI. */
function artifactLocation(filePath: string, cwd: string): SarifArtifactLocation {
    const relative = posixPathUnder(filePath, cwd);
    return relative === undefined
        ? { uri: pathToFileURL(filePath).href }
        : { uri: encodeUriPath(relative), uriBaseId: SOURCE_ROOT };
}

/**
 * A relative path as a URI reference: each segment percent-encoded, so that spaces, `#`, `?` and a
 * colon (which would read as a scheme in the first segment) cannot change what the reference means.
 */
function encodeUriPath(relativePath: string): string {
    return relativePath.split('/').map(segment => encodeURIComponent(segment)).join('/');
}

/** SARIF wants base URIs to end with a slash. */
function directoryUri(directory: string): string {
    const href = pathToFileURL(directory).href;
    return href.endsWith('/') ? href : `${href}/`;
}
