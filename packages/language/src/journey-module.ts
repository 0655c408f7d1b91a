import { DocumentState, inject, type DeepPartial, type LangiumCoreServices, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { JourneyDslGeneratedModule, JourneyDslGeneratedSharedModule } from './generated/module.js';
import { JourneyDataFiles } from './data/data-files.js';
import { computeKpisOf } from './data/kpi-data.js';
import { JourneyCodeActionProvider } from './lsp/journey-code-action-provider.js';
import { JourneyCompletionProvider } from './lsp/journey-completion-provider.js';
import { JourneyConfigLoader, JourneyWorkspaceManager } from './config/journey-config-loader.js';
import { JourneyDeclarations } from './references/journey-declarations.js';
import type { JourneyAddedServices, JourneyServices } from './journey-services.js';
import { JourneyDocumentBuilder } from './validation/journey-document-builder.js';
import { JourneyDocumentValidator } from './validation/journey-document-validator.js';
import { JourneyFormatter } from './formatting/journey-formatter.js';
import { JourneyCodeLensProvider, JourneyInlayHintProvider } from './lsp/journey-hints.js';
import { JourneySignatureHelpProvider } from './lsp/journey-signature-help.js';
import { JourneyHoverProvider } from './lsp/journey-hover-provider.js';
import { JourneyDocumentUpdateHandler, JourneyLanguageServer, addJourneyRequestHandlers } from './lsp/journey-language-server.js';
import { JourneyFoldingRangeProvider } from './lsp/journey-ranges.js';
import { JourneyReferences } from './references/journey-references.js';
import { JourneyDataDefinitionProvider } from './lsp/journey-data-definitions.js';
import { JourneyRenameProvider } from './lsp/journey-rename-provider.js';
import { JourneyAstNodeDescriptionProvider, JourneyReferenceDescriptionProvider } from './references/journey-descriptions.js';
import { JourneyIndexManager } from './references/journey-index-manager.js';
import { JourneyLinker } from './references/journey-linker.js';
import { JourneyScopeComputation } from './references/journey-scope-computation.js';
import { JourneyScopeProvider } from './references/journey-scope-provider.js';
import { JourneySemanticTokenProvider } from './lsp/journey-semantic-tokens.js';
import { JourneySettings } from './validation/journey-settings.js';
import { JourneyDocumentSymbolProvider, JourneyNodeKindProvider, JourneyWorkspaceSymbolProvider } from './lsp/journey-symbols.js';
import { registerValidationChecks } from './validation/journey-validator.js';
import { JourneyValueConverter } from './parser/journey-value-converter.js';
import { GrammarUsage } from './parser/grammar-usage.js';
import { JourneyLexerErrorMessageProvider, JourneyParserErrorMessageProvider } from './parser/journey-error-messages.js';
import { createJourneyParser } from './parser/journey-parser.js';

export const JourneyModule: Module<JourneyServices, PartialLangiumServices & JourneyAddedServices> = {
    parser: {
        // Langium's parser, putting comments into the CST without a stack or time that grows with their number.
        LangiumParser: services => createJourneyParser(services),
        ValueConverter: () => new JourneyValueConverter(),
        GrammarUsage: services => new GrammarUsage(services.Grammar),
        ParserErrorMessageProvider: services => new JourneyParserErrorMessageProvider(services),
        LexerErrorMessageProvider: () => new JourneyLexerErrorMessageProvider(),
    },
    references: {
        ScopeComputation: services => new JourneyScopeComputation(services),
        ScopeProvider: services => new JourneyScopeProvider(services),
        References: services => new JourneyReferences(services),
        JourneyDeclarations: services => new JourneyDeclarations(services),
        // References as instances of one class (Langium's are object literals with closures: 9 × the size).
        Linker: services => new JourneyLinker(services),
    },
    lsp: {
        CodeActionProvider: () => new JourneyCodeActionProvider(),
        CompletionProvider: services => new JourneyCompletionProvider(services),
        HoverProvider: services => new JourneyHoverProvider(services),
        SignatureHelp: () => new JourneySignatureHelpProvider(),
        DefinitionProvider: services => new JourneyDataDefinitionProvider(services),
        RenameProvider: services => new JourneyRenameProvider(services),
        DocumentSymbolProvider: services => new JourneyDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new JourneyFoldingRangeProvider(services),
        Formatter: services => new JourneyFormatter(services),
        SemanticTokenProvider: services => new JourneySemanticTokenProvider(services),
        InlayHintProvider: () => new JourneyInlayHintProvider(),
        CodeLensProvider: services => new JourneyCodeLensProvider(services),
    },
    workspace: {
        // Descriptions of named nodes as instances of one class (Langium's literals with a getter: 5 × the size).
        AstNodeDescriptionProvider: services => new JourneyAstNodeDescriptionProvider(services),
        // The same for references, their segments worked out when asked.
        ReferenceDescriptionProvider: services => new JourneyReferenceDescriptionProvider(services),
    },
    validation: {
        DocumentValidator: services => new JourneyDocumentValidator(services),
        JourneySettings: () => new JourneySettings(),
    },
    data: {
        DataFiles: services => new JourneyDataFiles(services.shared.workspace.FileSystemProvider),
    },
};

const JourneySharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    lsp: {
        LanguageServer: services => new JourneyLanguageServer(services),
        DocumentUpdateHandler: services => new JourneyDocumentUpdateHandler(services),
        NodeKindProvider: () => new JourneyNodeKindProvider(),
        WorkspaceSymbolProvider: services => new JourneyWorkspaceSymbolProvider(services),
    },
    workspace: {
        // Which documents a change affects, by a lookup rather than a walk over every reference.
        IndexManager: services => new JourneyIndexManager(services),
        WorkspaceManager: services => new JourneyWorkspaceManager(services),
        DocumentBuilder: services => new JourneyDocumentBuilder(services),
    },
};

/**
 * Creates the shared and language services. The language server passes its connection; the CLI and
 * tests pass none and drive the document builder themselves.
 */
export function createJourneyServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    Journey: JourneyServices;
} {
    const shared = inject(createDefaultSharedModule(context), JourneyDslGeneratedSharedModule, JourneySharedModule);
    const Journey = inject(
        createDefaultModule({ shared }),
        JourneyDslGeneratedModule as Module<JourneyServices, DeepPartial<LangiumCoreServices>>,
        JourneyModule
    );
    shared.ServiceRegistry.register(Journey);
    registerValidationChecks(Journey);
    // A KPI computed from data gets its value once its source resolves, before the rules read it.
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, document => computeKpisOf(document, Journey.data.DataFiles));
    if (context.connection) {
        // The editor's workspace has a journey.config.json to follow; the CLI applies its own.
        (shared.workspace.WorkspaceManager as JourneyWorkspaceManager).configLoader = new JourneyConfigLoader(shared, Journey);
        addJourneyRequestHandlers(context.connection, shared);
    } else {
        // Without a language client nobody sends the client configuration: mark it as known.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Journey };
}
