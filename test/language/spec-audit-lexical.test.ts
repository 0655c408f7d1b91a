// Acceptance checks of the lexical rules, declarations and journeys of the language reference
// (docs/language.md) that the other language tests do not pin: date-shaped text that is not YYYY-MM-DD,
// unclosed texts and comments, every keyword in every name position, every declaration form, and the
// reference's worked example linted as one file.
import { createJourneyServices, isPersona, isSource, type Model } from '@journey/language';
import { AstUtils, EmptyFileSystem, GrammarAST, URI, type LangiumDocument } from 'langium';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { documentedFindings, severityName, workedExample } from './language-reference.js';
import { buildOne, diagnosticsOf, only, parse, parseErrorsOf, rangeOf, summarize } from './workspace-helper.js';

describe('a date not written YYYY-MM-DD is a syntax error on the whole date', () => {
    const contexts: Array<[string, (date: string) => string]> = [
        ['source', date => `source s "S" survey ${date} sample 10\n`],
        ['reviewed', date => `persona p "P" { need n "N" }
journey j "J" {
    persona p
    reviewed ${date} every 30 days
    stage s "S" { touchpoint t "T" { serves n } }
}
`],
        ['due', date => `persona p "P" { need n "N" }
journey j "J" {
    persona p
    stage s "S" { touchpoint t "T" { serves n } }
    plan x "X" { due ${date} status open }
}
`],
    ];
    const dates = ['2026-1-05', '26-01-05', '2026-09-301', '02026-09-30'];

    for (const [where, make] of contexts) {
        test.each(dates)(`%s in \`${where}\``, async date => {
            const text = make(date);
            const { document } = await buildOne(text);
            expect(parseErrorsOf(document)).toEqual([]);
            const diagnostic = only(diagnosticsOf(document, 'syntax'));
            expect(diagnostic.severity).toBe(1);
            expect(diagnostic.range).toEqual(rangeOf(text, date));
            expect(diagnostic.message).toContain(`\`${date}\``);
            expect(diagnostic.message).toContain('YYYY-MM-DD');
        });
    }

    test('the message offers the padded date when it is a real one', async () => {
        const { diagnostics } = await buildOne('source s "S" survey 2026-1-5\n');
        expect(only(diagnostics.filter(d => d.code === 'syntax')).message).toContain('`2026-01-05`');
        const { diagnostics: invalid } = await buildOne('source s "S" survey 2026-2-30\n');
        expect(only(invalid.filter(d => d.code === 'syntax')).message).not.toContain('2026-02-30');
    });
});

describe('unclosed texts and comments say what is missing, at the opening token', () => {
    test('a text never closed', async () => {
        const text = 'team a "A"\nteam t "Customer success\n';
        const { diagnostics } = await buildOne(text);
        const first = diagnostics.filter(d => d.code === 'syntax')[0];
        expect(first.range.start).toEqual(rangeOf(text, '"Customer').start);
        expect(first.message).toMatch(/never closed/);
        expect(first.message).not.toMatch(/Unexpected character/);
    });

    test('a block comment never closed', async () => {
        const text = 'team a "A"\n/* draft\nteam t "T"\n';
        const { diagnostics } = await buildOne(text);
        const first = diagnostics.filter(d => d.code === 'syntax')[0];
        expect(first.range.start).toEqual(rangeOf(text, '/*').start);
        expect(first.message).toMatch(/never closed/);
        expect(first.message).toContain('*/');
    });

    test('a stray character is still reported as such', async () => {
        const text = 'team a "A" #\n';
        const { diagnostics } = await buildOne(text);
        const diagnostic = only(diagnostics.filter(d => d.code === 'syntax'));
        expect(diagnostic.range).toEqual(rangeOf(text, '#'));
        expect(diagnostic.message).toMatch(/Unexpected `#`: it has no meaning here/);
    });
});

test('a wrong source kind lists all eight kinds', async () => {
    const text = 'source s "S" poll\n';
    const { diagnostics } = await buildOne(text);
    const diagnostic = only(diagnostics.filter(d => d.code === 'syntax'));
    expect(diagnostic.range).toEqual(rangeOf(text, 'poll'));
    for (const kind of ['survey', 'interview', 'analytics', 'support', 'crm', 'review', 'observation', 'other']) {
        expect(diagnostic.message).toContain(`\`${kind}\``);
    }
});

