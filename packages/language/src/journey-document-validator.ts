import {
    AstUtils, DefaultDocumentValidator, DocumentValidator, type AstReflection, type LangiumDocument,
    type ReferenceInfo, type ScopeProvider, type ValidationOptions
} from 'langium';
import { CancellationToken, type Diagnostic } from 'vscode-languageserver';
import { closeMatches, formatAlternatives } from './close-matches.js';
import { isBy, isJourney, type Journey } from './generated/ast.js';
import type { JourneyServices } from './journey-module.js';
import { journeyPersonas } from './journey-scope-provider.js';
import type { JourneySettings } from './journey-settings.js';
import { compareText } from './ordering.js';
import { kindOf } from './rules/naming-rules.js';

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

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const result: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const code = ruleIdOf(diagnostic);
            const severity = this.settings.severityOf(code);
            if (severity === 'off') {
                continue;
            }
            result.push({
                ...diagnostic,
                code,
                message: code === 'syntax' ? friendlySyntaxMessage(diagnostic.message) : diagnostic.message,
                severity: severity === 'error' ? 1 : severity === 'warning' ? 2 : 3,
                source: 'journey',
            });
        }
        return result.sort(compareDiagnostics);
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = 'error' in reference ? reference.error : undefined;
            if (!error) {
                continue;
            }
            const info = error.info as ReferenceInfo;
            const text = info.reference.$refText;
            const suggestions = this.suggestionsFor(info, text);
            diagnostics.push(this.toDiagnostic('error', this.unresolvedMessage(info, text, suggestions), {
                node: info.container,
                range: reference.$refNode?.range,
                property: info.property,
                index: info.index,
                code: 'unresolved-reference',
                data: { code: DocumentValidator.LinkingError, ruleId: 'unresolved-reference', suggestions },
            }));
        }
    }

    private suggestionsFor(info: ReferenceInfo, text: string): string[] {
        const names = this.scopeProvider.getScope(info).getAllElements().map(description => description.name).toArray();
        return closeMatches(text, names);
    }

    private unresolvedMessage(info: ReferenceInfo, text: string, suggestions: string[]): string {
        const type = this.reflection.getReferenceType(info);
        const journey = AstUtils.getContainerOfType(info.container, isJourney);
        const head = `Unknown ${kindOf(type)} \`${text}\``;
        const didYouMean = suggestions.length > 0 ? ` Did you mean ${formatAlternatives(suggestions)}?` : '';
        if (type === 'Need' && journey) {
            return `${head}: this place takes a need of the journey's personas (${this.personaList(journey)}).`
                + this.elsewhereHint(text, journey) + didYouMean;
        }
        if (type === 'Persona' && isBy(info.container) && journey) {
            const isPersona = this.services.references.JourneyDeclarations.declarationsNamed(text).some(d => d.type === 'Persona');
            const hint = isPersona ? ` \`${text}\` is a persona, but not one of this journey's: add it to the \`persona\` line first.` : '';
            return `${head}: \`by\` takes one of the journey's personas (${this.personaList(journey)}).${hint}${didYouMean}`;
        }
        if (journey && ['Touchpoint', 'Pain', 'Addressable'].includes(type)) {
            return `${head}: no ${kindOf(type)} of that name in journey \`${journey.name}\`.${didYouMean}`;
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

const TOKEN_NAMES: Record<string, string> = {
    STRING: 'a "quoted text"',
    ID: 'a name',
    NUMBER: 'a number',
    PERCENT: 'a percentage such as 5%',
    DATE: 'a date (YYYY-MM-DD)',
    EOF: 'the end of the file',
};

/** Chevrotain speaks of token types; users think in names, texts and numbers. */
export function friendlySyntaxMessage(message: string): string {
    return message
        .replace(/token of type '([A-Z_]+)'/g, (whole, name: string) => TOKEN_NAMES[name] ?? whole)
        .replace(/^Expecting /, 'Expected ')
        .replace(/unexpected character: ->(.)<-/, 'unexpected character `$1`');
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
    return a.range.start.line - b.range.start.line
        || a.range.start.character - b.range.start.character
        || a.range.end.line - b.range.end.line
        || a.range.end.character - b.range.end.character
        || compareText(String(a.code), String(b.code))
        || compareText(a.message, b.message);
}
