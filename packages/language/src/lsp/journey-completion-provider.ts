import {
    AstUtils, CstUtils, GrammarAST, GrammarUtils, TextDocument, URI, stream, type AstNode, type CstNode, type LangiumDocument, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream
} from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions,
    type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import {
    CompletionItemKind, CompletionList, CompletionTriggerKind, InsertTextFormat, InsertTextMode, type CancellationToken, type CompletionItem,
    type CompletionParams, type MarkupContent
} from 'vscode-languageserver';
import { formatCalendarDate } from '../model/calendar-date.js';
import { isJourney, isJourneyState, isModel, isNeed, isPersonaLine, isSource, isValueGap } from '../generated/ast.js';
import { columnNames, findColumn } from '../data/csv-table.js';
import { insideCommentOrString } from './cursor-context.js';
import { snippetContext, SnippetWriter, type SnippetContext } from './snippet-context.js';
import { JourneyCards } from './journey-cards.js';
import type { JourneyServices } from '../journey-services.js';
import { valueGapRows } from '../model/journey-facts.js';
import { formatNumber, SIGNED_SCORE } from '../model/number-format.js';
import {
    EMOTION_MEANINGS, EMOTION_SCALE_TEXT, IMPORTANCE_MEANINGS, KEYWORD_PHRASES, SEVERITY_MEANINGS, keywordDoc
} from './journey-vocabulary.js';

/** Grammar rules whose keywords only make words usable as names: never offered as keywords. */
const NAME_RULES = new Set(['Name', 'QualifiedName']);

/** Closed sets of values written as keywords (data type rules): offered as values, not as keywords. */
const VALUE_RULES = new Set(['Phase', 'SourceKind', 'ChannelMode']);

interface Snippet {
    label: string;
    detail: string;
    /**
     * Its text with tab stops; `context()`: what the place it is written at suggests (snippet-context.ts),
     * worked out only for the skeletons that ask for it.
     */
    body: (today: string, context: () => SnippetContext) => string;
}

const PHASES = ['pre-purchase', 'purchase', 'post-purchase'];

/** A touchpoint's lines with tab stops from `write`: the channel and team of those around it first, `by` and `serves` when they help. */
function touchpointLines(write: SnippetWriter, context: SnippetContext, full: boolean): string[] {
    return [
        `touchpoint ${write.stop('name')} "${write.stop('What happens')}" {`,
        `    channel ${write.choice(context.channels, 'channel')}`,
        ...(full ? [`    owner ${write.choice(context.owners, 'team')}`] : []),
        // Who meets it, when the journey has several personas (default: all of them).
        ...(context.personas.length > 1 ? [`    by ${write.choice(context.personas, 'persona')}`] : []),
        ...(full ? [`    action "${write.stop('What the customer does')}"`, `    thinks "${write.stop('What they think')}"`] : []),
        `    emotion ${write.stop('0')}${full ? ` "${write.stop('How it feels')}"` : ''}`,
        // A need no touchpoint serves yet (`need-not-served`).
        ...(context.unservedNeeds.length > 0 ? [`    serves ${write.choice(context.unservedNeeds, 'need')}`] : []),
        '}',
    ];
}

