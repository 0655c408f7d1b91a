// The language server the extension starts (bundled to dist/server.cjs): the same server as `journey lsp`.
import { startJourneyLanguageServer } from '@journey/language/server';

startJourneyLanguageServer();