describe('names', () => {
    test('`[A-Za-z_][A-Za-z0-9_]*`', () => {
        const document = parse('team _ "A"\nteam _1 "B"\nteam A9_z "C"\nteam __init__ "D"\n');
        expect(parseErrorsOf(document)).toEqual([]);
        expect(document.parseResult.value.declarations.map(d => d.name)).toEqual(['_', '_1', 'A9_z', '__init__']);
    });

    test.each([
        ['team 9lives "A"\n', '9'],
        ['team café "A"\n', 'é'],
        ['team ops-team "A"\n', '-'],
    ])('%j is an error at the character that is not part of a name', async (text, at) => {
        const { diagnostics } = await buildOne(text);
        const first = diagnostics.filter(d => d.code === 'syntax')[0];
        expect(first.range.start).toEqual(rangeOf(text, at).start);
    });
});

describe('every keyword is a valid name in every name position', () => {
    // Every declaration and reference form of the two spec sections; each UPPER-CASE slot is a name.
    const template = `team TEAM "T"
channel CHAN "C" online
metric MET "M" scale -2 to 5 lower is better
metric PCT "P" percent
competitor COMP "K"
source SRC "S" survey 2026-01-01 sample 3
persona PERS "P" {
    description "d"
    need NEED "N" importance 3
    prefers CHAN
}
persona OTHER "P2" { need NEEDTWO "n2" }
journey JOUR "J" {
    persona PERS, OTHER
    trigger "t"
    state current
    owner TEAM
    reviewed 2026-11-01 every 30 days
    stage STAGE "S" {
        phase post-purchase
        touchpoint TPA "A" {
            channel CHAN
            owner TEAM
            by PERS
            emotion 1 "e"
            serves NEED
            serves OTHER.NEEDTWO
            kpi MET 3 target 2 source SRC
            kpi PCT 3% target 2%
            evidence SRC
            moment of truth
            pain INNERPAIN "p2" severity 2
        }
        touchpoint TPB "B"
        pain PAIN "p" at TPA severity 3 evidence SRC
        opportunity OPP "o" for PAIN, INNERPAIN owner TEAM
    }
    flow TPA -> TPB "lab" -> TPA
    valuegap {
        NEED us 3 COMP 2
        OTHER.NEEDTWO us 3 COMP 2
    }
    plan PLAN "pl" { addresses PAIN, OPP owner TEAM due 2027-01-01 target PCT 5% status doing }
}
journey FUTURE "J2" {
    persona PERS
    state future of JOUR
    stage s2 "S" { touchpoint t2 "T" { serves PERS.NEED } }
}
`;
    const slots = ['INNERPAIN', 'NEEDTWO', 'FUTURE', 'OTHER', 'STAGE', 'TEAM', 'CHAN', 'COMP', 'PERS', 'NEED', 'JOUR',
        'PAIN', 'PLAN', 'MET', 'PCT', 'SRC', 'TPA', 'TPB', 'OPP'];

    function instantiate(slot: string, keyword: string): string {
        let text = template;
        for (const other of slots) {
            text = text.replaceAll(other, other === slot ? keyword : `${other.toLowerCase()}_x`);
        }
        return text;
    }

    test('all of them, resolved', async () => {
        const { shared, Journey } = createJourneyServices({ ...EmptyFileSystem });
        const keywords = [...new Set(AstUtils.streamAllContents(Journey.Grammar)
            .filter(GrammarAST.isKeyword)
            .map(keyword => keyword.value)
            .filter(value => /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)))].sort();
        expect(keywords.length).toBeGreaterThan(60);
        const failures: string[] = [];
        let n = 0;
        // The plain template first: it must be free of errors, or the loop proves nothing.
        for (const [slot, keyword] of [['TEAM', 'team_x'], ...keywords.flatMap(k => slots.map(s => [s, k]))]) {
            const text = instantiate(slot, keyword);
            const uri = URI.parse(`file:///ws/k${n++}.journey`);
            const document: LangiumDocument<Model> = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: false });
            const problems = [
                ...parseErrorsOf(document),
                ...document.references.filter(reference => reference.error).map(reference => `unresolved ${reference.$refText}`),
            ];
            const declared = AstUtils.streamAst(document.parseResult.value)
                .filter(node => (node as { name?: unknown }).name === keyword).count();
            if (problems.length > 0 || declared !== 1) {
                failures.push(`${slot} = ${keyword}: ${problems.join('; ')}${declared !== 1 ? ` (${declared} declarations named so)` : ''}`);
            }
            shared.workspace.LangiumDocuments.deleteDocument(uri);
            shared.workspace.IndexManager.remove(uri);
        }
        expect(failures).toEqual([]);
    }, 60_000);

    test('a name resolution failure would be seen (control)', async () => {
        const { document } = await buildOne(instantiate('TEAM', 'team_x').replace('owner team_x\n    reviewed', 'owner tema_x\n    reviewed'));
        expect(summarize(diagnosticsOf(document, 'unresolved-reference'))).toHaveLength(1);
    });
});

