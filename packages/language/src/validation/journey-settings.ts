import { calendarDateOfToday, type CalendarDate } from '../model/calendar-date.js';
import { isConfigurable, type ConfiguredSeverity } from '../rules/rule-registry.js';
import { findRule } from '../rules/index.js';
import type { JourneyConfig } from '../config/journey-config.js';
import { DEFAULT_EVIDENCE, type EvidenceSettings } from '../data/evidence-settings.js';

/**
 * What the user decided for this workspace: rule severities and, for reproducible runs, "today".
 * The CLI fills it from its options, the language server from the workspace; rules only read it.
 */
export class JourneySettings {
    /** Fixed "today" (CLI `--today`, tests); `undefined` means the clock. */
    today: CalendarDate | undefined;
    /** Per-rule severity overrides by rule id. */
    readonly severities = new Map<string, ConfiguredSeverity>();
    /** The data rules' thresholds: the configuration's `evidence` over the defaults. */
    evidence: EvidenceSettings = { ...DEFAULT_EVIDENCE };

    currentDate(): CalendarDate {
        return this.today ?? calendarDateOfToday();
    }

    /** Replaces the configured severities with a configuration file's (or with none). */
    applyConfig(config: JourneyConfig | undefined): void {
        this.severities.clear();
        for (const [ruleId, severity] of config?.severities ?? []) {
            this.severities.set(ruleId, severity);
        }
        this.evidence = { ...DEFAULT_EVIDENCE, ...config?.evidence };
    }

    severityOf(ruleId: string): ConfiguredSeverity {
        const rule = findRule(ruleId);
        return (isConfigurable(rule) ? this.severities.get(ruleId) : undefined) ?? rule?.defaultSeverity ?? 'error';
    }
}
