// The maps the format tests lint (formats.test.ts, ci-formats.test.ts): every severity, in known places.

/** Warnings (an unserved need, an empty stage, …) and an info (a touchpoint without channel); no error. */
export const RENEWAL_WITH_WARNINGS = `journey renewal "Olivia replaces her tool" {
    persona olivia
    trigger "Her contract renews in 60 days"
    owner success
    stage notice "Renewal notice" {
        phase pre-purchase
        touchpoint quote "Renewal quote arrives" { serves clear_pricing }
    }
    stage empty "Nothing here yet" {
    }
}
`;

/** The same, plus an error: an unknown channel (line 8). */
export const RENEWAL_WITH_PROBLEMS = RENEWAL_WITH_WARNINGS.replace(
    '{ serves clear_pricing }\n',
    '{ serves clear_pricing }\n        touchpoint call "Sales call" { channel emial }\n',
);