/** Skeletons with tab stops, offered where their keyword is valid (`Rule:keyword`). */
const SNIPPETS: Readonly<Record<string, Snippet>> = {
    'Persona:persona': {
        label: 'persona',
        detail: 'Persona skeleton',
        body: () => [
            'persona ${1:name} "${2:Name, Role}" {',
            '    description "${3:Who they are}"',
            '    goal "${4:What they want to achieve}"',
            '    need ${5:need_name} "${6:What they need}" importance ${7:4}',
            '}',
        ].join('\n'),
    },
    'Journey:journey': {
        label: 'journey',
        detail: 'Journey skeleton',
        body: (today, contextOf) => {
            const context = contextOf();
            const write = new SnippetWriter();
            return [
                `journey ${write.stop('name')} "${write.stop('What the persona goes through')}" {`,
                `    persona ${write.choice(context.workspacePersonas, 'persona')}`,
                `    trigger "${write.stop('What made them look for a solution')}"`,
                '    state current',
                `    owner ${write.choice(context.owners, 'team')}`,
                `    reviewed ${write.stop(today)} every ${write.stop('90')} days`,
                '',
                `    stage ${write.stop('research')} "${write.stop('Research')}" {`,
                `        phase ${write.choice(PHASES, 'phase')}`,
                `        touchpoint ${write.stop('first_visit')} "${write.stop('What happens')}" {`,
                `            channel ${write.choice(context.channels, 'channel')}`,
                `            emotion ${write.stop('0')}`,
                '        }',
                '    }',
                '}',
            ].join('\n');
        },
    },
    'Stage:stage': {
        label: 'stage',
        detail: 'Stage skeleton',
        body: (_, contextOf) => {
            const context = contextOf();
            const write = new SnippetWriter();
            // The phase of the stage before it first: a journey's stages mostly keep or advance it.
            const phases = context.phase ? [context.phase, ...PHASES.filter(phase => phase !== context.phase)] : PHASES;
            return [
                `stage ${write.stop('name')} "${write.stop('Label')}" {`,
                `    phase ${write.choice(phases, 'phase')}`,
                `    question "${write.stop('What the customer asks here')}"`,
                ...touchpointLines(write, context, false).map(line => `    ${line}`),
                '}',
            ].join('\n');
        },
    },
    'Touchpoint:touchpoint': {
        label: 'touchpoint',
        detail: 'Touchpoint skeleton',
        body: (_, contextOf) => touchpointLines(new SnippetWriter(), contextOf(), true).join('\n'),
    },
    'Pain:pain': {
        label: 'pain + opportunity',
        detail: 'A pain and the opportunity that answers it',
        body: () => [
            'pain ${1:name} "${2:What hurts}" severity ${3:3}',
            'opportunity ${4:name} "${5:What we could do about it}" for ${1:name} owner ${6:team}',
        ].join('\n'),
    },
    'Plan:plan': {
        label: 'plan',
        detail: 'Plan skeleton',
        body: today => [
            'plan ${1:name} "${2:What we will change}" {',
            '    addresses ${3:pain}',
            '    owner ${4:team}',
            `    due \${5:${today}}`,
            '    target ${6:metric} ${7:value}',
            '    status ${8|open,doing,done|}',
            '}',
        ].join('\n'),
    },
};

/** A name, a dot, and maybe the start of a name: the cursor is completing the need of `persona.need`. */
const QUALIFIED_PREFIX = /([A-Za-z_][A-Za-z0-9_]*)[ \t]*\.[ \t]*([A-Za-z0-9_]*)$/;

/**
 * Typed as you write, a space or `>` asks for completion (the trigger characters). It is answered only
 * after a word that takes a name (`channel `, `owner `, `serves `, `by `, `evidence `, `source `, `for `,
 * `at `, `persona `, `kpi `, `flow `, `a -> `, `a, `…), so that typing prose or the next keyword opens nothing.
 */
const TRIGGERS_NAME = /(?:^|[\s{},])(?:channel|owner|serves|by|evidence|source|for|at|persona|kpi|prefers|addresses|of|from|target|flow)[ \t]$|->[ \t]?$|,[ \t]$/;

/** The blocks completion reads alone (see `findFeaturesAt`): members in braces, in any order. */
const BLOCKS = new Set(['Touchpoint', 'Stage', 'Persona']);

/** A block's opening brace, and its closing one when it is written (the braces of its own rule, not of a member's). */
function bracesOf(node: AstNode): { open: CstNode; close: CstNode | undefined } | undefined {
    const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
    return open ? { open, close: GrammarUtils.findNodeForKeyword(node.$cstNode, '}') } : undefined;
}

/**
 * Completion that knows the map's logic:
 * - keywords only where the grammar allows them, and never the keywords that merely stay usable as
 *   names (a name is expected: nothing is offered);
 * - references from the scope (so `serves` offers only needs of the journey's personas, `by` only the
 *   journey's personas, `at` only touchpoints of this journey), filtered further: a need by its bare
 *   name unless two personas of the journey share that name (then `persona.need`), `state future of`
 *   only current-state journeys, value-gap rows needs at the start of a line and competitors after;
 * - values: phases, source kinds, plan statuses, emotion −3..+3 with their meaning, importance and severity;
 * - snippets with tab stops for the skeletons (journey, persona, stage, touchpoint, pain + opportunity, plan).
 * Every item has a kind, a detail (label, importance, scale…) and Markdown documentation.
 */
