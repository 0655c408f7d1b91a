// Tests build many small workspaces, and building a parser is most of a small build (~0.1 s): they
// reuse services, emptied the way the language server deletes files.
import type { LangiumSharedServices } from 'langium/lsp';

/**
 * Deletes every document of the services as the language server deletes a file (which evicts every
 * cache). True when they are empty again, so that the next build may take them as it would fresh ones.
 */
export async function emptyForReuse(shared: LangiumSharedServices): Promise<boolean> {
    const uris = shared.workspace.LangiumDocuments.all.map(document => document.uri).toArray();
    await shared.workspace.DocumentBuilder.update([], uris);
    return shared.workspace.LangiumDocuments.all.isEmpty();
}