describe('declarations', () => {
    test('`source NAME "Label" KIND [DATE] [sample N]` with each of the eight kinds', () => {
        const kinds = ['survey', 'interview', 'analytics', 'support', 'crm', 'review', 'observation', 'other'];
        const lines = kinds.map((kind, i) => `source s${i} "S" ${kind}${i % 2 ? ' 2026-09-30' : ''}${i % 4 < 2 ? '' : ` sample ${i}`}`);
        const document = parse(`${lines.join('\n')}\n`);
        expect(parseErrorsOf(document)).toEqual([]);
        const sources = document.parseResult.value.declarations.filter(isSource);
        expect(sources.map(s => [s.kind, s.date, s.sample])).toEqual(kinds.map((kind, i) =>
            [kind, i % 2 ? '2026-09-30' : undefined, i % 4 < 2 ? undefined : i]));
    });

    test('persona members in any order, repeatable', async () => {
        const text = `channel web "Web" online
channel phone "Phone" offline
persona p "P" {
    prefers web
    need n1 "N1"
    pain "p1"
    motivation "m1"
    goal "g1"
    description "d1"
    need n2 "N2" importance 1
    goal "g2"
    motivation "m2"
    prefers web, phone
    description "d2"
    pain "p2"
}
`;
        const { document } = await buildOne(text);
        expect(parseErrorsOf(document)).toEqual([]);
        expect(diagnosticsOf(document).filter(d => d.severity === 1)).toEqual([]);
        const persona = only(document.parseResult.value.declarations.filter(isPersona));
        expect([persona.descriptions, persona.goals, persona.needs, persona.pains, persona.motivations].map(list => list.length))
            .toEqual([2, 2, 2, 2, 2]);
        expect(persona.prefers.flatMap(line => line.channels.map(c => c.ref?.name))).toEqual(['web', 'web', 'phone']);
    });
});

test('the worked example of the language reference (docs/language.md), as one file, lints with exactly the findings the page lists', async () => {
    const example = workedExample();
    expect(example).toHaveLength(2);
    const documented = documentedFindings();
    expect(documented.malformed).toEqual([]);
    const text = example.map(file => file.text).join('');
    // Where each file's block starts in the joined text (0-based line).
    const firstLine = new Map<string, number>();
    let lines = 0;
    for (const file of example) {
        firstLine.set(file.file, lines);
        lines += file.text.split('\n').length - 1;
    }
    const { diagnostics } = await buildOne(text, workspace => {
        workspace.services.validation.JourneySettings.today = documented.today;
    });
    const textLines = text.split('\n');
    const found = diagnostics.map(d => `${d.range.start.line + 1} ${String(d.code)} ${severityName(d.severity)} `
        + textLines[d.range.start.line].slice(d.range.start.character, d.range.end.character));
    const expected = documented.findings
        .map(f => ({ line: firstLine.get(f.file)! + f.line, text: `${f.rule} ${f.severity} ${f.on}` }))
        .sort((a, b) => a.line - b.line)
        .map(f => `${f.line} ${f.text}`);
    expect(found).toEqual(expected);
    expect(found).toHaveLength(documented.count);
});

