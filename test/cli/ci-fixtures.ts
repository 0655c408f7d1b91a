// The workspace of the CI format tests (ci-formats.test.ts, and binary.test.ts, which runs the built
// binary on it): every severity, and the characters each format must escape.
import { RENEWAL_WITH_PROBLEMS, RENEWAL_WITH_WARNINGS } from './format-fixtures.js';

/** "today" is fixed so that date rules cannot change the output between runs. */
export const TODAY = ['--today', '2026-01-15'];
export const CI_FORMATS = ['gitlab', 'junit', 'markdown'] as const;
export const VARIANTS: string[][] = [[], ['--info'], ['--quiet']];

/*
 * The maps of formats.test.ts (all three severities), with a need title that has what each format must
 * escape: a line break, `%`, `,`, `:`, `& < > " '`, `|`, backticks and a control character (BEL), which
 * XML 1.0 does not allow. The need-not-served warning quotes it.
 */
export const NEED_TITLE = 'Live in 1 week,\n100% <set up> | R&D\'s `fast` \u0007 path';
export const PERSONAS = `team success "Customer Success"
channel email "Email" online

persona olivia "Olivia, Operations Manager" {
    need clear_pricing "Know the total cost" importance 5
    need fast_setup "${NEED_TITLE}" importance 4
}
`;


/** A folder whose name has what XML and Markdown escape. */
export const ODD_FOLDER = 'R&D <q3>, "plans" \'26 | `x`';

/** The files of a workspace with an error, warnings, info, a file without problems, and odd characters. */
export function mixedWorkspaceFiles(): Record<string, string> {
    return {
        'shared/personas.journey': PERSONAS,
        [`${ODD_FOLDER}/renewal.journey`]: RENEWAL_WITH_PROBLEMS,
        'warnings.journey': RENEWAL_WITH_WARNINGS.replace('journey renewal', 'journey renewal_two'),
    };
}
