/** Small workspaces shared by the process tests (CLI and language server). */

export const PERSONAS = `team success "Customer Success"
channel email "Email" online

persona olivia "Olivia, Operations Manager" {
    need clear_pricing "Know the total cost" importance 5
    need fast_setup "Be productive within one week" importance 4
}
`;

/** A journey with one error (unresolved channel) and one warning (fast_setup is not served). */
export const RENEWAL_WITH_PROBLEMS = `journey renewal "Olivia replaces her tool" {
    persona olivia
    trigger "Her contract renews in 60 days"
    stage notice "Renewal notice" {
        phase pre-purchase
        touchpoint quote "Renewal quote arrives" {
            channel emial
            owner success
            serves clear_pricing
        }
    }
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
}
`;

export const RENEWAL_CLEAN = `journey renewal "Olivia replaces her tool" {
    persona olivia
    stage notice "Renewal notice" {
        touchpoint quote "Renewal quote arrives" { channel email serves clear_pricing serves fast_setup }
    }
}
`;
