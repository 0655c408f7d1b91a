import type { LangiumServices } from 'langium/lsp';
import type { JourneyDataFiles } from './data/data-files.js';
import type { GrammarUsage } from './parser/grammar-usage.js';
import type { JourneyDeclarations } from './references/journey-declarations.js';
import type { JourneySettings } from './validation/journey-settings.js';

// The service types alone, so that providers can name their services without importing the
// module that constructs them (journey-module.ts imports every provider). Type-only both ways.

/** Services of the .journey language beyond Langium's own. */
export interface JourneyAddedServices {
    parser: {
        GrammarUsage: GrammarUsage;
    };
    references: {
        JourneyDeclarations: JourneyDeclarations;
    };
    validation: {
        JourneySettings: JourneySettings;
    };
    data: {
        DataFiles: JourneyDataFiles;
    };
}

export type JourneyServices = LangiumServices & JourneyAddedServices;
