import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { JourneyMapModel } from '../model/journey-model.js';
import type { WorkspaceModel } from '../model/workspace-model.js';

/**
 * The custom LSP messages of the journey language server, named and typed once for the server
 * (`language-server.ts`) and the VS Code extension. Import it as `@journey/language/protocol`: it
 * pulls in no Langium, only the protocol's message types.
 */

export interface JourneyMapParams {
    /** The document's URI, as the client knows it. */
    uri: string;
}

export interface JourneyMapResult {
    uri: string;
    /** The text document version the map was computed from; `null` for a file the client has not opened. */
    version: number | null;
    /** The document's journeys, in document order, as plain resolved data. */
    journeys: JourneyMapModel[];
    /**
     * The current states its future-state journeys redesign (`state future of X`, X wherever it is
     * written): a client draws each one's emotion curve faintly under its future state's. Absent from
     * older servers.
     */
    baselines?: JourneyMapModel[];
    /** The text does not parse: the journeys are what error recovery made of it (a client may keep an older map). */
    hasSyntaxErrors: boolean;
    /** The server knows no such document (not a journey file, or not in the workspace). */
    unknown?: boolean;
}

/** Request `journey/map`: the journey map of one document, computed from the server's parsed and validated document. */
export const JourneyMapRequest = new RequestType<JourneyMapParams, JourneyMapResult, void>('journey/map');

export interface JourneyMapChangedParams {
    uri: string;
    version: number | null;
}

/**
 * Notification `journey/mapChanged` (server → client): a document was validated again (it changed,
 * or a file it refers to did); a client showing its map asks for it anew with `journey/map`.
 */
export const JourneyMapChangedNotification = new NotificationType<JourneyMapChangedParams>('journey/mapChanged');

export interface JourneyWorkspaceFile {
    uri: string;
    /** Its diagnostics as the editor shows them (rule id in `code`), in position order. */
    diagnostics: Array<{ severity: 'error' | 'warning' | 'info'; code: string; message: string; range: JourneyMapModel['range'] }>;
    hasSyntaxErrors: boolean;
}

export interface JourneyWorkspaceResult {
    workspace: WorkspaceModel;
    files: JourneyWorkspaceFile[];
    /** The day stale reviews and overdue plans were judged by (YYYY-MM-DD). */
    today: string;
}

/**
 * Request `journey/workspace`: the whole workspace as plain data (every journey's map, the personas,
 * teams and sources) with every file's diagnostics, once every document is validated: what the
 * workspace report (the static site's pages) is built from.
 */
export const JourneyWorkspaceRequest = new RequestType0<JourneyWorkspaceResult, void>('journey/workspace');

export type {
    DeclarationModel, SourceModel, WorkspaceModel, WorkspacePersonaModel
} from '../model/workspace-model.js';
export type {
    FlowModel, JourneyMapModel, KpiModel, NamedRef, OpportunityModel, PainModel, PersonaModel, PlanModel, StageModel, TextModel,
    TouchpointModel, ValueGapRowModel
} from '../model/journey-model.js';
