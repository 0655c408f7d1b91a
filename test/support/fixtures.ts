/** Small workspaces shared by the process tests (CLI and language server). */

export const PERSONAS = `team success "Customer Success"
channel email "Email" online
source survey "Customer survey" survey 2026-09-30 sample 120

persona olivia "Olivia, Operations Manager" {
    need clear_pricing "Know the total cost" importance 5
    need fast_setup "Be productive within one week" importance 4
}
`;

/**
 * The journey lines every fixture shares, so that only the problems a test is about are reported:
 * a trigger, an owner, a review that stays fresh whatever the clock says, and a post-purchase stage.
 */
const HEADER = `    trigger "Her contract renews in 60 days"
    owner success
    reviewed 2026-11-01 every 36500 days`;
const ONBOARDING = `    stage onboarding "Onboarding" {
        phase post-purchase
        touchpoint kickoff "Kick-off" { channel email evidence survey emotion 1 }
    }`;

/** A journey with one error (unresolved channel) and one warning (fast_setup is not served). */
export const RENEWAL_WITH_PROBLEMS = `journey renewal "Olivia replaces her tool" {
    persona olivia
    stage notice "Renewal notice" {
        phase pre-purchase
        touchpoint quote "Renewal quote arrives" {
            channel emial
            owner success
            serves clear_pricing
        }
    }
${ONBOARDING}
${HEADER}
}
`;

/** A journey with warnings only: an empty stage and an unserved need. */
export const RENEWAL_WITH_WARNINGS = `journey renewal "Olivia replaces her tool" {
    persona olivia
    stage notice "Renewal notice" {
        touchpoint quote "Renewal quote arrives" { channel email serves clear_pricing }
    }
    stage empty "Nothing here yet" {
    }
${ONBOARDING}
${HEADER}
}
`;

export const RENEWAL_CLEAN = `journey renewal "Olivia replaces her tool" {
    persona olivia
    stage notice "Renewal notice" {
        touchpoint quote "Renewal quote arrives" { channel email serves clear_pricing serves fast_setup }
    }
${ONBOARDING}
${HEADER}
}
`;