export class JourneyCompletionProvider extends DefaultCompletionProvider {
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['.', ' ', '>'] };
    private readonly cards: JourneyCards;
    private readonly journeyServices: JourneyServices;

    constructor(services: JourneyServices) {
        super(services);
        this.journeyServices = services;
        this.cards = new JourneyCards(services, () => services.validation.JourneySettings.currentDate());
    }

    override async getCompletion(document: Parameters<DefaultCompletionProvider['getCompletion']>[0], params: CompletionParams,
        cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        const fromData = this.dataCompletion(document, text, offset);
        if (fromData) {
            return CompletionList.create(fromData, false);
        }
        if (insideCommentOrString(document, offset)) {
            return CompletionList.create([], false);
        }
        const typed = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && params.context.triggerCharacter !== '.';
        if (typed) {
            const line = text.slice(Math.max(0, offset - 200), offset).split(/\r\n?|\n/).pop()!;
            if (!TRIGGERS_NAME.test(line)) {
                return CompletionList.create([], false);
            }
            // Names only: a keyword or a skeleton after `channel ` would be noise the user did not ask for.
            const list = await super.getCompletion(document, params, cancelToken);
            return list && CompletionList.create(list.items.filter(item => item.kind !== CompletionItemKind.Keyword && item.kind !== CompletionItemKind.Snippet), list.isIncomplete);
        }
        const qualified = QUALIFIED_PREFIX.exec(text.slice(Math.max(0, offset - 200), offset));
        if (qualified) {
            const items = this.qualifiedNeedCompletion(document, offset - qualified[0].length, offset, qualified[1], qualified[2]);
            if (items) {
                return CompletionList.create(items, true);
            }
        }
        return super.getCompletion(document, params, cancelToken);
    }

    /**
     * What may come at `offset`, as Langium's `findFeaturesAt` finds it, from a shorter text. Langium
     * parses the whole text before the cursor on each request, so completion at the end of a large
     * journey took as long as a parse of the file. When the cursor is inside a block whose braces are
     * both written (a touchpoint, a stage, a persona), what may come there depends only on that block
     * and the blocks around it, whose members may come in any order: the text parsed is the opening line
     * of each block around it (`journey … {`, `stage … {`) and the block itself up to the cursor.
     */
    protected override findFeaturesAt(textDocument: TextDocument, offset: number): NextFeature[] {
        const text = textDocument.getText();
        const blocks = this.blocksAround(textDocument, offset);
        if (blocks.length === 0) {
            return super.findFeaturesAt(textDocument, offset);
        }
        const [innermost, ...around] = blocks;
        const prefix = [...around.reverse().map(block => text.slice(block.start, block.open)), text.slice(innermost.start, offset)].join('\n');
        return super.findFeaturesAt(TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, prefix), prefix.length);
    }

    /**
     * The blocks around the cursor, innermost first, each with where it starts and where its opening
     * brace ends: the innermost one with the cursor between its braces; empty when any block around it
     * is not one of {@link BLOCKS} or lacks a brace.
     */
    private blocksAround(textDocument: TextDocument, offset: number): Array<{ start: number; open: number }> {
        const document = this.journeyServices.shared.workspace.LangiumDocuments.getDocument(URI.parse(textDocument.uri));
        // The CST must be of this very text (the text of the parse is its root's).
        const cst = document?.parseResult.value.$cstNode;
        const root = cst?.root.fullText === textDocument.getText() ? cst : undefined;
        const leaf = root && offset > 0 ? CstUtils.findLeafNodeBeforeOffset(root, offset) : undefined;
        let node: AstNode | undefined = leaf?.astNode;
        // The innermost block with the cursor between its braces.
        for (; node; node = node.$container) {
            const braces = BLOCKS.has(node.$type) ? bracesOf(node) : undefined;
            if (braces?.close && braces.open.end <= offset && offset <= braces.close.offset) {
                break;
            }
        }
        const blocks: Array<{ start: number; open: number }> = [];
        for (; node && !isModel(node); node = node.$container) {
            const braces = BLOCKS.has(node.$type) || isJourney(node) ? bracesOf(node) : undefined;
            if (!braces) {
                return [];
            }
            blocks.push({ start: node.$cstNode!.offset, open: braces.open.end });
        }
        return blocks;
    }

    /** Keywords are told apart by label alone (the same word may come from two rules). */
    protected override deduplicateItems(items: CompletionItem[]): CompletionItem[] {
        return stream(items).distinct(item => `${item.kind}_${item.label}`).toArray();
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'NUMBER') {
            this.numberValues(context, next.feature, acceptor);
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        if (!rule || NAME_RULES.has(rule) || !/\p{L}/u.test(keyword.value)) {
            return;
        }
        const key = `${rule}:${keyword.value}`;
        const doc = keywordDoc(rule, keyword.value);
        // A value: a keyword of a closed set, or a keyword assigned as a value (`status=('open' | 'doing' | 'done')`).
        const isValue = VALUE_RULES.has(rule) || AstUtils.getContainerOfType(keyword, GrammarAST.isAssignment)?.operator === '=';
        const label = KEYWORD_PHRASES[key] ?? keyword.value;
        acceptor(context, {
            label,
            kind: isValue ? CompletionItemKind.EnumMember : CompletionItemKind.Keyword,
            detail: doc?.detail ?? (isValue ? 'Value' : 'Keyword'),
            documentation: doc ? markdown(doc.documentation) : undefined,
            sortText: `${isValue ? '0' : '2'}${label}`,
        });
        const snippet = SNIPPETS[key];
        if (snippet) {
            const today = formatCalendarDate(this.journeyServices.validation.JourneySettings.currentDate());
            const body = snippet.body(today, () => snippetContext(context.node, context.offset, this.journeyServices.shared.workspace.IndexManager));
            acceptor(context, {
                label: snippet.label,
                kind: CompletionItemKind.Snippet,
                detail: snippet.detail,
                documentation: markdown('```journey\n' + body.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1') + '\n```'),
                insertText: body,
                insertTextFormat: InsertTextFormat.Snippet,
                insertTextMode: InsertTextMode.adjustIndentation,
                filterText: keyword.value,
                sortText: `3${snippet.label}`,
            });
        }
    }

    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): MaybePromise<void> {
        const refInfo = this.referenceInfo(context, next);
        if (!refInfo) {
            return;
        }
        for (const candidate of this.getReferenceCandidates(refInfo, context)) {
            acceptor(context, this.createReferenceCompletionItem(candidate, refInfo, context));
        }
    }

    /** The reference being completed; a synthetic node of the right type when the cursor starts a new one. */
    private referenceInfo(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>): ReferenceInfo | undefined {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        let node = context.node;
        if (!assignment || !node) {
            return undefined;
        }
        if (next.type) {
            const synthetic = { $type: next.type, $container: node, $containerProperty: next.property } as unknown as AstNode;
            AstUtils.assignMandatoryProperties(this.astReflection, synthetic);
            node = synthetic;
        }
        return { reference: { $refText: '', ref: undefined }, container: node, property: assignment.feature };
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const all = super.getReferenceCandidates(refInfo, context);
        const type = this.astReflection.getReferenceType(refInfo);
        const container = refInfo.container;
        const journey = AstUtils.getContainerOfType(container, isJourney);
        if (journey && AstUtils.getContainerOfType(container, isValueGap) && (type === 'Need' || type === 'Competitor')) {
            // Rows are written one per line: `need us 3 acme 4`. A new line starts a row, the rest of a line scores competitors.
            const lineStart = context.textDocument.getText().lastIndexOf('\n', context.tokenOffset - 1) + 1;
            const before = context.textDocument.getText().slice(lineStart, context.tokenOffset).trim();
            const startsRow = before === '' || before.endsWith('{');
            if (startsRow !== (type === 'Need')) {
                return stream([]);
            }
            if (type === 'Competitor') {
                const scored = this.competitorsOfRowBefore(container, context.tokenOffset);
                return all.filter(candidate => !scored.has(candidate.name));
            }
        }
        if (type === 'Need') {
            return stream(this.needCandidates(all.toArray()));
        }
        if (type === 'Journey' && isJourneyState(container)) {
            return all.filter(candidate => {
                const target = this.nodeOf(candidate);
                return isJourney(target) && target !== journey && target.states.some(state => state.current);
            });
        }
        if (type === 'Persona' && isPersonaLine(container) && journey) {
            const named = new Set(journey.personaLines.flatMap(line => line.personas.filter(p => p.ref).map(p => p.$refText)));
            return all.filter(candidate => !named.has(candidate.name));
        }
        return all.filter(candidate => !candidate.name.includes('.'));
    }

    /** Needs by their bare name, or as `persona.need` when two of the journey's personas share the name. */
    private needCandidates(candidates: AstNodeDescription[]): AstNodeDescription[] {
        const byBareName = new Map<string, Set<AstNode>>();
        for (const candidate of candidates) {
            const node = this.nodeOf(candidate);
            if (isNeed(node)) {
                const set = byBareName.get(node.name) ?? new Set<AstNode>();
                set.add(node);
                byBareName.set(node.name, set);
            }
        }
        return candidates.filter(candidate => {
            const node = this.nodeOf(candidate);
            if (!isNeed(node)) {
                return false;
            }
            const ambiguous = (byBareName.get(node.name)?.size ?? 0) > 1;
            return candidate.name.includes('.') === ambiguous;
        });
    }

    /** After `persona.`: the needs of that persona the scope allows here, completed as `persona.need`. */
    private qualifiedNeedCompletion(document: CompletionContext['document'], start: number, offset: number, persona: string, typed: string): CompletionItem[] | undefined {
        const startPosition = document.textDocument.positionAt(start);
        const items: CompletionItem[] = [];
        let found = false;
        for (const context of this.buildContexts(document, startPosition)) {
            for (const next of context.features) {
                if (!GrammarAST.isCrossReference(next.feature)) {
                    continue;
                }
                const refInfo = this.referenceInfo(context, next as NextFeature<GrammarAST.CrossReference>);
                if (!refInfo || this.astReflection.getReferenceType(refInfo) !== 'Need') {
                    continue;
                }
                found = true;
                for (const candidate of super.getReferenceCandidates(refInfo, context)) {
                    const node = this.nodeOf(candidate);
                    if (!isNeed(node) || candidate.name !== `${persona}.${node.name}` || !this.fuzzyMatcher.match(typed, node.name)
                        || items.some(item => item.label === candidate.name)) {
                        continue;
                    }
                    items.push({
                        ...this.referenceItemFields(candidate, node),
                        label: candidate.name,
                        filterText: candidate.name,
                        textEdit: {
                            range: { start: startPosition, end: document.textDocument.positionAt(offset) },
                            newText: candidate.name,
                        },
                    });
                }
            }
            if (found) {
                break;
            }
        }
        return found ? items : undefined;
    }

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, _refInfo: ReferenceInfo, _context: CompletionContext): CompletionValueItem {
        return { nodeDescription, ...this.referenceItemFields(nodeDescription, this.nodeOf(nodeDescription)) };
    }

    private referenceItemFields(description: AstNodeDescription, node: AstNode | undefined): Partial<CompletionItem> {
        const card = node ? this.cards.card(node) : undefined;
        return {
            kind: this.nodeKindProvider.getCompletionItemKind(description),
            detail: (node ? this.cards.detail(node) : undefined) ?? description.type,
            documentation: card ? markdown(card) : undefined,
            sortText: `1${description.name}`,
        };
    }

    /** Values of the numbers whose meaning is fixed: emotion −3..+3, importance and severity 1..5. */
    private numberValues(context: CompletionContext, terminal: GrammarAST.RuleCall, acceptor: CompletionAcceptor): void {
        const rule = AstUtils.getContainerOfType(terminal, GrammarAST.isParserRule)?.name;
        const property = AstUtils.getContainerOfType(terminal, GrammarAST.isAssignment)?.feature;
        let values: ReadonlyMap<number, string> | undefined;
        let what = '';
        if (rule === 'Emotion' && property === 'value') {
            values = EMOTION_MEANINGS;
            what = EMOTION_SCALE_TEXT;
        } else if (rule === 'Need' && property === 'importance') {
            values = IMPORTANCE_MEANINGS;
            what = 'How much the need matters to the persona, 1..5. Value gaps are reported on needs of importance 4 and 5.';
        } else if (rule === 'Pain' && property === 'severity') {
            values = SEVERITY_MEANINGS;
            what = 'How much the pain hurts, 1..5.';
        }
        if (!values) {
            return;
        }
        let index = 0;
        for (const [value, meaning] of values) {
            const label = String(value);
            acceptor(context, {
                label,
                kind: CompletionItemKind.Value,
                detail: meaning,
                documentation: markdown(`**${formatNumber(value, rule === 'Emotion' ? SIGNED_SCORE : {})}**: ${meaning}\n\n${what}`),
                sortText: `0${String(index++).padStart(2, '0')}`,
            });
        }
    }

    private competitorsOfRowBefore(container: AstNode, offset: number): Set<string> {
        const valueGap = AstUtils.getContainerOfType(container, isValueGap);
        if (!valueGap) {
            return new Set();
        }
        const row = valueGapRows(valueGap).filter(({ row }) => (row.$cstNode?.offset ?? Infinity) < offset).pop();
        return new Set(row?.scores.filter(score => (score.$cstNode?.end ?? Infinity) <= offset && score.competitor?.ref)
            .map(score => score.competitor.$refText) ?? []);
    }

    /**
     * In a computed KPI, the names the data file offers: after `column` and `where` (or `and`) its
     * columns, after `where "C" =` the values of column C, most frequent first. Inside the quotes or
     * before them; the text is read back from the cursor to the line's `kpi`, so it works mid-edit.
     */
    private dataCompletion(document: LangiumDocument, text: string, offset: number): CompletionItem[] | undefined {
        const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
        const head = line.slice(Math.max(0, line.lastIndexOf('kpi ')));
        const sourceName = /\bfrom\s+([A-Za-z_][A-Za-z0-9_]*)\s/.exec(head)?.[1];
        const value = /"([^"]*)"\s*=\s*("?)([^"]*)$/.exec(head);
        const column = value ? undefined : /(?:\b(?:column|where|and)|"[^"]*"\s*=\s*"[^"]*")\s+("?)([^"]*)$/.exec(head);
        if (!sourceName || (!value && !column)) {
            return undefined;
        }
        const description = this.journeyServices.shared.workspace.IndexManager.allElements('Source').find(candidate => candidate.name === sourceName);
        const source = description && this.nodeOf(description);
        const file = source && isSource(source) ? this.journeyServices.data.DataFiles.ofSource(source, document.uri) : undefined;
        const table = file?.read.table;
        if (!file || !table) {
            return undefined;
        }
        const quoted = (value ? value[2] : column![1]) === '"';
        const typed = value ? value[3] : column![2];
        const start = document.textDocument.positionAt(offset - typed.length);
        const end = document.textDocument.positionAt(offset);
        const closing = text[offset] === '"' ? '' : '"';
        const item = (label: string, detail: string, sortText: string): CompletionItem => ({
            label, detail, kind: CompletionItemKind.Value, sortText, filterText: quoted ? label : `"${label}`,
            textEdit: { range: { start, end }, newText: quoted ? `${label}${closing}` : `"${label}"` },
        });
        if (value) {
            const wanted = findColumn(table, value[1]);
            if (!wanted) {
                return [];
            }
            const counts = new Map<string, number>();
            for (const row of table.rows) {
                const cell = (row[wanted.index] ?? '').trim();
                if (cell !== '') {
                    counts.set(cell, (counts.get(cell) ?? 0) + 1);
                }
            }
            return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).slice(0, 100)
                .map(([cell, count], index) => item(cell, `${count} row${count === 1 ? '' : 's'} of ${file.path}`, String(index).padStart(4, '0')));
        }
        return columnNames(table).map((name, index) => item(name, `column of ${file.path}`, String(index).padStart(4, '0')));
    }

    private nodeOf(description: AstNodeDescription): AstNode | undefined {
        if (description.node) {
            return description.node;
        }
        const document = this.journeyServices.shared.workspace.LangiumDocuments.getDocument(description.documentUri);
        return document ? this.journeyServices.workspace.AstNodeLocator.getAstNode(document.parseResult.value, description.path) : undefined;
    }
}

function markdown(value: string): MarkupContent {
    return { kind: 'markdown', value };
}
