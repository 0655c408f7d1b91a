import { DefaultValueConverter, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Strings may span lines; a file saved with CRLF line ends must mean the same text as one saved with LF.
 */
export class JourneyValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') {
            return ValueConverter.convertString(input.replace(/\r\n?/g, '\n'));
        }
        return super.runConverter(rule, input, cstNode);
    }
}