describe('a misspelled or misplaced member says what the block takes, at the member', () => {
    const journey = (stage: string) => `persona p "P" { need n "N" }
journey j "J" {
    persona p
    stage s "S" { ${stage} }
}
`;
    test.each([
        ['golas', 'a persona', '`goal`', 'persona p "P" { need n "N"\n    golas "Lower costs"\n}\n'],
        ['chanel', 'a touchpoint', '`channel`', journey('touchpoint a "A" { chanel web serves n }')],
        ['quesiton', 'a stage', '`question`', journey('quesiton "Why?" touchpoint a "A" { serves n }')],
        ['trigeer', 'a journey', '`trigger`', 'journey j "J" {\n    trigeer "x"\n}\n'],
    ])('`%s` in %s', async (word, block, suggestion, text) => {
        const { diagnostics } = await buildOne(text);
        const first = diagnostics.filter(d => d.code === 'syntax')[0];
        expect(first.range).toEqual(rangeOf(text, word));
        expect(first.message).toContain(`${block[0].toUpperCase()}${block.slice(1)} takes`);
        expect(first.message).toContain(`Did you mean ${suggestion}?`);
    });

    test('a plan member', async () => {
        const text = journey('touchpoint a "A" { serves n }').replace(/}\n$/, '    plan x "X" { stauts open }\n}\n');
        const { diagnostics } = await buildOne(text);
        const first = only(diagnostics.filter(d => d.code === 'syntax'));
        expect(first.range).toEqual(rangeOf(text, 'stauts'));
        expect(first.message).toContain('A plan takes `addresses`, `owner`, `due`, `target`, `status`');
        expect(first.message).toContain('Did you mean `status`?');
    });

    test('`serves a, b`: one `serves` names one need', async () => {
        const text = journey('touchpoint a "A" { serves n, n }');
        const { diagnostics } = await buildOne(text);
        const first = only(diagnostics.filter(d => d.code === 'syntax'));
        expect(first.range).toEqual(rangeOf(text, ','));
        expect(first.message).toMatch(/One `serves` names one need/);
    });

    test('at the top level, a word that starts no declaration: what a file declares, and the closest keyword as a fix', async () => {
        const text = 'team ops "Ops"\nchanel web "Web" online\n';
        const { diagnostics } = await buildOne(text);
        const first = only(diagnostics.filter(d => d.code === 'syntax'));
        expect(first.range).toEqual(rangeOf(text, 'chanel'));
        expect(first.message).toBe('Unknown declaration `chanel`. Did you mean `channel`? A file declares `team`, `channel`, `metric`, `competitor`, `source`, '
            + '`persona`, `journey`.');
        expect((first.data as { fixes: Array<{ title: string }> }).fixes.map(fix => fix.title)).toEqual(['Change to `channel`']);
        // A `}` too many is still said as such.
        const extra = await buildOne('team ops "Ops" }\n');
        expect(only(extra.diagnostics.filter(d => d.code === 'syntax')).message).toBe('This `}` closes nothing: it is one too many, or a `{` is missing above it.');
    });

    test('a block left open at the end of the file still says `}` is missing', async () => {
        const { diagnostics } = await buildOne('persona p "P" { need n "N"\n');
        expect(only(diagnostics.filter(d => d.code === 'syntax')).message).toBe('The file ends inside persona `p` (opened on line 1): add the `}` that closes it.');
    });
});

test('the language server reads a BOM file from disk as editors show it: positions on line 1 do not count the BOM', async () => {
    const { JourneyNodeFileSystem } = await import('../../packages/language/src/server/language-server.js');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'journey-bom-')), 'a.journey');
    writeFileSync(file, '\uFEFFpersona ben "Ben" { }\n');
    const { shared } = createJourneyServices({ ...JourneyNodeFileSystem });
    const document = await shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(file));
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    const diagnostic = only(diagnosticsOf(document, 'persona-without-needs'));
    expect(diagnostic.range).toEqual(rangeOf('persona ben "Ben" { }\n', 'ben'));
});
