// The spec's "Lexical rules": BOM, line ends, comments, strings, numbers, percentages, dates and
// keywords that stay usable as names.
import {
    isChannel, isJourney, isMetric, isPersona, isSource, isTeam, type Journey, type Model, type Persona
} from '@journey/language';
import { AstUtils, GrammarAST, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import {
    buildOne, CLEAN, core, createWorkspace, diagnosticsOf, only, parse, parseErrorsOf, rangeOf, summarize, wordRangeOf
} from './workspace-helper.js';

function journeyOf(document: LangiumDocument<Model>): Journey {
    return only(document.parseResult.value.declarations.filter(isJourney));
}

function personaOf(document: LangiumDocument<Model>): Persona {
    return only(document.parseResult.value.declarations.filter(isPersona));
}

describe('byte order mark', () => {
    test('a leading BOM is accepted', async () => {
        const text = `\uFEFF${CLEAN}`;
        const { document, diagnostics } = await buildOne(text);
        expect(parseErrorsOf(document)).toEqual([]);
        expect(summarize(core(diagnostics))).toEqual([]);
        expect(personaOf(document).name).toBe('olivia');
    });

    test('a leading BOM before a comment is accepted', () => {
        const document = parse('\uFEFF// shared declarations\nteam marketing "Marketing"\n');
        expect(parseErrorsOf(document)).toEqual([]);
        expect(document.parseResult.value.declarations.filter(isTeam).map(t => t.name)).toEqual(['marketing']);
    });

    test('diagnostics after a BOM point at the name', async () => {
        const text = '\uFEFFpersona ben "Ben" { }\n';
        const { diagnostics } = await buildOne(text);
        const diagnostic = only(core(diagnostics));
        expect(diagnostic.code).toBe('persona-without-needs');
        expect(diagnostic.range).toEqual(rangeOf(text, 'ben'));
    });
});

describe('CRLF line ends', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');

    test('a CRLF file parses like its LF twin', async () => {
        const text = crlf(CLEAN);
        const { document, diagnostics } = await buildOne(text);
        expect(parseErrorsOf(document)).toEqual([]);
        expect(summarize(core(diagnostics))).toEqual([]);
        expect(journeyOf(document).stages[0].touchpoints[0].name).toBe('quote');
    });

    test('diagnostic positions are right in a CRLF file', async () => {
        const text = crlf(`persona olivia "Olivia" {
    description "Spans
two lines"
    need clear_pricing "Know the cost"
}
journey renewal "Renewal" {
    persona olivia
    stage notice "Notice" { }
    stage quote "Quote" { touchpoint q "Q" { serves clear_pricing channel emial } }
}
`);
        const { document } = await buildOne(text);
        const empty = only(diagnosticsOf(document, 'stage-without-touchpoints'));
        expect(empty.range).toEqual(rangeOf(text, 'notice'));
        expect(empty.range).toEqual({ start: { line: 7, character: 10 }, end: { line: 7, character: 16 } });
        const unresolved = only(diagnosticsOf(document, 'unresolved-reference'));
        expect(unresolved.range).toEqual(rangeOf(text, 'emial'));
        expect(unresolved.range.start.line).toBe(8);
    });

    test('CST offsets of a CRLF file map back to the right text', () => {
        const text = crlf('team marketing "Marketing"\nteam sales "Sales"\n');
        const document = parse(text);
        const [, sales] = document.parseResult.value.declarations;
        const nameNode = sales.$cstNode!;
        expect(text.substring(nameNode.offset, nameNode.end)).toBe('team sales "Sales"');
        expect(nameNode.range.start).toEqual({ line: 1, character: 0 });
    });
});

