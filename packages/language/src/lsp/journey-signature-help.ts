import type { LangiumDocument, MaybePromise } from 'langium';
import type { SignatureHelpProvider } from 'langium/lsp';
import { MarkupKind, type SignatureHelp, type SignatureHelpOptions, type SignatureHelpParams, type SignatureInformation } from 'vscode-languageserver';
import { insideCommentOrString } from './cursor-context.js';
import { EMOTION_MEANINGS } from './journey-vocabulary.js';
import { formatNumber, SIGNED_SCORE } from '../model/number-format.js';

/** A member written as a keyword and its parts, each shown in turn as the cursor moves through them. */
interface Shape {
    label: string;
    parameters: Array<{ label: string; documentation: string }>;
    documentation: string;
}

const KPI_TYPED: Shape = {
    label: 'kpi METRIC VALUE [target VALUE] [source SOURCE]',
    documentation: 'A KPI measured at this touchpoint: the metric (declared with `metric`), its value (a number, or a percentage for a `percent` metric), what it should be, and where the number comes from.',
    parameters: [
        { label: 'METRIC', documentation: 'A metric declared with `metric NAME "Label" percent | scale LOW to HIGH`.' },
        { label: 'VALUE', documentation: 'The value now: `3.1%` for a percent metric, a number on the metric\'s scale otherwise; or `from SOURCE column "…" as AGGREGATE` to compute it from the source\'s data file.' },
        { label: '[target VALUE]', documentation: 'What it should be; the map marks the KPI on or off target (lower is better when the metric says so).' },
        { label: '[source SOURCE]', documentation: 'The source the number comes from (declared with `source`): a KPI with a source counts as evidence.' },
    ],
};

const KPI_COMPUTED: Shape = {
    label: 'kpi METRIC from SOURCE column "COLUMN" as AGGREGATE [where "COLUMN" = "VALUE" …] [target VALUE]',
    documentation: 'A KPI computed from the data file of a source (`source … data "PATH"`), when the document is checked.',
    parameters: [
        { label: 'METRIC', documentation: 'A metric declared with `metric`.' },
        { label: 'from SOURCE', documentation: 'A source with a `data "PATH"` CSV export.' },
        { label: 'column "COLUMN"', documentation: 'The column of the export that holds the answers.' },
        { label: 'as AGGREGATE', documentation: '`nps`, `csat`, `ces`, `mean`, `median`, `count`, or `share LOW to HIGH` (the part of the answers in that range).' },
        { label: '[where "COLUMN" = "VALUE" …]', documentation: 'Only the rows whose cell in that column is the value (`and` between several).' },
        { label: '[target VALUE]', documentation: 'What it should be.' },
    ],
};

const EMOTION: Shape = {
    label: 'emotion SCORE ["How it feels"]',
    documentation: 'How the persona feels at this touchpoint, drawn on the emotion curve.',
    parameters: [
        {
            label: 'SCORE',
            documentation: `From −3 to +3:\n\n${[...EMOTION_MEANINGS].map(([value, meaning]) => `- \`${formatNumber(value, SIGNED_SCORE)}\` ${meaning}`).join('\n')}`,
        },
        { label: '["How it feels"]', documentation: 'The feeling in the persona\'s words: `"Frustrated"`, `"Relieved"`. Shown under the point on the curve.' },
    ],
};

/**
 * Help as you type the members whose parts are easy to forget: after `kpi ` the parts of a KPI (typed or
 * computed), after `emotion ` the scale and its words, with the part the cursor is at in bold. Read from
 * the line before the cursor, so it answers while the line does not parse yet; never in a text or a comment.
 */
export class JourneySignatureHelpProvider implements SignatureHelpProvider {
    get signatureHelpOptions(): SignatureHelpOptions {
        return { triggerCharacters: [' '], retriggerCharacters: [' ', '"'] };
    }

    provideSignatureHelp(document: LangiumDocument, params: SignatureHelpParams): MaybePromise<SignatureHelp | undefined> {
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        if (insideCommentOrString(document, offset)) {
            return undefined;
        }
        const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
        const kpi = /(?:^|[\s{])kpi\s+(.*)$/.exec(line);
        if (kpi) {
            const words = typedWords(kpi[1]);
            const computed = words[1] === 'from';
            return help(computed ? KPI_COMPUTED : KPI_TYPED, computed ? computedPart(words) : typedPart(words));
        }
        const emotion = /(?:^|[\s{])emotion\s+(.*)$/.exec(line);
        if (emotion) {
            return help(EMOTION, typedWords(emotion[1]).length > 1 ? 1 : 0);
        }
        return undefined;
    }
}

/** The words typed so far; the last one is the one being written (empty after a space). */
function typedWords(rest: string): string[] {
    return rest.split(/\s+/);
}

function typedPart(words: string[]): number {
    const at = words.length - 1;
    if (at === 0) {
        return 0;
    }
    const last = [...words.slice(0, at)].reverse().find(word => word === 'target' || word === 'source');
    return last === 'source' ? 3 : last === 'target' ? 2 : at === 1 ? 1 : 2;
}

function computedPart(words: string[]): number {
    const keywords = ['from', 'column', 'as', 'where', 'target'];
    const last = [...words.slice(0, words.length - 1)].reverse().find(word => keywords.includes(word));
    return last === undefined ? 0 : keywords.indexOf(last) + 1;
}

function help(shape: Shape, activeParameter: number): SignatureHelp {
    const signature: SignatureInformation = {
        label: shape.label,
        documentation: { kind: MarkupKind.Markdown, value: shape.documentation },
        parameters: shape.parameters.map(parameter => ({
            label: parameter.label,
            documentation: { kind: MarkupKind.Markdown, value: parameter.documentation },
        })),
    };
    return { signatures: [signature], activeSignature: 0, activeParameter };
}
