import { DefaultValueConverter, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Strings may span lines; a file saved with CRLF line ends must mean the same text as one saved with LF.
 * A text without escapes is the characters between its quotes: Langium's `convertString` adds them one
 * at a time, and each text was kept as a chain of one string object per character after the 13th (a
 * tenth of the memory a parsed workspace takes).
 */
export class JourneyValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') {
            const text = input.replace(/\r\n?/g, '\n');
            return text.includes('\\') ? ValueConverter.convertString(text) : text.slice(1, -1);
        }
        return super.runConverter(rule, input, cstNode);
    }
}
