import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { withoutByteOrderMark } from '../parser/byte-order-mark.js';
import { closeMatches } from '../utils/close-matches.js';
import { DEFAULT_EVIDENCE, type EvidenceSettings } from '../data/evidence-settings.js';
import { REPOSITORY_URL } from '../utils/project-links.js';
import { journeyRules } from '../rules/index.js';
import { isConfigurable, type ConfiguredSeverity } from '../rules/rule-registry.js';

/** The workspace configuration file, looked up at the workspace root. */
export const CONFIG_FILE_NAME = 'journey.config.json';

const SEVERITIES: readonly ConfiguredSeverity[] = ['off', 'info', 'warning', 'error'];

/** A problem in the configuration file, with its place (offsets into the text). */
export interface ConfigProblem {
    message: string;
    offset: number;
    length: number;
}

export interface JourneyConfig {
    /** Rule id → severity, for the rules the file mentions. */
    severities: Map<string, ConfiguredSeverity>;
    /** The `evidence` block: the thresholds of the data rules, those the file sets. */
    evidence?: Partial<EvidenceSettings>;
}

const EVIDENCE_SETTINGS: Record<keyof EvidenceSettings, string> = {
    minSample: 'a computed KPI on fewer answers than this gets `small-sample`',
    maxEvidenceAgeDays: 'on a current-state journey, evidence from a source dated more days than this before today gets `stale-evidence`',
};

export type ConfigParseResult = { config: JourneyConfig; problems: [] } | { config: undefined; problems: ConfigProblem[] };

/**
 * Reads `journey.config.json`: `{ "rules": { "stale-map": "off", … } }`. A file with any problem yields
 * no configuration at all (never half of one), and every problem is reported with its place.
 */
export function parseJourneyConfig(text: string): ConfigParseResult {
    const errors: ParseError[] = [];
    const root = parseTree(withoutByteOrderMark(text), errors, { allowTrailingComma: false, disallowComments: true });
    if (errors.length > 0 || !root) {
        // The first JSON error is the one to fix; the ones after it are usually its echoes.
        const problems = errors.slice(0, 1).map(error => ({ message: `invalid JSON: ${describeParseError(printParseErrorCode(error.error))}`, offset: error.offset, length: error.length }));
        return { config: undefined, problems: problems.length > 0 ? problems : [{ message: 'the file is empty: write `{ "rules": {} }`', offset: 0, length: 0 }] };
    }
    const problems: ConfigProblem[] = [];
    const severities = new Map<string, ConfiguredSeverity>();
    const evidence: Partial<EvidenceSettings> = {};
    if (root.type !== 'object') {
        problems.push(at(root, 'the configuration must be a JSON object such as `{ "rules": { "stale-map": "off" } }`'));
    } else {
        for (const property of root.children ?? []) {
            const [key] = property.children ?? [];
            const name = key ? String(getNodeValue(key)) : '';
            if (name !== 'rules' && name !== 'evidence' && name !== '$schema' && key) {
                problems.push(at(key, `unknown setting "${name}": the configuration has "rules", "evidence" (and "$schema")`));
            }
        }
        const evidenceNode = findNodeAtLocation(root, ['evidence']);
        if (evidenceNode && evidenceNode.type !== 'object') {
            problems.push(at(evidenceNode, '"evidence" must be an object such as `{ "minSample": 30, "maxEvidenceAgeDays": 365 }`'));
        }
        for (const property of evidenceNode?.type === 'object' ? evidenceNode.children ?? [] : []) {
            const [key, value] = property.children ?? [];
            const setting = String(getNodeValue(key));
            if (!(setting in EVIDENCE_SETTINGS)) {
                const near = closeMatches(setting, Object.keys(EVIDENCE_SETTINGS), 1);
                problems.push(at(key, `unknown evidence setting "${setting}"${near.length > 0 ? `: did you mean "${near[0]}"?` : ''} ("evidence" has "minSample" and "maxEvidenceAgeDays")`));
                continue;
            }
            const number = value ? getNodeValue(value) : undefined;
            if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
                problems.push(at(value ?? key, `"${setting}" must be a whole number of ${setting === 'minSample' ? 'answers' : 'days'} (0 or more), such as ${DEFAULT_EVIDENCE[setting as keyof EvidenceSettings]}`));
                continue;
            }
            evidence[setting as keyof EvidenceSettings] = number;
        }
        const rules = findNodeAtLocation(root, ['rules']);
        if (rules && rules.type !== 'object') {
            problems.push(at(rules, '"rules" must be an object mapping rule ids to "off", "info", "warning" or "error"'));
        }
        for (const property of rules?.type === 'object' ? rules.children ?? [] : []) {
            const [key, value] = property.children ?? [];
            const ruleId = String(getNodeValue(key));
            const rule = journeyRules.find(candidate => candidate.id === ruleId);
            if (!rule) {
                const near = closeMatches(ruleId, journeyRules.map(rule => rule.id), 1);
                problems.push(at(key, `unknown rule "${ruleId}"${near.length > 0 ? `: did you mean "${near[0]}"?` : ''} (\`journey rules\` lists them)`));
                continue;
            }
            const severity = value ? getNodeValue(value) : undefined;
            if (!SEVERITIES.includes(severity)) {
                problems.push(at(value ?? key, `rule "${ruleId}" has severity ${JSON.stringify(severity)}: use "off", "info", "warning" or "error"`));
                continue;
            }
            if (!isConfigurable(rule) && severity !== rule.defaultSeverity) {
                problems.push(at(value ?? key, `rule "${ruleId}" is always an ${rule.defaultSeverity}: a file that does not parse, or a date that is not on the calendar, cannot be turned off or lowered. Remove this line and fix the text instead`));
                continue;
            }
            severities.set(ruleId, severity);
        }
    }
    return problems.length > 0 ? { config: undefined, problems }
        : { config: { severities, ...(Object.keys(evidence).length > 0 ? { evidence } : {}) }, problems: [] };
}

