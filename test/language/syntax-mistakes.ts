// Typical mistakes, each applied once to the realistic workspace in examples/brightspoke-cx: what a
// user types wrong, where the one syntax error must be, and what it must say. Shared by the in-process
// test (syntax-errors.test.ts) and the language-server test (test/lsp/syntax-errors-lsp.test.ts).

import type { CalendarDate } from '@journey/language';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { journeyFiles } from '../interchange/journey-models.js';
import { buildWorkspace, isDataFile, type BuiltWorkspace } from './workspace-helper.js';

export interface Mistake {
    /** What the user did. */
    name: string;
    /** The file, relative to examples/brightspoke-cx. */
    file: string;
    /** The first occurrence of `find` is replaced by `replace` (`\n` for line breaks). */
    find: string;
    replace: string;
    /** The error is on the (first) line of the mutated file that contains this text; default: `replace`'s first line. */
    at?: string;
    /** The error is on the last line that holds a token (a block left open at the end of the file). */
    lastLine?: boolean;
    /** What the message must say. */
    says: RegExp;
}

export const WORKSPACE = 'examples/brightspoke-cx';

const ONBOARDING = 'journeys/fleet-onboarding.journey';
const EBIKE = 'journeys/ebike-purchase-and-return.journey';

export const MISTAKES: Mistake[] = [
    // ---- Misspelt keywords, at every level ----
    { name: 'a misspelt declaration keyword', file: 'shared/channels.journey', find: 'channel fleet_hub', replace: 'chanel fleet_hub', says: /Unknown declaration `chanel`\. Did you mean `channel`\?/ },
    { name: 'a misspelt `journey`', file: ONBOARDING, find: 'journey fleet_onboarding', replace: 'journy fleet_onboarding', says: /Did you mean `journey`\?/ },
    { name: 'a misspelt `persona` declaration', file: 'personas/dana.journey', find: 'persona dana', replace: 'persnoa dana', says: /Did you mean `persona`\?/ },
    { name: 'a misspelt member of a journey', file: ONBOARDING, find: '    trigger "The 24-month', replace: '    triger "The 24-month', says: /Unknown member `triger` in a journey\. Did you mean `trigger`\?/ },
    { name: 'a misspelt `reviewed`', file: ONBOARDING, find: '    reviewed 2026-11-12', replace: '    reviwed 2026-11-12', says: /Did you mean `reviewed`\?/ },
    { name: 'a misspelt member of a stage', file: ONBOARDING, find: '        touchpoint kickoff_call', replace: '        touchpiont kickoff_call', says: /Unknown member `touchpiont` in a stage\. Did you mean `touchpoint`\?/ },
    { name: 'a misspelt `question`', file: ONBOARDING, find: '        question "Did we make', replace: '        qestion "Did we make', says: /Did you mean `question`\?/ },
    { name: 'a misspelt member of a touchpoint', file: ONBOARDING, find: '            action "Forwards', replace: '            acton "Forwards', says: /Unknown member `acton` in a touchpoint\. Did you mean `action`\?/ },
    { name: 'a misspelt `emotion`', file: ONBOARDING, find: '            emotion 1 "Relieved"', replace: '            emotoin 1 "Relieved"', says: /Did you mean `emotion`\?/ },
    { name: 'a misspelt `channel` in a touchpoint', file: ONBOARDING, find: '            channel account_email', replace: '            chanel account_email', says: /Did you mean `channel`\?/ },
    { name: 'a misspelt member of a persona', file: 'personas/dana.journey', find: '    need fleet_uptime', replace: '    ned fleet_uptime', says: /Unknown member `ned` in a persona\. Did you mean `need`\?/ },
    { name: 'a misspelt `goal`', file: 'personas/dana.journey', find: '    goal "Move', replace: '    gaol "Move', says: /Did you mean `goal`\?/ },
    { name: 'a misspelt member of a plan', file: EBIKE, find: '        status doing', replace: '        stauts doing', says: /Unknown member `stauts` in a plan\. Did you mean `status`\?/ },
    { name: 'a misspelt `addresses`', file: EBIKE, find: '        addresses optimistic_range', replace: '        adresses optimistic_range', says: /Did you mean `addresses`\?/ },
    { name: 'a misspelt `truth`', file: ONBOARDING, find: '            moment of truth', replace: '            moment of truht', says: /Did you mean `truth`\?/ },

    // ---- Braces ----
    { name: 'a missing `}` after a touchpoint', file: ONBOARDING, find: '            evidence ops_manager_interviews\n        }\n\n        touchpoint kickoff_call', replace: '            evidence ops_manager_interviews\n\n        touchpoint kickoff_call', at: 'touchpoint kickoff_call', says: /`touchpoint` does not go inside a touchpoint.*is the `\}` that closes the touchpoint missing/ },
    { name: 'a missing `}` at the end of a file', file: ONBOARDING, find: '        target support_csat 4.4\n        status open\n    }\n}', replace: '        target support_csat 4.4\n        status open\n    }\n', lastLine: true, says: /The file ends inside journey `fleet_onboarding` \(opened on line 7\): add the `\}` that closes it/ },
    { name: 'a `}` too many', file: ONBOARDING, find: '            evidence ops_manager_interviews\n        }\n', replace: '            evidence ops_manager_interviews\n        }\n        }\n', at: 'touchpoint kickoff_call', says: /`touchpoint` goes inside a stage, but here it is directly in a journey: put it inside one stage, or is a `\}` above it one too many\?/ },
    { name: 'a missing `{` after a touchpoint', file: ONBOARDING, find: 'touchpoint kickoff_call "Kickoff call with the onboarding manager" {', replace: 'touchpoint kickoff_call "Kickoff call with the onboarding manager"', says: /`channel` on the next line goes inside a touchpoint, but this touchpoint has no `\{`: add `\{` at the end of this line/ },
    { name: 'a missing `{` after a stage', file: ONBOARDING, find: 'stage handover "Contract to kickoff" {', replace: 'stage handover "Contract to kickoff"', at: 'phase purchase', says: /Expected `\{`.*A stage is written `stage NAME "Label" \{ … \}`/ },

    // ---- Missing values ----
    { name: 'a touchpoint without a name', file: ONBOARDING, find: 'touchpoint kickoff_call "Kickoff', replace: 'touchpoint "Kickoff', says: /Expected a name but found the text "Kickoff.*A touchpoint is written `touchpoint NAME "Label"/ },
    { name: 'a touchpoint without a label', file: ONBOARDING, find: 'touchpoint kickoff_call "Kickoff call with the onboarding manager" {', replace: 'touchpoint kickoff_call {', says: /Expected a "quoted text" but found `\{`/ },
    { name: 'an emotion without its number', file: ONBOARDING, find: 'emotion 1 "Relieved"', replace: 'emotion "Relieved"', says: /Expected a number but found the text "Relieved"/ },
    { name: 'a review without its date', file: ONBOARDING, find: 'reviewed 2026-11-12 every 90 days', replace: 'reviewed every 90 days', says: /Expected a date \(YYYY-MM-DD\) but found `every`/ },
    { name: 'an action without its text', file: ONBOARDING, find: 'action "Forwards the six-week plan to her depot leads and books the kickoff"', replace: 'action', says: /Expected a "quoted text" but found `thinks`/ },
    { name: 'a text without quotes', file: ONBOARDING, find: 'action "Forwards the six-week plan to her depot leads and books the kickoff"', replace: 'action Forwards the plan', says: /Expected a "quoted text" \(texts go in double quotes\) but found `Forwards`/ },
    { name: 'an owner without a team', file: ONBOARDING, find: '    owner fleet_success\n    reviewed', replace: '    owner\n    reviewed', says: /This line ends too early: `reviewed` on the next line was read as the rest of its `owner`\. An `owner` line is written `owner TEAM`/ },
    { name: 'a severity without its number', file: ONBOARDING, find: 'severity 3', replace: 'severity', says: /Expected a number/ },
    { name: 'a kpi without its value', file: ONBOARDING, find: 'kpi support_csat 4.1 target 4.0', replace: 'kpi support_csat target 4.0', says: /Expected a number, a percentage such as 5% or `from` but found `target`/ },

    // ---- Wrong keyword values ----
    { name: 'a misspelt channel mode', file: 'shared/channels.journey', find: 'channel website "brightspoke.com" online', replace: 'channel website "brightspoke.com" onilne', says: /Expected `online` or `offline` but found `onilne`\. Did you mean `online`\?/ },
    { name: 'a phase written with a space', file: ONBOARDING, find: 'phase post-purchase', replace: 'phase post purchase', says: /but found `post`\. Did you mean `post-purchase`\?/ },
    { name: 'a metric kind that does not exist', file: 'shared/metrics.journey', find: 'metric support_csat "Support CSAT (post-contact survey)" scale 1 to 5', replace: 'metric support_csat "Support CSAT (post-contact survey)" number', says: /Expected `percent` or `scale` but found `number`/ },
    { name: 'a misspelt source kind', file: 'shared/evidence.journey', find: 'survey 2026-09-30 sample 50', replace: 'survy 2026-09-30 sample 50', says: /Did you mean `survey`\?/ },
    { name: 'a misspelt plan status', file: EBIKE, find: '        status doing', replace: '        status doign', says: /Expected `open`, `doing` or `done` but found `doign`\. Did you mean `doing`\?/ },
    { name: 'a misspelt journey state', file: ONBOARDING, find: '    state current', replace: '    state curent', says: /Did you mean `current`\?/ },

    // ---- Punctuation ----
    { name: 'a YAML-style colon after a keyword', file: ONBOARDING, find: 'emotion 1 "Relieved"', replace: 'emotion: 1 "Relieved"', says: /`emotion -1`, not `emotion: -1`/ },
    { name: 'a YAML-style colon before a text', file: ONBOARDING, find: 'action "Forwards', replace: 'action: "Forwards', says: /A `:` has no meaning here/ },
    { name: 'a comma after `serves`', file: ONBOARDING, find: '            serves smooth_changeover\n            serves fleet_uptime', replace: '            serves smooth_changeover, fleet_uptime', at: 'serves smooth_changeover, fleet_uptime', says: /One `serves` names one need/ },
    { name: 'a missing comma in a persona line', file: ONBOARDING, find: 'persona dana, marco', replace: 'persona dana marco', says: /Is a `,` missing between `dana` and `marco`\? The names of a list are separated by commas\. A `persona` line is written `persona PERSONA, …`/ },
    { name: 'a missing comma in an evidence list', file: ONBOARDING, find: 'evidence depot_visits, fleet_tickets\n', replace: 'evidence depot_visits fleet_tickets\n', says: /Is a `,` missing between `depot_visits` and `fleet_tickets`?/ },
    { name: 'a decimal comma', file: ONBOARDING, find: 'kpi week1_active_riders 87% target 85%', replace: 'kpi week1_active_riders 87,5% target 85%', says: /decimal point: `87\.`, not `87,`/ },
    { name: 'single quotes around a text', file: ONBOARDING, find: 'thinks "Eight weeks is tight, but at least there is a plan with dates"', replace: 'thinks \'Eight weeks is tight\'', says: /Texts go in double quotes/ },
    { name: 'curly quotes from a word processor', file: ONBOARDING, find: 'thinks "Eight weeks is tight, but at least there is a plan with dates"', replace: 'thinks \u201CEight weeks is tight\u201D', says: /Texts go in straight double quotes/ },
    { name: 'a space before a percent sign', file: ONBOARDING, find: 'kpi week1_active_riders 87% target 85%', replace: 'kpi week1_active_riders 87 % target 85%', says: /A percentage is written right after its number, without a space: `5%`/ },
    { name: 'a touchpoint outside any stage', file: ONBOARDING, find: '\n    stage handover "Contract to kickoff" {', replace: '\n    touchpoint intro_call "Intro call"\n    stage handover "Contract to kickoff" {', at: 'touchpoint intro_call', says: /`touchpoint` goes inside a stage, but here it is directly in a journey: put it inside one stage/ },
    { name: 'a hyphen in a name', file: ONBOARDING, find: 'touchpoint kickoff_call "Kickoff', replace: 'touchpoint kick-off "Kickoff', says: /A name cannot contain `-`/ },
    { name: 'a flow without its arrow', file: EBIKE, find: 'flow showroom_ride -> sizing_chat', replace: 'flow showroom_ride sizing_chat', says: /Expected `->`/ },

    // ---- Texts and comments left open ----
    { name: 'a text without its closing quote', file: ONBOARDING, find: 'action "Forwards the six-week plan to her depot leads and books the kickoff"', replace: 'action "Forwards the six-week plan to her depot leads and books the kickoff', says: /The text opened here runs on to line \d+: is its closing `"` missing\?/ },
    { name: 'a label without its closing quote', file: ONBOARDING, find: 'touchpoint kickoff_call "Kickoff call with the onboarding manager" {', replace: 'touchpoint kickoff_call "Kickoff call with the onboarding manager {', says: /The text opened here runs on to line \d+/ },
    { name: 'a stray quote in the last text of a file', file: 'personas/dana.journey', find: '    motivation "Riders quitting costs her more than bikes do"', replace: '    motivation "Riders "quitting costs her more than bikes do"', says: /A `"` inside a text ends it, so the text stops before `quitting`: write `\\"`/ },
    { name: 'an unclosed block comment', file: ONBOARDING, find: '        touchpoint kickoff_call', replace: '        /* draft\n        touchpoint kickoff_call', at: '/* draft', says: /This comment is never closed: add `\*\/`/ },

    // ---- Dates ----
    { name: 'an impossible date', file: ONBOARDING, find: 'reviewed 2026-11-12', replace: 'reviewed 2026-02-30', says: /`2026-02-30` is not a calendar date: February 2026 has 28 days/ },
    { name: 'a date not written YYYY-MM-DD', file: 'shared/evidence.journey', find: 'survey 2026-09-30 sample 50', replace: 'survey 2026-9-30 sample 50', says: /not a date: write YYYY-MM-DD.*`2026-09-30`/ },
];

/** The file's text with the mistake made. */
export function applyMistake(text: string, mistake: Mistake): string {
    if (!text.includes(mistake.find)) {
        throw new Error(`${mistake.name}: ${mistake.file} has no ${JSON.stringify(mistake.find)}`);
    }
    return text.replace(mistake.find, () => mistake.replace);
}

/** The 1-based line the error must be on, in the mutated text. */
export function mistakeLine(mutated: string, mistake: Mistake): number {
    const lines = mutated.split(/\r?\n/);
    if (mistake.lastLine) {
        return lines.reduce((last, line, index) => (line.trim() ? index + 1 : last), 0);
    }
    const at = mistake.at ?? mistake.replace.split('\n')[0];
    const index = lines.findIndex(line => line.includes(at));
    if (index < 0) {
        throw new Error(`${mistake.name}: no line holds ${JSON.stringify(at)}`);
    }
    return index + 1;
}

/** The .journey files of the workspace the mistakes are made in, by path relative to it. */
export function workspaceFiles(): Record<string, string> {
    return journeyFiles(WORKSPACE);
}

/**
 * The workspace as the editor holds it: built once, then each mistake typed into one open file and
 * taken back, so that every case also checks that the other files are re-checked when a file breaks
 * and again when it is mended.
 */
export class EditorWorkspace {
    private workspace: BuiltWorkspace | undefined;
    private version = 0;

    constructor(private readonly files: Record<string, string>, private readonly today: CalendarDate) {}

    async build(): Promise<void> {
        this.workspace = await buildWorkspace(this.files, ({ services }) => { services.validation.JourneySettings.today = this.today; });
    }

    /** Replaces the text of `file` as an editor's change would, and returns every file's diagnostics. */
    async typeInto(file: string, text: string): Promise<Map<string, Diagnostic[]>> {
        const workspace = this.workspace!;
        const uri = workspace.doc(file).uri;
        workspace.shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'journey', ++this.version, text));
        await workspace.shared.workspace.DocumentBuilder.update([uri], []);
        return new Map(Object.keys(this.files).filter(name => !isDataFile(name)).map(name =>
            [name, workspace.shared.workspace.LangiumDocuments.getDocument(workspace.doc(name).uri)?.diagnostics ?? []]));
    }
}