describe('comments', () => {
    test('line and block comments are ignored anywhere between tokens', () => {
        const document = parse(`// A line comment at the top
/* A block comment
   spanning lines, with "quotes" and keywords: team persona journey */
team /* inline */ marketing "Marketing" // trailing
channel web "Website" /* between */ online
/**/ persona ben "Ben" { // inside a block
    need /* a need */ setup "Quick setup" importance /* five */ 5
}
`);
        expect(parseErrorsOf(document)).toEqual([]);
        const declarations = document.parseResult.value.declarations;
        expect(declarations.map(d => `${d.$type}:${d.name}`)).toEqual(['Team:marketing', 'Channel:web', 'Persona:ben']);
        const ben = declarations.find(isPersona)!;
        expect(ben.needs.map(n => [n.name, n.label, n.importance])).toEqual([['setup', 'Quick setup', 5]]);
    });

    test('a comment marker inside a string is text', () => {
        const document = parse('team a "see http://example.com /* not a comment */"\n');
        expect(parseErrorsOf(document)).toEqual([]);
        const team = only(document.parseResult.value.declarations.filter(isTeam));
        expect(team.label).toBe('see http://example.com /* not a comment */');
    });

    test('a line comment ends at a CR LF', () => {
        const document = parse('team a "A" // comment\r\nteam b "B"\r\n');
        expect(parseErrorsOf(document)).toEqual([]);
        expect(document.parseResult.value.declarations.map(d => d.name)).toEqual(['a', 'b']);
    });
});

describe('strings', () => {
    function labelOf(source: string): string {
        const document = parse(`team t ${source}\n`);
        expect(parseErrorsOf(document)).toEqual([]);
        return only(document.parseResult.value.declarations.filter(isTeam)).label;
    }

    test('escaped quote', () => {
        expect(labelOf(String.raw`"She said \"too expensive\""`)).toBe('She said "too expensive"');
    });

    test('escaped backslash', () => {
        expect(labelOf(String.raw`"C:\\Tools\\ops"`)).toBe('C:\\Tools\\ops');
        expect(labelOf(String.raw`"ends with a backslash \\"`)).toBe('ends with a backslash \\');
    });

    test('escaped newline', () => {
        expect(labelOf(String.raw`"first\nsecond"`)).toBe('first\nsecond');
    });

    test('any other backslash is a syntax error on the escape, saying which escapes there are', async () => {
        const text = String.raw`team a "C:\\Tools\\ok"
team b "C:\Users\x \t and \"quoted\" \n"
team c "two
lines \q"
`;
        const { diagnostics } = await buildOne(text);
        const found = diagnostics.filter(d => d.code === 'syntax')
            .map(d => [d.range.start.line, d.range.start.character, d.range.end.character, d.message.split(' is not')[0]]);
        expect(found).toEqual([[1, 10, 12, '`\\U`'], [1, 16, 18, '`\\x`'], [1, 19, 21, '`\\t`'], [3, 6, 8, '`\\q`']]);
        expect(found.length).toBe(diagnostics.length);
        expect(diagnostics[0].message).toBe(String.raw`${'`'}\U${'`'} is not an escape: a text takes ${'`'}\"${'`'} (a quote), ${'`'}\\${'`'} (a backslash) and ${'`'}\n${'`'} (a line break). Write ${'`'}\\${'`'} for a backslash.`);
    });

    test('a string may span lines', () => {
        expect(labelOf('"first line\nsecond line"')).toBe('first line\nsecond line');
    });

    test('CRLF inside a string reads as \\n', () => {
        expect(labelOf('"first line\r\nsecond line\r\nthird"')).toBe('first line\nsecond line\nthird');
    });

    test('CRLF and LF files give the same string value', () => {
        const lf = 'persona p "P" {\n    description "Runs ops.\n    Owns the budget."\n    need n "N"\n}\n';
        const values = [lf, lf.replace(/\n/g, '\r\n')].map(text => personaOf(parse(text)).descriptions[0].text);
        expect(values[0]).toBe('Runs ops.\n    Owns the budget.');
        expect(values[1]).toBe(values[0]);
    });

    test('the empty string', () => {
        expect(labelOf('""')).toBe('');
    });
});