function at(node: Node, message: string): ConfigProblem {
    return { message, offset: node.offset, length: node.length };
}

function describeParseError(code: string): string {
    // jsonc-parser's codes are CamelCase identifiers: "PropertyNameExpected" → "property name expected".
    return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** 1-based line and column of an offset, for messages such as `journey.config.json:3:5`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
    const before = withoutByteOrderMark(text).slice(0, offset).split(/\r\n|\r|\n/);
    return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The JSON Schema of `journey.config.json`, from the rule registry (shipped as schemas/journey.config.schema.json). */
export function journeyConfigSchema(): object {
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: `${REPOSITORY_URL}/blob/main/schemas/journey.config.schema.json`,
        title: 'journey.config.json',
        description: 'Configuration of the journey linter and language server for one workspace.',
        type: 'object',
        additionalProperties: false,
        properties: {
            $schema: { type: 'string' },
            evidence: {
                description: 'Thresholds of the data rules.',
                type: 'object',
                additionalProperties: false,
                properties: Object.fromEntries(Object.entries(EVIDENCE_SETTINGS).map(([setting, description]) => [setting, {
                    description: `${description[0].toUpperCase()}${description.slice(1)}. Default: ${DEFAULT_EVIDENCE[setting as keyof EvidenceSettings]}.`,
                    type: 'integer', minimum: 0, default: DEFAULT_EVIDENCE[setting as keyof EvidenceSettings],
                }])),
            },
            rules: {
                description: 'Severity per rule id: "off", "info", "warning" or "error".',
                type: 'object',
                additionalProperties: false,
                properties: Object.fromEntries(journeyRules.map(rule => [rule.id, isConfigurable(rule) ? {
                    description: `${rule.description} Default: ${rule.defaultSeverity}.`,
                    enum: SEVERITIES,
                    default: rule.defaultSeverity,
                } : {
                    description: `${rule.description} Always ${rule.defaultSeverity}: it cannot be turned off or lowered.`,
                    enum: [rule.defaultSeverity],
                    default: rule.defaultSeverity,
                }])),
            },
        },
    };
}
