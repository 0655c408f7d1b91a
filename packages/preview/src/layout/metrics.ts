import { textWidth, wrapText, type FontSpec } from '../text-metrics.js';
import type { Card, CardKind, TextLine, Tone } from './types.js';

/** The layout's dimensions and fonts, and text boxes: blocks of text wrapped to a width (text-metrics.ts measures). */

// ---- Dimensions (px) -------------------------------------------------------------------------------

export const MARGIN = 24;
export const TITLE_COLUMN = 128;
export const NODE_WIDTH = 184;
export const NODE_PADDING = 10;
export const LAYER_SPACING = 28;
/** A lane column per touchpoint: a node's width plus the space ELK leaves between layers. */
export const SLOT_WIDTH = NODE_WIDTH + LAYER_SPACING;
export const BAND_PADDING = 12;
export const MIN_BAND_WIDTH = SLOT_WIDTH + BAND_PADDING * 2 - LAYER_SPACING;
export const GUTTER_MIN = 24;
export const EDGE_SPACING = 8;
export const TRACK_SPACING = 10;
export const TRACK_MARGIN = 14;
export const CARD_PADDING = 8;
export const CARD_GAP = 6;
export const LANE_PADDING = 8;
export const EMOTION_UNIT = 14;
export const SECTION_GAP = 28;
export const MIN_SECTION_WIDTH = 760;
export const MAX_SECTION_WIDTH = 1040;
export const EDGE_LABEL_WIDTH = 150;
/** In a stage graph: its padding above and below the nodes, and the least space between ports. */
export const STAGE_PADDING_TOP = 16;
export const STAGE_PADDING_BOTTOM = 16;
export const PORT_SPACING = 12;
/** In a stage graph: the least space between two touchpoints in one layer. */
export const NODE_SPACING = 20;

export const FONT = {
    title: { size: 22, bold: true },
    meta: { size: 13 },
    stage: { size: 14, bold: true },
    question: { size: 12 },
    node: { size: 13, bold: true },
    small: { size: 11 },
    smallBold: { size: 11, bold: true },
    text: { size: 12 },
    textBold: { size: 12, bold: true },
    section: { size: 16, bold: true },
    rowTitle: { size: 12, bold: true },
} satisfies Record<string, FontSpec>;

export function lineHeight(font: FontSpec): number {
    return Math.round(font.size * 1.35);
}

// ---- Text blocks ---------------------------------------------------------------------------------------

export interface Block {
    text: string;
    font: FontSpec;
    italic?: boolean;
    muted?: boolean;
    tone?: Tone;
}

/** Wraps blocks to a width; returns lines positioned from (x, y) as the top-left, and the height used. */
export function placeBlocks(blocks: Block[], x: number, y: number, width: number, anchor: TextLine['anchor'] = 'start'): { lines: TextLine[]; height: number } {
    const lines: TextLine[] = [];
    let cursor = y;
    for (const block of blocks) {
        const height = lineHeight(block.font);
        for (const text of wrapText(block.text, width, block.font)) {
            cursor += height;
            lines.push({
                text,
                x: anchor === 'middle' ? x + width / 2 : anchor === 'end' ? x + width : x,
                // Baseline: a quarter of the line height above the line's bottom.
                y: round(cursor - height * 0.28),
                size: block.font.size,
                ...(block.font.bold ? { bold: true } : {}),
                ...(block.italic ? { italic: true } : {}),
                ...(block.muted ? { muted: true } : {}),
                ...(block.tone ? { tone: block.tone } : {}),
                ...(anchor !== 'start' ? { anchor } : {}),
            });
        }
    }
    return { lines, height: cursor - y };
}

export function blocksHeight(blocks: Block[], width: number): number {
    return blocks.reduce((sum, block) => sum + wrapText(block.text, width, block.font).length * lineHeight(block.font), 0);
}

/** A card of `blocks` at (x, y), `width` wide, as tall as its text. */
export function card(id: string, kind: CardKind, blocks: Block[], x: number, y: number, width: number, tone?: Tone): Card {
    const { lines, height } = placeBlocks(blocks, x + CARD_PADDING, y + CARD_PADDING, width - CARD_PADDING * 2);
    return {
        id, kind, box: { x, y, width, height: height + CARD_PADDING * 2 }, lines,
        ...(tone ? { tone } : {}),
        title: blocks.map(block => block.text).join('\n'),
    };
}

export function round(value: number): number {
    return Math.round(value * 100) / 100;
}

/** `text` on one line at most `width` wide: cut short with an ellipsis when it does not fit. */
export function oneLine(text: string, width: number, font: FontSpec): string {
    if (textWidth(text, font) <= width) {
        return text;
    }
    const chars = Array.from(text);
    while (chars.length > 0 && textWidth(`${chars.join('').trimEnd()}…`, font) > width) {
        chars.pop();
    }
    return `${chars.join('').trimEnd()}…`;
}
