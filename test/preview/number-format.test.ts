import { describe, expect, it } from 'vitest';
import { csvRows, exportMermaid } from '@journey/interchange';
import { buildViewModel, renderJourneySvg } from '@journey/preview';
import { modelOf } from './preview-helper.js';

/** KPIs written with trailing zeros and decimals; a value gap whose gap is float noise (4.7 - 3). */
const NUMBERS = `metric conversion "Conversion" percent
metric wait "Wait (minutes)" scale 0 to 60 lower is better
competitor acme "Acme"
source tickets "Tickets" support sample 120
persona olivia "Olivia" {
    need fast "Be fast" importance 4
}
journey numbers "Numbers" {
    persona olivia
    stage only "Only stage" {
        touchpoint pay "Pay" {
            evidence tickets
            emotion -1.5
            serves fast
            kpi conversion 3.10% target 5% source tickets
            kpi wait 12.50 target 7.25 source tickets
        }
    }
    valuegap olivia.fast us 3 acme 4.7
}
`;

describe('numbers: the preview and the exports print them the same way', () => {
    it('a KPI value and target read the same in the view model, the SVG, Mermaid and CSV', async () => {
        const model = await modelOf(NUMBERS);
        const view = buildViewModel(model);
        const kpis = view.lanes.kpis.map(kpi => [kpi.value, kpi.target]);
        expect(kpis).toEqual([['3.1%', '5%'], ['12.5', '7.25']]);

        const svg = await renderJourneySvg(model);
        const mermaid = exportMermaid(model);
        const csv = csvRows([model]).flat().join('\n');
        for (const text of ['3.1%', '5%', '12.5', '7.25']) {
            expect(svg).toContain(text);
            expect(mermaid).toContain(text);
            expect(csv).toContain(text);
        }
        expect(mermaid).toContain('kpi conversion 3.1% target 5%');
        expect(csv).toContain('Conversion 3.1% (target 5%');
        expect(svg).toContain('3.1% (target 5%)');
        for (const noisy of ['3.10', '12.50', '0000000']) {
            expect(svg).not.toContain(noisy);
            expect(mermaid).not.toContain(noisy);
            expect(csv).not.toContain(noisy);
        }
    });

    it('the emotion: ASCII in the CSV, U+2212 in the drawing; the value gap without float noise', async () => {
        const model = await modelOf(NUMBERS);
        const svg = await renderJourneySvg(model);
        expect(svg).toContain('\u22121.5');
        expect(exportMermaid(model)).toContain('Pay: 1.5\n'); // the score, emotion + 3
        expect(csvRows([model])[1]).toContain('-1.5');
        expect(svg).toContain('Behind by 1.7 × importance 4 = 6.8');
        expect(exportMermaid(model)).toContain('us 3 acme 4.7');
    });
});
