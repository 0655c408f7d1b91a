import {
    AstUtils, DefaultDocumentValidator, DocumentValidator, interruptAndCheck, isOperationCancelled, type AstReflection,
    type AstNode, type LangiumDocument, type ReferenceInfo, type ScopeProvider, type ValidationAcceptor, type ValidationOptions
} from 'langium';
import { CancellationToken, DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { closeMatches, formatAlternatives, formatList } from '../utils/close-matches.js';
import { isBy, isJourney, type Journey } from '../generated/ast.js';
import type { JourneyServices } from '../journey-services.js';
import { qualifiedNeedName } from '../references/journey-scope-computation.js';
import { journeyPersonas, personasWithNeed } from '../references/journey-scope-provider.js';
import type { JourneySettings } from './journey-settings.js';
import { visitAstNodes } from '../utils/ast-walk.js';
import { compareText } from '../utils/ordering.js';
import { lineOfText } from '../utils/text-lines.js';
import { findRule, isConfigurable, type FindingData, type RuleSeverity } from '../rules/index.js';
import { kindOf, unusedSuppressionRule } from '../rules/naming-rules.js';
import { findSuppressions, type Suppression } from './suppressions.js';
import { hasSyntaxErrors, reportedSyntaxErrors, type ReportedSyntaxError } from '../parser/syntax-errors.js';

/** How to declare a missing top-level name, for the "unknown name" message. */
const DECLARATION_TEMPLATES: Record<string, (name: string) => string> = {
    Team: name => `team ${name} "Label"`,
    Channel: name => `channel ${name} "Label" online`,
    Metric: name => `metric ${name} "Label" percent`,
    Competitor: name => `competitor ${name} "Label"`,
    Source: name => `source ${name} "Label" survey`,
    Persona: name => `persona ${name} "Label" { … }`,
};

/**
 * Langium's document validator, speaking the language of the rule registry: parse errors become
 * `syntax`, link errors become `unresolved-reference` with a message that says what was expected
 * and which names come close; configured severities apply to every diagnostic; output is sorted.
 */
export class JourneyDocumentValidator extends DefaultDocumentValidator {
    private readonly scopeProvider: ScopeProvider;
    private readonly reflection: AstReflection;
    private readonly settings: JourneySettings;
    private readonly services: JourneyServices;

    constructor(services: JourneyServices) {
        super(services);
        this.services = services;
        this.scopeProvider = services.references.ScopeProvider;
        this.reflection = services.shared.AstReflection;
        this.settings = services.validation.JourneySettings;
    }

    /**
     * Langium's loop over the nodes and their checks, without its streams (see utils/ast-walk.ts), and
     * looking at the cancellation token every few nodes rather than at each.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        await visitAstNodes(rootNode, cancelToken, async node => {
            for (const check of this.validationRegistry.getChecks(node.$type, options.categories)) {
                await check(node, acceptor, cancelToken);
            }
        });
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        if (hasSyntaxErrors(document)) {
            // A file that does not parse reports its syntax error and nothing else: what the parser
            // recovered is a guess, and rules about a guess mislead. Not configurable, not suppressible.
            return reportedSyntaxErrors(document, this.services).map(error => ({
                range: error.range,
                message: error.message,
                severity: DiagnosticSeverity.Error,
                code: 'syntax',
                source: 'journey',
                data: syntaxData(error),
            })).sort(compareDiagnostics);
        }
        const diagnostics = await this.langiumDiagnostics(document, options, cancelToken);
        const result: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const code = ruleIdOf(diagnostic);
            const severity = this.settings.severityOf(code);
            if (severity !== 'off') {
                result.push({ ...diagnostic, code, severity: toLspSeverity(severity), source: 'journey' });
            }
        }
        return this.applySuppressions(document, result).sort(compareDiagnostics);
    }

    /**
     * Langium's `validateDocument` (4.1), but adding the checks' findings one at a time: Langium's
     * `diagnostics.push(...findings)` takes one argument per finding, and with some 100,000 findings in
     * a file it overflowed the stack, which Langium logged and then reported no rule's findings at all.
     */
    private async langiumDiagnostics(document: LangiumDocument, options: ValidationOptions, cancelToken: CancellationToken): Promise<Diagnostic[]> {
        const parseResult = document.parseResult;
        const diagnostics: Diagnostic[] = [];
        await interruptAndCheck(cancelToken);
        if (!options.categories || options.categories.includes('built-in')) {
            const stopsAt = (stop: boolean | undefined, code: string): boolean =>
                stop === true && diagnostics.some(d => (d.data as { code?: string } | undefined)?.code === code);
            this.processLexingErrors(parseResult, diagnostics, options);
            if (stopsAt(options.stopAfterLexingErrors, DocumentValidator.LexingError)) {
                return diagnostics;
            }
            this.processParsingErrors(parseResult, diagnostics, options);
            if (stopsAt(options.stopAfterParsingErrors, DocumentValidator.ParsingError)) {
                return diagnostics;
            }
            this.processLinkingErrors(document, diagnostics, options);
            if (stopsAt(options.stopAfterLinkingErrors, DocumentValidator.LinkingError)) {
                return diagnostics;
            }
        }
        try {
            for (const diagnostic of await this.validateAst(parseResult.value, options, cancelToken)) {
                diagnostics.push(diagnostic);
            }
        } catch (error) {
            if (isOperationCancelled(error)) {
                throw error;
            }
            console.error('An error occurred during validation:', error);
        }
        await interruptAndCheck(cancelToken);
        return diagnostics;
    }

    /** Drops what `// journey-disable-next-line` silences and reports the suppressions that silence nothing. */
    private applySuppressions(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
        const suppressions = findSuppressions(document.parseResult.value.$cstNode);
        if (suppressions.length === 0) {
            return diagnostics;
        }
        const used = new Set<string>();
        /** Lines with a problem no comment silences (`syntax`), by the rule's id. */
        const alwaysReported = new Map<number, string>();
        const kept = diagnostics.filter(diagnostic => {
            if (!isConfigurable(findRule(String(diagnostic.code)))) {
                alwaysReported.set(diagnostic.range.start.line, String(diagnostic.code));
                return true; // a file that does not say what it means is never clean
            }
            const suppression = suppressions.find(s => s.targetLine === diagnostic.range.start.line
                && (s.rules.length === 0 || s.rules.some(rule => rule.id === diagnostic.code)));
            if (!suppression) {
                return true;
            }
            used.add(`${suppression.targetLine}:${suppression.rules.length === 0 ? '*' : diagnostic.code}`);
            return false;
        });
        const severity = this.settings.severityOf(unusedSuppressionRule.id);
        if (severity === 'off') {
            return kept;
        }
        // Which entries of each comment silenced nothing. Entries naming `unused-suppression` itself are
        // decided last: they are used when they silence another comment's finding on their target line.
        const unused = new Map<Suppression, Suppression['rules']>();
        for (const suppression of suppressions) {
            unused.set(suppression, suppression.rules.length === 0
                ? (used.has(`${suppression.targetLine}:*`) ? [] : [{ id: '', range: suppression.range }])
                : suppression.rules.filter(rule => rule.id !== unusedSuppressionRule.id
                    && !used.has(`${suppression.targetLine}:${rule.id}`) && this.settings.severityOf(rule.id) !== 'off'));
        }
        const silencedLines = new Set<number>();
        for (const suppression of suppressions) {
            const entry = suppression.rules.find(rule => rule.id === unusedSuppressionRule.id);
            if (!entry) {
                continue;
            }
            const targets = suppressions.filter(other => other.range.start.line === suppression.targetLine && unused.get(other)!.length > 0);
            if (targets.length > 0) {
                silencedLines.add(suppression.targetLine);
            } else {
                unused.get(suppression)!.push(entry);
            }
        }
        const text = document.textDocument.getText();
        for (const [suppression, rules] of unused) {
            if (silencedLines.has(suppression.range.start.line)) {
                continue;
            }
            const fix = removeFromSuppression(text, suppression, rules.map(rule => rule.id));
            for (const rule of rules) {
                const found = rule.id === '' ? undefined : findRule(rule.id);
                const message = rule.id !== '' && !found
                    ? `Unknown rule \`${rule.id}\` in a suppression comment: \`journey rules\` lists the rule ids.`
                    : found && !isConfigurable(found)
                    ? `\`${rule.id}\` cannot be suppressed: a ${rule.id} problem is always reported. Fix the text on the next line and remove \`${rule.id}\` here.`
                    : rule.id === '' && alwaysReported.has(suppression.targetLine)
                    ? `This suppression silences nothing: the \`${alwaysReported.get(suppression.targetLine)}\` problem on the next line is always reported. Fix the text and remove this comment.`
                    : `This suppression silences nothing: no ${rule.id ? `\`${rule.id}\` ` : ''}problem is reported on the next line. Remove it.`;
                const data: FindingData = { ruleId: unusedSuppressionRule.id, fixes: [{ title: 'Remove the unused suppression', edits: [fix] }], safeFix: true };
                kept.push({ range: rule.range, message, severity: toLspSeverity(severity), code: unusedSuppressionRule.id, source: 'journey', data });
            }
        }
        return kept;
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = 'error' in reference ? reference.error : undefined;
            if (!error) {
                continue;
            }
            const info = error.info as ReferenceInfo;
            const text = info.reference.$refText;
            if (this.services.references.JourneyDeclarations.mentionedInBrokenFile(text)) {
                continue;
            }
            const shared = this.sharedNeed(info, text);
            const suggestions = this.suggestionsFor(info, text, shared);
            const range = reference.$refNode?.range;
            const data: FindingData = { code: DocumentValidator.LinkingError, ruleId: 'unresolved-reference', suggestions, safeFix: false };
            if (range) {
                data.fixes = suggestions.map(name => ({ title: `Change to \`${name}\``, edits: [{ range, newText: name }] }));
            }
            diagnostics.push(this.toDiagnostic('error', this.unresolvedMessage(info, text, suggestions, shared), {
                node: info.container, range, property: info.property, index: info.index, code: 'unresolved-reference', data,
            }));
        }
    }

    private suggestionsFor(info: ReferenceInfo, text: string, shared: string[]): string[] {
        if (shared.length > 1) {
            return shared.map(persona => qualifiedNeedName(persona, text));
        }
        const names = this.scopeProvider.getScope(info).getAllElements().map(description => description.name).toArray();
        return closeMatches(text, names);
    }

    /** The journey's personas that have a need named `text` (unqualified), when `text` is a need reference. */
    private sharedNeed(info: ReferenceInfo, text: string): string[] {
        const journey = AstUtils.getContainerOfType(info.container, isJourney);
        if (!journey || text.includes('.') || this.reflection.getReferenceType(info) !== 'Need') {
            return [];
        }
        return personasWithNeed(journeyPersonas(journey), text).map(persona => persona.name);
    }

    private unresolvedMessage(info: ReferenceInfo, text: string, suggestions: string[], shared: string[]): string {
        const type = this.reflection.getReferenceType(info);
        const journey = AstUtils.getContainerOfType(info.container, isJourney);
        const head = `Unknown ${kindOf(type)} \`${text}\``;
        const didYouMean = suggestions.length > 0 ? ` Did you mean ${formatAlternatives(suggestions)}?` : '';
        if (shared.length > 1) {
            const personas = shared.map(persona => `\`${persona}\``);
            return `Ambiguous need \`${text}\`: personas ${formatList(personas)} of this journey each have a need of that name. `
                + `Write ${formatAlternatives(shared.map(persona => qualifiedNeedName(persona, text)))} to say whose.`;
        }
        if (type === 'Need' && journey) {
            const hint = this.elsewhereHint(text, journey);
            return `${head}: this place takes a need of the journey's personas (${this.personaList(journey)}).`
                + hint + didYouMean + (hint || didYouMean ? '' : declareNeed(text, journey));
        }
        if (type === 'Persona' && isBy(info.container) && journey) {
            const isPersona = this.services.references.JourneyDeclarations.declarationsNamed(text).some(d => d.type === 'Persona');
            const hint = isPersona ? ` \`${text}\` is a persona, but not one of this journey's: add it to the \`persona\` line first.` : '';
            const advice = hint || didYouMean ? '' : ' Name one of them, or leave `by` out to mean them all.';
            return `${head}: \`by\` takes one of the journey's personas (${this.personaList(journey)}).${hint}${didYouMean}${advice}`;
        }
        if (journey && ['Touchpoint', 'Pain', 'Addressable'].includes(type)) {
            // Journey-local names are declared in the journey's stages; `addresses` may name either kind.
            const advice = didYouMean ? '' : type === 'Addressable'
                ? ' Name one of its pains or opportunities.'
                : ` Name one of its ${kindOf(type)}s, or add \`${kindOf(type)} ${text} "…"\` to one of its stages.`;
            return `${head}: no ${kindOf(type)} of that name in journey \`${journey.name}\`.${didYouMean}${advice}`;
        }
        const template = DECLARATION_TEMPLATES[type];
        const declare = !didYouMean && template ? ` Declare it in any .journey file of the workspace: \`${template(text)}\`.` : '';
        return `${head}: no ${kindOf(type)} of that name is declared in the workspace.${didYouMean}${declare}`;
    }

    private personaList(journey: Journey): string {
        const names = journeyPersonas(journey).map(persona => `\`${persona.name}\``);
        return names.length > 0 ? names.join(', ') : 'none yet: add a `persona` line';
    }

    /** "`fast_setup` is a need of persona `ben`, who is not on this journey's `persona` line." */
    private elsewhereHint(text: string, journey: Journey): string {
        const own = new Set(journeyPersonas(journey).map(persona => persona.name));
        const owners = this.services.shared.workspace.IndexManager.allElements('Need')
            .map(description => description.name.split('.'))
            .filter(([persona, need]) => (need === text || `${persona}.${need}` === text) && !own.has(persona))
            .map(([persona]) => `\`${persona}\``)
            .distinct()
            .toArray()
            .sort(compareText);
        return owners.length > 0
            ? ` \`${text}\` is a need of ${owners.length > 1 ? 'personas' : 'persona'} ${owners.join(', ')}, not on this journey's \`persona\` line.`
            : '';
    }
}

