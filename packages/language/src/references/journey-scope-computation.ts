import {
    DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument,
    type LocalSymbols
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { isJourney, isModel, isPersona, type Model } from '../generated/ast.js';
import { astNodesOf } from '../utils/ast-walk.js';

/**
 * Which names are visible where (the spec's "Declarations"):
 * - top-level declarations are exported: global across every `.journey` file of the workspace;
 * - a persona's needs are exported qualified (`olivia.clear_pricing`) and local to the persona;
 * - everything named inside a journey (stages, touchpoints, pains, opportunities, plans) is local to
 *   that journey, in one namespace, wherever in the journey it is nested.
 */
export class JourneyScopeComputation extends DefaultScopeComputation {

    override async collectExportedSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<AstNodeDescription[]> {
        const model = document.parseResult.value as Model;
        const exports: AstNodeDescription[] = [];
        for (const declaration of model.declarations) {
            if (cancelToken.isCancellationRequested) {
                break;
            }
            this.addExportedSymbol(declaration, exports, document);
            if (isPersona(declaration) && declaration.name) {
                for (const need of declaration.needs) {
                    if (need.name) {
                        exports.push(this.descriptions.createDescription(need, qualifiedNeedName(declaration.name, need.name), document));
                    }
                }
            }
        }
        return exports;
    }

    override async collectLocalSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        const model = document.parseResult.value as Model;
        for (const declaration of model.declarations) {
            if (cancelToken.isCancellationRequested) {
                break;
            }
            if (isJourney(declaration) || isPersona(declaration)) {
                for (const node of astNodesOf(declaration, false)) {
                    const name = this.nameProvider.getName(node);
                    if (name) {
                        symbols.add(declaration, this.descriptions.createDescription(node, name, document));
                    }
                }
            }
        }
        return symbols;
    }
}

export function qualifiedNeedName(persona: string, need: string): string {
    return `${persona}.${need}`;
}

/** The top-level declaration (journey, persona, …) a node sits in. */
export function containingDeclaration(node: AstNode): AstNode | undefined {
    let current: AstNode | undefined = node;
    while (current?.$container && !isModel(current.$container)) {
        current = current.$container;
    }
    return current?.$container ? current : undefined;
}
