import { AstUtils } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { CalendarDate } from './calendar-date.js';
import { isJourney, isPersona, isSource, isTeam, type Model } from '../generated/ast.js';
import { buildJourneyMapModel, personaModel, type JourneyMapModel, type NamedRef, type PersonaModel } from './journey-model.js';
import { nameRangeOf, named, rangeOf } from './model-parts.js';
import { DEFAULT_EVIDENCE, type EvidenceSettings } from '../data/evidence-settings.js';

/**
 * A whole workspace as plain data: every journey's map model and the shared declarations the pages
 * and reports across journeys read (personas with their needs, teams, sources with their dates). Like
 * the journey map model it is resolved, JSON-able and carries source ranges; documents come in the
 * order given (the CLI gives them sorted by path), declarations in document order.
 */
export interface WorkspaceModel {
    journeys: JourneyMapModel[];
    personas: WorkspacePersonaModel[];
    teams: DeclarationModel[];
    sources: SourceModel[];
}

export interface DeclarationModel extends NamedRef {
    /** The document it is declared in. */
    uri: string;
    range: Range;
    nameRange: Range;
}

export type WorkspacePersonaModel = PersonaModel & DeclarationModel;

export interface SourceModel extends DeclarationModel {
    kind: string;
    /** When the data was cut (YYYY-MM-DD), as written. */
    date?: string;
    sample?: number;
    /** The data file (CSV export) its numbers come from, as written (`data "…"`). */
    data?: string;
}

/** The workspace model of parsed documents (their roots), "today" judging stale reviews and overdue plans. */
export function buildWorkspaceModel(roots: readonly Model[], today: CalendarDate, evidence: EvidenceSettings = DEFAULT_EVIDENCE): WorkspaceModel {
    const workspace: WorkspaceModel = { journeys: [], personas: [], teams: [], sources: [] };
    for (const root of roots) {
        const uri = AstUtils.getDocument(root).uri.toString();
        for (const declaration of root.declarations) {
            const where = () => ({ uri, range: rangeOf(declaration), nameRange: nameRangeOf(declaration) });
            if (isJourney(declaration)) {
                workspace.journeys.push(buildJourneyMapModel(declaration, today, evidence));
            } else if (isPersona(declaration)) {
                workspace.personas.push({ ...personaModel(declaration), ...where() });
            } else if (isTeam(declaration)) {
                workspace.teams.push({ ...named(declaration), ...where() });
            } else if (isSource(declaration)) {
                workspace.sources.push({
                    ...named(declaration), ...where(), kind: declaration.kind ?? 'other',
                    ...(declaration.date !== undefined ? { date: declaration.date } : {}),
                    ...(declaration.sample !== undefined ? { sample: declaration.sample } : {}),
                    ...(declaration.data !== undefined ? { data: declaration.data } : {}),
                });
            }
        }
    }
    return workspace;
}
