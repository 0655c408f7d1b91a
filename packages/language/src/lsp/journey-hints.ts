import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { AbstractInlayHintProvider, type CodeLensProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind, type CodeLens, type CodeLensParams } from 'vscode-languageserver';
import { isEmotion, isModel, isPersona } from '../generated/ast.js';
import { JourneyCards } from './journey-cards.js';
import type { JourneyServices } from '../journey-services.js';
import { emotionMeaning } from './journey-vocabulary.js';

/**
 * Inlay hints: after an emotion score, what it means on the −3..+3 scale (`emotion -2 ▸ negative`),
 * so that a reader never has to remember the scale.
 */
export class JourneyInlayHintProvider extends AbstractInlayHintProvider {
    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (!isEmotion(node) || node.value === undefined) {
            return;
        }
        const meaning = emotionMeaning(node.value);
        const valueNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'value');
        if (meaning && valueNode) {
            acceptor({ position: valueNode.range.end, label: meaning, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip: 'On the emotion scale −3 (very negative) .. +3 (very positive)' });
        }
    }
}

/**
 * Code lenses above each need of a persona: how many touchpoints serve it across the workspace
 * ("served by 3 touchpoints", "served by no touchpoint"). They only inform: no command runs on click.
 */
export class JourneyCodeLensProvider implements CodeLensProvider {
    private readonly cards: JourneyCards;

    constructor(services: JourneyServices) {
        this.cards = new JourneyCards(services, () => services.validation.JourneySettings.currentDate());
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const lenses: CodeLens[] = [];
        const model = document.parseResult.value;
        if (!isModel(model)) {
            return lenses;
        }
        for (const persona of AstUtils.streamContents(model).filter(isPersona)) {
            for (const need of persona.needs) {
                if (!need.$cstNode || !need.name) {
                    continue;
                }
                const count = this.cards.servingTouchpoints(need).length;
                lenses.push({
                    range: need.$cstNode.range,
                    command: { title: count === 0 ? 'served by no touchpoint' : `served by ${count} touchpoint${count === 1 ? '' : 's'}`, command: '' },
                });
            }
        }
        return lenses;
    }
}