/** " Add `need NAME "…"` to persona `olivia`, or serve one of its needs." for a need nobody declared. */
function declareNeed(text: string, journey: Journey): string {
    const personas = journeyPersonas(journey);
    const [qualifier, needName] = text.includes('.') ? text.split('.') : [undefined, text];
    const persona = personas.find(p => p.name === qualifier) ?? (personas.length === 1 ? personas[0] : undefined);
    if (persona) {
        return ` Add \`need ${needName} "…"\` to persona \`${persona.name}\`, or name one of its needs.`;
    }
    return personas.length > 0 ? ` Add \`need ${needName} "…"\` to one of those personas, or name one of their needs.` : '';
}

/** A syntax error's data; a misspelt keyword carries the spec's "rename to the closest match" (`goall` → `goal`). */
function syntaxData(error: ReportedSyntaxError): FindingData {
    return {
        ruleId: 'syntax', safeFix: false,
        ...(error.keywords.length > 0
            ? { fixes: error.keywords.map(keyword => ({ title: `Change to \`${keyword}\``, edits: [{ range: error.range, newText: keyword }] })) }
            : {}),
    };
}

function toLspSeverity(severity: RuleSeverity): DiagnosticSeverity {
    return severity === 'error' ? DiagnosticSeverity.Error : severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

/** The edit that removes the unused rule ids from a suppression comment, or the whole comment when none is left. */
function removeFromSuppression(text: string, suppression: Suppression, unusedIds: readonly string[]): TextEdit {
    const remaining = suppression.rules.filter(rule => !unusedIds.includes(rule.id));
    if (remaining.length === 0) {
        const { line } = suppression.range.start;
        const lineText = lineOfText(text, line);
        const ownLine = lineText.slice(0, suppression.range.start.character).trim() === '';
        return ownLine
            ? { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }
            : { range: { start: { line, character: lineText.slice(0, suppression.range.start.character).trimEnd().length }, end: suppression.range.end }, newText: '' };
    }
    const first = suppression.rules[0].range.start;
    const last = suppression.rules[suppression.rules.length - 1].range.end;
    return { range: { start: first, end: last }, newText: remaining.map(rule => rule.id).join(', ') };
}

/** The rule id a diagnostic belongs to. */
function ruleIdOf(diagnostic: Diagnostic): string {
    if (typeof diagnostic.code === 'string') {
        return diagnostic.code;
    }
    const code = (diagnostic.data as { code?: string } | undefined)?.code;
    if (code === DocumentValidator.LexingError || code === DocumentValidator.ParsingError) {
        return 'syntax';
    }
    if (code === DocumentValidator.LinkingError) {
        return 'unresolved-reference';
    }
    return 'syntax';
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
    return a.range.start.line - b.range.start.line
        || a.range.start.character - b.range.start.character
        || a.range.end.line - b.range.end.line
        || a.range.end.character - b.range.end.character
        || compareText(String(a.code), String(b.code))
        || compareText(a.message, b.message);
}