describe('numbers and percentages', () => {
    const text = `metric nps "Net Promoter Score" scale -100 to +100
metric conversion "Conversion" percent
metric csat "CSAT" scale 1 to 5
persona p "P" { need n "N" importance 3 }
journey j "J" {
    persona p
    stage s "S" {
        touchpoint a "A" { emotion -2 serves n kpi conversion 3.1% target 5% }
        touchpoint b "B" { emotion +1 kpi csat 3.5 target 4 }
        touchpoint c "C" { emotion 3.5 kpi conversion -0.5% }
        touchpoint d "D" { emotion 0 }
    }
}
`;

    test('signed decimals', () => {
        const document = parse(text);
        expect(parseErrorsOf(document)).toEqual([]);
        const metrics = document.parseResult.value.declarations.filter(isMetric);
        expect(metrics.map(m => [m.name, m.percent, m.low, m.high])).toEqual([
            ['nps', false, -100, 100],
            ['conversion', true, undefined, undefined],
            ['csat', false, 1, 5],
        ]);
        const emotions = journeyOf(document).stages[0].touchpoints.map(t => t.emotions[0].value);
        expect(emotions).toEqual([-2, 1, 3.5, 0]);
        expect(emotions.every(value => typeof value === 'number')).toBe(true);
        expect(personaOf(document).needs[0].importance).toBe(3);
    });

    test('percentages are numbers followed by %', () => {
        const document = parse(text);
        const kpis = journeyOf(document).stages[0].touchpoints.flatMap(t => t.kpis);
        expect(kpis.map(k => [k.metric.$refText, k.value, k.target])).toEqual([
            ['conversion', '3.1%', '5%'],
            ['csat', '3.5', '4'],
            ['conversion', '-0.5%', undefined],
        ]);
    });

    test('source sample sizes are numbers', () => {
        const document = parse('source s "S" survey sample 412\n');
        expect(parseErrorsOf(document)).toEqual([]);
        expect(only(document.parseResult.value.declarations.filter(isSource)).sample).toBe(412);
    });
});

describe('dates', () => {
    test('dates are read as YYYY-MM-DD text', async () => {
        const text = `source survey_q3 "Q3 survey" survey 2026-09-30 sample 412
persona p "P" { need n "N" }
journey j "J" {
    persona p
    reviewed 2026-11-01 every 30 days
    stage s "S" { touchpoint t "T" { serves n } }
    plan x "X" { due 2027-01-15 status open }
}
`;
        const { document, diagnostics } = await buildOne(text);
        expect(parseErrorsOf(document)).toEqual([]);
        expect(summarize(diagnosticsOf(document, 'syntax'))).toEqual([]);
        expect(summarize(diagnostics.filter(d => d.severity === 1))).toEqual([]);
        const source = only(document.parseResult.value.declarations.filter(isSource));
        expect([source.date, source.sample]).toEqual(['2026-09-30', 412]);
        const journey = journeyOf(document);
        expect([journey.reviews[0].date, journey.reviews[0].every]).toEqual(['2026-11-01', 30]);
        expect(journey.plans[0].dues[0].date).toBe('2027-01-15');
    });

    test.each([
        ['2024-02-29', 'leap day'],
        ['2000-02-29', 'leap day of a year divisible by 400'],
        ['2026-12-31', 'last day of the year'],
        ['2026-01-01', 'first day of the year'],
        ['0000-02-29', 'leap day of year 0, which JavaScript dates would read as 1900'],
    ])('%s (%s) is a calendar date', async date => {
        const { diagnostics } = await buildOne(`source s "S" survey ${date}\n`);
        expect(summarize(core(diagnostics))).toEqual([]);
    });

    test.each([
        ['2026-02-30', 'February has 28 days'],
        ['2026-02-29', 'not a leap year'],
        ['2100-02-29', 'a century that is not a leap year'],
        ['0100-02-29', 'a century that is not a leap year, before 1000'],
        ['2026-13-01', 'no month 13'],
        ['2026-00-10', 'no month 0'],
        ['2026-04-31', 'April has 30 days'],
        ['2026-01-00', 'no day 0'],
        ['2026-01-32', 'no day 32'],
    ])('%s (%s) is a syntax error on the date', async date => {
        const text = `source s "S" survey ${date} sample 10\n`;
        const { diagnostics } = await buildOne(text);
        const diagnostic = only(core(diagnostics));
        expect(diagnostic.code).toBe('syntax');
        expect(diagnostic.severity).toBe(1);
        expect(diagnostic.range).toEqual(rangeOf(text, date));
        expect(diagnostic.message).toContain(date);
    });

    test('invalid dates in `reviewed` and `due` are syntax errors on the date', async () => {
        const text = `persona p "P" { need n "N" }
journey j "J" {
    persona p
    reviewed 2026-02-30 every 30 days
    stage s "S" { touchpoint t "T" { serves n } }
    plan x "X" { due 2026-13-01 }
}
`;
        const { diagnostics } = await buildOne(text);
        const syntax = diagnostics.filter(d => d.code === 'syntax');
        expect(syntax.map(d => d.range)).toEqual([rangeOf(text, '2026-02-30'), rangeOf(text, '2026-13-01')]);
        expect(syntax.every(d => d.severity === 1)).toBe(true);
        expect(syntax[0].message).toMatch(/February 2026 has 28 days/);
        expect(syntax[1].message).toMatch(/no month 13/);
    });
});

