import { inject, type DeepPartial, type LangiumCoreServices, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { JourneyDslGeneratedModule, JourneyDslGeneratedSharedModule } from './generated/module.js';
import { JourneyCodeActionProvider } from './journey-code-action-provider.js';
import { JourneyConfigLoader, JourneyWorkspaceManager } from './journey-config-loader.js';
import { JourneyDeclarations } from './journey-declarations.js';
import { JourneyDocumentBuilder } from './journey-document-builder.js';
import { JourneyDocumentValidator } from './journey-document-validator.js';
import { JourneyScopeComputation } from './journey-scope-computation.js';
import { JourneyScopeProvider } from './journey-scope-provider.js';
import { JourneySettings } from './journey-settings.js';
import { registerValidationChecks } from './journey-validator.js';
import { JourneyValueConverter } from './journey-value-converter.js';

/** Services of the .journey language beyond Langium's own. */
export interface JourneyAddedServices {
    references: {
        JourneyDeclarations: JourneyDeclarations;
    };
    validation: {
        JourneySettings: JourneySettings;
    };
}

export type JourneyServices = LangiumServices & JourneyAddedServices;

export const JourneyModule: Module<JourneyServices, PartialLangiumServices & JourneyAddedServices> = {
    parser: {
        ValueConverter: () => new JourneyValueConverter(),
    },
    references: {
        ScopeComputation: services => new JourneyScopeComputation(services),
        ScopeProvider: services => new JourneyScopeProvider(services),
        JourneyDeclarations: services => new JourneyDeclarations(services),
    },
    lsp: {
        CodeActionProvider: () => new JourneyCodeActionProvider(),
    },
    validation: {
        DocumentValidator: services => new JourneyDocumentValidator(services),
        JourneySettings: () => new JourneySettings(),
    },
};

const JourneySharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    workspace: {
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
    if (context.connection) {
        // The editor's workspace has a journey.config.json to follow; the CLI applies its own.
        (shared.workspace.WorkspaceManager as JourneyWorkspaceManager).configLoader = new JourneyConfigLoader(shared, Journey);
    } else {
        // Without a language client nobody sends the client configuration: mark it as known.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Journey };
}
