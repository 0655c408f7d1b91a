// Size (issue 15, item 3): nothing in the parser, the validator, the formatter or the CLI's formatters
// may use recursion or an argument spread (`push(...list)`, `Math.max(...list)`) that grows with the
// input. Each test feeds enough of one thing (comment lines, findings, a line's length) to overflow the
// stack the way the code was before, in process. The timed figures are in bench/size-bench.mjs.
import { formatJourneyDocument, hasSyntaxErrors, type JourneyDslAstType, type Model } from '@journey/language';
import type { CompositeCstNode } from 'langium';
import { importMermaid } from '@journey/interchange';
import { describe, expect, it } from 'vitest';
import { formatters, type FormatterContext } from '../../packages/cli/src/formatters/index.js';
import type { LintMessage, LintResult } from '../../packages/cli/src/lint-results.js';
import { ruleSummaries } from '../../packages/cli/src/rule-summaries.js';
import { buildOne, createWorkspace, uriOf } from '../language/workspace-helper.js';

/** More than the ~130,000 arguments a call takes before V8's stack overflows. */
const MANY = 200_000;

describe('size: no stack that grows with the input', () => {
    it(`parses, validates and formats ${MANY.toLocaleString('en')} comment lines`, async () => {
        // Langium put a file's comments into the CST with `unshift(...comments)`: 100,000 overflowed.
        const text = '// a comment\n'.repeat(MANY);
        const { document, diagnostics, workspace } = await buildOne(text);
        expect(hasSyntaxErrors(document)).toBe(false);
        expect(diagnostics).toEqual([]);
        expect((document.parseResult.value.$cstNode as CompositeCstNode).content).toHaveLength(MANY);
        expect(formatJourneyDocument(workspace.services, document)).toBe(text);
    });

    it('keeps comments between many declarations in their place in the CST', async () => {
        // The comments before each token: Langium spliced them off the front of the file's list of
        // comments and looked for the new node from the front of its parent's children (quadratic).
        const count = 20_000;
        const text = Array.from({ length: count }, (_, i) => `// team ${i}\nteam t${i} "Team ${i}" /* after ${i} */`).join('\n') + '\n';
        const { document, diagnostics, workspace } = await buildOne(text);
        expect(diagnostics).toEqual([]);
        const root = document.parseResult.value.$cstNode as CompositeCstNode;
        // Each comment is a child of the file, before the declaration that follows it, in the text's order.
        expect(Array.from(root.content, node => node.hidden ? node.text : node.astNode.$type)).toEqual(Array.from({ length: count },
            (_, i) => i === 0 ? ['// team 0', 'Team'] : [`/* after ${i - 1} */`, `// team ${i}`, 'Team']).flat().concat(`/* after ${count - 1} */`));
        expect(document.parseResult.value.declarations[0].$cstNode!.text).toBe('team t0 "Team 0"');
        expect(formatJourneyDocument(workspace.services, document)).toBe(text);
    });

    it('reads a text of 5 MB on one line', async () => {
        // The STRING terminal took one regular-expression backtracking step per character: it
        // overflowed at a few million characters.
        const label = 'a'.repeat(5_000_000);
        const { document, diagnostics } = await buildOne(`team t "${label}"\n`);
        expect(diagnostics).toEqual([]);
        expect(document.parseResult.value.declarations[0]).toMatchObject({ name: 't', label });
    });

    it('reads texts with escapes, and a text never closed, as before', async () => {
        const { document } = await buildOne('team t "a \\"quoted\\" \\\\ word"\nteam u "two\nlines"\n');
        expect(document.parseResult.value.declarations.map(d => 'label' in d && d.label)).toEqual(['a "quoted" \\ word', 'two\nlines']);
        const unclosed = await buildOne(`team t "${'x'.repeat(1_000_000)}\n`);
        expect(unclosed.diagnostics.map(d => d.code)).toEqual(['syntax']);
    });

    it(`reports ${MANY.toLocaleString('en')} findings of one file`, async () => {
        // Langium's validator added the checks' findings with `push(...findings)`; with this many it
        // overflowed, logged the error, and the file was reported clean. A check of these services alone
        // reports them (so many real findings take long to make: 150,000 personas without needs, 20 s).
        // Services of this test only (a registered check stays registered): never lent to another test.
        const { shared, services } = createWorkspace();
        services.validation.ValidationRegistry.register<JourneyDslAstType>({
            Team: (team, accept) => {
                for (let i = 0; i < MANY; i++) {
                    accept('warning', `Finding ${i} on this team.`, { node: team, property: 'name' });
                }
            },
        });
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>('team t "T"\n', uriOf('a.journey'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const diagnostics = document.diagnostics ?? [];
        expect(document.parseResult.value.declarations).toHaveLength(1);
        expect(diagnostics).toHaveLength(MANY);
        expect(new Set(diagnostics.map(d => d.message)).size).toBe(MANY);
    });

    it(`formats ${MANY.toLocaleString('en')} problems of one file in every format`, () => {
        // The stylish formatter measured its columns with `Math.max(...widths)`.
        const messages: LintMessage[] = Array.from({ length: MANY }, (_, i) => ({
            ruleId: 'persona-without-needs', severity: 1, message: `Persona \`p${i}\` declares no need.`,
            line: i + 1, column: 1, endLine: i + 1, endColumn: 10,
        }));
        const result: LintResult = {
            filePath: '/ws/a.journey', messages, suppressedMessages: [], errorCount: 0, fatalErrorCount: 0,
            warningCount: MANY, fixableErrorCount: 0, fixableWarningCount: 0, usedDeprecatedRules: [],
        };
        const context: FormatterContext = { cwd: '/ws', color: false, version: '0.0.0', rules: ruleSummaries() };
        for (const name of ['stylish', 'json', 'sarif'] as const) {
            expect(formatters[name]([result], context), name).toContain(`p${MANY - 1}`);
        }
    });

    it('imports a Mermaid diagram of 800 KB', () => {
        // Mermaid's text preparation kept each character's line with `origin.push(...slice)`.
        const lines = ['journey', 'title Big'];
        for (let s = 0; s < 20; s++) {
            lines.push(`section Stage ${s}`);
            for (let t = 0; t < 1000; t++) {
                lines.push(`  %% comment ${s} ${t}`, `  Task ${s} ${t}: 5: Me`);
            }
        }
        const imported = importMermaid(`${lines.join('\n')}\n`);
        expect(imported.journeys).toEqual(['big']);
        expect(imported.text).toContain('// comment 19 999');
    });
});
