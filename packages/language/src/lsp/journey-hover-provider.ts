import { AstUtils, CstUtils, GrammarAST, type AstNode, type LangiumDocument, type LeafCstNode, type MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Diagnostic, Hover, HoverParams, Position, Range } from 'vscode-languageserver';
import { isEmotion, isKpi } from '../generated/ast.js';
import { JourneyCards, emotionCard, kpiCard } from './journey-cards.js';
import type { JourneyServices } from '../journey-services.js';
import { keywordDoc } from './journey-vocabulary.js';
import { ruleDocUrl } from '../utils/project-links.js';
import { findRule } from '../rules/index.js';

/**
 * Hover cards: for any reference or declaration, the card of what it names (a persona with its goals
 * and needs, a need with its importance and the touchpoints that serve it, a metric with its scale and
 * direction, a source with its kind, date and sample); on a KPI, the KPI against its target; on an
 * emotion, what the score means; on a keyword, what it does. Where a diagnostic covers the position,
 * the card ends with the rule's explanation and a link to its page.
 */
export class JourneyHoverProvider extends AstNodeHoverProvider {
    private readonly cards: JourneyCards;
    private readonly settings: JourneyServices['validation']['JourneySettings'];

    constructor(services: JourneyServices) {
        super(services);
        this.settings = services.validation.JourneySettings;
        this.cards = new JourneyCards(services, () => services.validation.JourneySettings.currentDate());
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const sections: string[] = [];
        const root = document.parseResult?.value?.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root ? CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp) : undefined;
        if (leaf && leaf.offset <= offset && offset <= leaf.end) {
            const card = this.cardAt(leaf);
            if (card) {
                sections.push(card);
            }
        }
        for (const card of diagnosticsAt(document, params.position).map(ruleCard)) {
            if (card !== undefined) {
                sections.push(card);
            }
        }
        if (sections.length === 0) {
            return undefined;
        }
        return { contents: { kind: 'markdown', value: [...new Set(sections)].join('\n\n---\n\n') } };
    }

    private cardAt(leaf: LeafCstNode): string | undefined {
        const targets = this.references.findDeclarations(leaf);
        const kpi = AstUtils.getContainerOfType(leaf.astNode, isKpi);
        const emotion = AstUtils.getContainerOfType(leaf.astNode, isEmotion);
        if (kpi && (targets.length === 0 || targets[0] === kpi.metric?.ref)) {
            return kpiCard(kpi, this.settings.evidence.minSample);
        }
        if (emotion) {
            return emotionCard(emotion);
        }
        for (const target of targets) {
            const card = this.cards.card(target);
            if (card) {
                return card;
            }
        }
        if (GrammarAST.isKeyword(leaf.grammarSource)) {
            const rule = AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isParserRule)?.name;
            const doc = keywordDoc(rule, leaf.grammarSource.value);
            return doc ? `**${leaf.grammarSource.value}** — ${doc.detail}\n\n${doc.documentation}` : undefined;
        }
        return undefined;
    }

    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        return this.cards.card(node);
    }
}

function diagnosticsAt(document: LangiumDocument, position: Position): Diagnostic[] {
    return (document.diagnostics ?? []).filter(diagnostic => contains(diagnostic.range, position));
}

function contains(range: Range, position: Position): boolean {
    const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
    return afterStart && beforeEnd;
}

/** A diagnostic's rule explained: what it checks, its quick fix, where to read more. */
function ruleCard(diagnostic: Diagnostic): string | undefined {
    const id = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
    const rule = id ? findRule(id) : undefined;
    if (!rule) {
        return undefined;
    }
    const lines = [`**Rule \`${rule.id}\`** (default: ${rule.defaultSeverity}) — ${rule.description}`];
    if (rule.fix) {
        lines.push(`Quick fix: ${rule.fix.description}${rule.fix.safe ? ' (safe: `journey lint --fix` applies it)' : ''}`);
    }
    lines.push(`[Read more about \`${rule.id}\`](${ruleDocUrl(rule.id)}) · silence one line with \`// journey-disable-next-line ${rule.id}\``);
    return lines.join('\n\n');
}