describe('keywords as names', () => {
    const text = `team state "State team"
channel online_store "Online store" online
persona olivia "Olivia" { need need "A need called need" }
journey plan "A journey called plan" {
    persona olivia
    trigger "A trigger"
    state current
    owner state
    stage purchase "Purchase" {
        phase purchase
        touchpoint trigger "A touchpoint called trigger" { channel online_store owner state serves need }
        touchpoint usage "Usage" { serves olivia.need }
        pain pain "A pain called pain" at trigger
        opportunity opportunity "An opportunity called opportunity" for pain owner state
    }
    flow trigger -> usage "goes on"
    plan state "A plan called state" { addresses pain, opportunity owner state status open }
}
`;

    test('parse as names and resolve as references', async () => {
        const { document, diagnostics } = await buildOne(text);
        expect(parseErrorsOf(document)).toEqual([]);
        expect(summarize(core(diagnostics))).toEqual([]);
        const declarations = document.parseResult.value.declarations;
        expect(only(declarations.filter(isTeam)).name).toBe('state');
        expect(only(declarations.filter(isChannel)).name).toBe('online_store');
        const journey = journeyOf(document);
        expect(journey.name).toBe('plan');
        expect(journey.states[0].current).toBe(true);
        const [stage] = journey.stages;
        expect([stage.name, stage.phases[0].phase]).toEqual(['purchase', 'purchase']);
        const [trigger] = stage.touchpoints;
        expect(trigger.name).toBe('trigger');
        expect(trigger.owners[0].team.ref?.name).toBe('state');
        expect(trigger.serves[0].need.ref?.name).toBe('need');
        expect(stage.pains[0].at?.ref).toBe(trigger);
        expect(journey.flows[0].start.ref).toBe(trigger);
        expect(journey.owners[0].team.ref).toBe(only(declarations.filter(isTeam)));
        expect(journey.plans[0].name).toBe('state');
        expect(journey.plans[0].addresses[0].items.map(i => i.ref?.name)).toEqual(['pain', 'opportunity']);
    });

    test('every keyword that looks like a name is a valid name', () => {
        const { services } = createWorkspace();
        const keywords = [...new Set(AstUtils.streamAllContents(services.Grammar)
            .filter(GrammarAST.isKeyword)
            .map(keyword => keyword.value)
            .filter(value => /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)))].sort();
        expect(keywords).toEqual(expect.arrayContaining(['purchase', 'trigger', 'plan', 'state', 'persona', 'journey']));
        const declarations = keywords.map((keyword, i) => `team ${keyword} "Team ${i}"`).join('\n');
        const document = parse(`${declarations}\n`);
        expect(parseErrorsOf(document)).toEqual([]);
        expect(document.parseResult.value.declarations.map(d => d.name)).toEqual(keywords);
    });

    test('the spec\'s stage words are valid stage names', async () => {
        const words = ['trigger', 'research', 'decision', 'purchase', 'onboarding', 'usage', 'renewal', 'advocacy'];
        const stages = words.map(word => `    stage ${word} "${word}" { touchpoint ${word}_tp "T" { serves n } }`).join('\n');
        const { document, diagnostics } = await buildOne(`persona p "P" { need n "N" }\njourney j "J" {\n    persona p\n    trigger "T"\n${stages}\n}\n`);
        expect(parseErrorsOf(document)).toEqual([]);
        expect(summarize(core(diagnostics))).toEqual([]);
        expect(journeyOf(document).stages.map(stage => stage.name)).toEqual(words);
    });

    test('a duplicate keyword-named team is reported on its name', async () => {
        const source = `team state "A"\nteam state "B"\n`;
        const { diagnostics } = await buildOne(source);
        const duplicate = only(core(diagnostics));
        expect(duplicate.code).toBe('duplicate-name');
        expect(duplicate.range).toEqual(wordRangeOf(source, 'state', 1));
    });
});
