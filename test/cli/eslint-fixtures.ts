// The maps of the ESLint-habit tests (eslint-habits.test.ts, and binary.test.ts, which runs the built
// binary on them), with the stylish reports they give.
import { PERSONAS, RENEWAL_CLEAN } from '../support/fixtures.js';

/** One error with a safe fix (the clamp), nothing else. */
export const OUT_OF_RANGE = RENEWAL_CLEAN.replace('emotion 1 }', 'emotion 7 }');
export const OUT_OF_RANGE_MESSAGE = 'Emotion 7 is outside the scale: use -3 (very negative) to +3 (very positive), e.g. 3.';
/** One unused suppression on line 10 (info by default, with a safe fix). */
export const UNUSED_SUPPRESSION = RENEWAL_CLEAN
    .replace('journey renewal', 'journey renewal_2')
    .replace('    trigger', '    // journey-disable-next-line stale-map\n    trigger');
export const UNUSED_SUPPRESSION_MESSAGE = 'This suppression silences nothing: no `stale-map` problem is reported on the next line. Remove it.';
/** One info finding (a touchpoint without channel), nothing else. */
export const NO_CHANNEL = RENEWAL_CLEAN.replace('journey renewal', 'journey renewal_3').replace('{ channel email serves clear_pricing', '{ serves clear_pricing');
export const NO_CHANNEL_MESSAGE = 'Touchpoint `quote` has no channel: add `channel NAME` (web, email, phone, store…) so the map shows where the customer meets us.';

export const OUT_OF_RANGE_REPORT = (file: string) => `\n${file}\n  8:79  error  ${OUT_OF_RANGE_MESSAGE}  emotion-out-of-range\n\n`
    + '\u2716 1 problem (1 error, 0 warnings)\n'
    + '  1 error and 0 warnings potentially fixable with the `--fix` option.\n\n';

/** An error and a warning that `--fix` fixes (the suppression made a warning by the configuration). */
export const FIXABLE_FILES: Record<string, string> = {
    'personas.journey': PERSONAS,
    'oor.journey': OUT_OF_RANGE,
    'sup.journey': UNUSED_SUPPRESSION,
    'journey.config.json': JSON.stringify({ rules: { 'unused-suppression': 'warning' } }),
};
export const FIXABLE_REPORT = `\noor.journey\n  8:79  error  ${OUT_OF_RANGE_MESSAGE}  emotion-out-of-range\n\n`
    + `sup.journey\n  10:34  warning  ${UNUSED_SUPPRESSION_MESSAGE}  unused-suppression\n\n`
    + '\u2716 2 problems (1 error, 1 warning)\n'
    + '  1 error and 1 warning potentially fixable with the `--fix` option.\n\n';
