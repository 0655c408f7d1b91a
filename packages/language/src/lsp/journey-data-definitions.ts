import { AstUtils, CstUtils, GrammarUtils, URI, type LangiumDocument } from 'langium';
import type { DefinitionParams, LocationLink } from 'vscode-languageserver';
import { isKpiComputation, isRowFilter, type KpiComputation } from '../generated/ast.js';
import { findColumn } from '../data/csv-table.js';
import type { JourneyServices } from '../journey-services.js';
import { JourneyDefinitionProvider } from '../references/journey-references.js';

/**
 * Go to definition, and on a column a computed KPI names (`column "…"`, or a `where` column) the data
 * file's header cell of that column: the place to read what the export calls it.
 */
export class JourneyDataDefinitionProvider extends JourneyDefinitionProvider {
    private readonly journeyServices: JourneyServices;

    constructor(services: JourneyServices) {
        super(services);
        this.journeyServices = services;
    }

    override getDefinition(document: LangiumDocument, params: DefinitionParams): LocationLink[] | undefined {
        const column = this.columnAt(document, params);
        return column ?? (super.getDefinition(document, params) as LocationLink[] | undefined);
    }

    private columnAt(document: LangiumDocument, params: DefinitionParams): LocationLink[] | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position)) : undefined;
        if (!leaf || leaf.tokenType.name !== 'STRING') {
            return undefined;
        }
        const node = leaf.astNode;
        let computation: KpiComputation | undefined;
        let name: string | undefined;
        if (isKpiComputation(node) && GrammarUtils.findNodesForProperty(node.$cstNode, 'column').includes(leaf)) {
            computation = node;
            name = node.column;
        } else if (isRowFilter(node) && GrammarUtils.findNodesForProperty(node.$cstNode, 'column').includes(leaf)) {
            computation = AstUtils.getContainerOfType(node, isKpiComputation);
            name = node.column;
        }
        const source = computation?.source?.ref;
        const file = source && this.journeyServices.data.DataFiles.ofSource(source);
        const column = file?.read.table && name !== undefined ? findColumn(file.read.table, name) : undefined;
        if (!file || !column) {
            return undefined;
        }
        const at = { start: column.position, end: column.position };
        const origin = { start: document.textDocument.positionAt(leaf.offset), end: document.textDocument.positionAt(leaf.end) };
        return [{ originSelectionRange: origin, targetUri: URI.from(file.uri).toString(), targetRange: at, targetSelectionRange: at }];
    }
}
