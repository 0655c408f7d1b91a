// A small workspace of four files that refer to each other across files (teams and channels, personas
// and their needs, a metric, two journeys): the starting point of the property tests that edit a
// workspace at random (incremental builds, lint --cache) and compare the result with a fresh one.
export const CROSS_FILE_WORKSPACE: Record<string, string> = {
    'shared/teams.journey': 'team success "Customer Success"\nteam sales "Sales"\nchannel email "Email" online\nchannel phone "Phone" offline\nsource survey "Survey" survey\n',
    'shared/people.journey': [
        'persona olivia "Olivia" {', '    need fast_setup "Be productive within a week" importance 4', '    need pricing "Know the cost" importance 5', '}',
        'persona ben "Ben" {', '    need support "Get help quickly" importance 4', '}',
        'metric csat "Customer satisfaction" scale 1 to 5',
    ].join('\n') + '\n',
    'journeys/onboarding.journey': [
        'journey onboarding "Olivia gets started" {', '    persona olivia', '    trigger "She signed"', '    owner success',
        '    reviewed 2026-11-01 every 90 days',
        '    stage welcome "Welcome" {', '        phase post-purchase',
        '        touchpoint mail "Welcome email" {', '            channel email', '            serves fast_setup', '            emotion 2',
        '            kpi csat 4.2 target 4 source survey', '        }', '    }',
        '    stage pay "Pay" {', '        phase purchase', '        touchpoint call "Pricing call" {', '            channel phone',
        '            owner sales', '            serves pricing', '        }', '    }', '}',
    ].join('\n') + '\n',
    'journeys/support.journey': [
        'journey helpdesk "Ben asks for help" {', '    persona ben', '    trigger "Something broke"',
        '    reviewed 2026-11-01 every 90 days',
        '    stage ask "Ask" {', '        phase post-purchase', '        touchpoint ticket "Ticket" {', '            channel email',
        '            owner success', '            serves support', '        }', '    }', '}',
    ].join('\n') + '\n',
};
