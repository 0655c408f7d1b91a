// Every message is for people: no `undefined`, `null`, `[object …]`, NaN, grammar rule names or token
// type names. What the user wrote appears in backticks or quotes, so only `undefined`, `[object` and
// `NaN` (which no one writes, and a missing value prints) are looked for there too.
import { JourneyDocumentValidator } from '@journey/language';

/** Words a missing value or an object turned to text prints, anywhere in a message. */
const PRINTED_BY_MISTAKE = /undefined|\[object|\bNaN\b|\u200B/g;
/** Internal words no message may show in its own words. */
// (Rule names that are also English words, such as Name and Model, cannot be told from a sentence.)
const INTERNAL = /\bnull\b|\bID\b|\bSTRING\b|\bEOF\b|\btoken of type\b|Expecting|\b(?:QualifiedName|ChannelMode|SourceKind|JourneyState|PersonaLine|StagePhase)\b/g;

/** The words of a message that are not for people, if any. */
export function internalWordsIn(message: string): string[] {
    const own = message.replace(/`[^`]*`/g, '``').replace(/"(?:\\.|[^"\\])*"/g, '""');
    return [...message.matchAll(PRINTED_BY_MISTAKE), ...own.matchAll(INTERNAL)].map(match => match[0]);
}

/**
 * Makes every diagnostic the language produces in this test process pass the check: the suite's
 * thousands of texts are the corpus. Installed for the unit tests (the ones that run the language in process) by vitest.config.ts.
 */
const checked = Symbol.for('journey.messagesForPeople');

export function checkEveryMessage(): void {
    // Once per process: test files that share a worker share the module, so it may already be installed.
    if (checked in JourneyDocumentValidator.prototype) {
        return;
    }
    Object.defineProperty(JourneyDocumentValidator.prototype, checked, { value: true });
    const validate = JourneyDocumentValidator.prototype.validateDocument;
    JourneyDocumentValidator.prototype.validateDocument = async function (this: JourneyDocumentValidator, ...args) {
        const diagnostics = await validate.apply(this, args);
        for (const diagnostic of diagnostics) {
            const words = internalWordsIn(diagnostic.message);
            if (words.length > 0) {
                throw new Error(`A message shows ${words.map(word => `"${word}"`).join(', ')}, which is not for people: ${diagnostic.message}`);
            }
        }
        return diagnostics;
    };
}
