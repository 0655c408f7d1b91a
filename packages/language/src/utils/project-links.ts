/** Where the project lives; every link we print or write (SARIF, hovers, schemas) starts here. */
export const REPOSITORY_URL = 'https://github.com/journey-maps/journey';

/** The documentation page of a rule: `docs/rules/<id>.md` in the repository. */
export function ruleDocUrl(ruleId: string): string {
    return `${REPOSITORY_URL}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}
