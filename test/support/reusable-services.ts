// Tests build many small workspaces, and building a parser is most of a small build (~0.1 s): they
// reuse services, emptied the way the language server deletes files.
import type { JourneyServices } from '@journey/language';
import type { LangiumSharedServices } from 'langium/lsp';

/**
 * Deletes every document of the services as the language server deletes a file (which evicts every
 * cache). True when they are empty again, so that the next build may take them as it would fresh ones.
 */
export async function emptyForReuse(shared: LangiumSharedServices): Promise<boolean> {
    const uris = shared.workspace.LangiumDocuments.all.map(document => document.uri).toArray();
    await shared.workspace.DocumentBuilder.update([], uris);
    // The data files read are kept until they change on disk (the language server hears of it): forgotten.
    for (const services of shared.ServiceRegistry.all) {
        (services as JourneyServices).data?.DataFiles.reset();
    }
    return shared.workspace.LangiumDocuments.all.isEmpty();
}
