import { describe, expect, it } from 'vitest';
import { formatNumber, SIGNED_SCORE } from '@journey/language';
import { formatNumber as protocolFormatNumber } from '@journey/language/number-format';

describe('formatNumber', () => {
    it('writes integers and decimals as the source does', () => {
        expect(formatNumber(0)).toBe('0');
        expect(formatNumber(42)).toBe('42');
        expect(formatNumber(3.1)).toBe('3.1');
        expect(formatNumber(3.10)).toBe('3.1');
        expect(formatNumber(12.5)).toBe('12.5');
        expect(formatNumber(0.05)).toBe('0.05');
    });

    it('drops float noise', () => {
        expect(formatNumber(0.1 + 0.2)).toBe('0.3');
        expect(formatNumber(4.7 - 3)).toBe('1.7');
        expect(formatNumber(1.1 * 3)).toBe('3.3');
        expect(formatNumber(0.30000000000000004)).toBe('0.3');
        expect(formatNumber(-0.1 - 0.2)).toBe('-0.3');
        // Every digit a double holds exactly (15 significant) is kept.
        expect(formatNumber(3.14159265358979)).toBe('3.14159265358979');
    });

    it('negatives: ASCII hyphen by default, U+2212 when typographic; never -0', () => {
        expect(formatNumber(-2)).toBe('-2');
        expect(formatNumber(-2.5, { minus: 'typographic' })).toBe('\u22122.5');
        expect(formatNumber(-0)).toBe('0');
        expect(formatNumber(-1e-20)).toBe('-0.00000000000000000001');
        expect(formatNumber(-0, { minus: 'typographic', signed: true })).toBe('0');
    });

    it('signed: the emotion scale, +2, 0, −2', () => {
        expect(formatNumber(2, SIGNED_SCORE)).toBe('+2');
        expect(formatNumber(0, SIGNED_SCORE)).toBe('0');
        expect(formatNumber(-2, SIGNED_SCORE)).toBe('\u22122');
        expect(formatNumber(1.5 - 3, SIGNED_SCORE)).toBe('\u22121.5');
        expect(formatNumber(3, { signed: true })).toBe('+3');
        expect(formatNumber(-3, { signed: true })).toBe('-3');
    });

    it('percent: the sign after the number', () => {
        expect(formatNumber(3.1, { unit: 'percent' })).toBe('3.1%');
        expect(formatNumber(12.5, { unit: 'percent' })).toBe('12.5%');
        expect(formatNumber(100, { unit: 'percent' })).toBe('100%');
        expect(formatNumber(-4, { unit: 'percent' })).toBe('-4%');
        expect(formatNumber(0.1 + 0.2, { unit: 'percent' })).toBe('0.3%');
    });

    it('large and small values without an exponent', () => {
        expect(formatNumber(1e21)).toBe('1000000000000000000000');
        expect(formatNumber(1.5e22)).toBe('15000000000000000000000');
        expect(formatNumber(123456789012)).toBe('123456789012');
        expect(formatNumber(1e-7)).toBe('0.0000001');
        expect(formatNumber(1.25e-9)).toBe('0.00000000125');
        expect(formatNumber(0.000001)).toBe('0.000001');
        for (const value of [1e21, 1.5e22, 1e-7, 1.25e-9, 3.14159265358979, -2.5, 0.05]) {
            expect(Number(formatNumber(value))).toBe(value);
        }
    });

    it('is locale-independent: no grouping, a point for decimals', () => {
        expect(formatNumber(1234567.5)).toBe('1234567.5');
        expect(formatNumber(1000)).toBe('1000');
    });

    it('not a number: as JavaScript writes it', () => {
        expect(formatNumber(Number.NaN)).toBe('NaN');
        expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('Infinity');
    });

    it('is the same function through the protocol module (what the preview and the exports import)', () => {
        expect(protocolFormatNumber).toBe(formatNumber);
    });
});
