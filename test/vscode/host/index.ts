// Runs extension.suite.cjs with mocha inside a VS Code extension host.
//   run()                    what @vscode/test-electron calls (extensionTestsPath): rejects on failures;
//   runAndReport(file)       what the code-server payload calls: writes a JSON report instead.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface HostTestReport {
    passed: string[];
    failed: Array<{ title: string; error: string }>;
    durationMs: number;
}

function runMocha(): Promise<HostTestReport> {
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
    mocha.addFile(join(__dirname, 'extension.suite.cjs'));
    const report: HostTestReport = { passed: [], failed: [], durationMs: 0 };
    const started = Date.now();
    return new Promise((resolve, reject) => {
        try {
            const runner = mocha.run(() => {
                report.durationMs = Date.now() - started;
                resolve(report);
            });
            runner.on('pass', test => report.passed.push(test.fullTitle()));
            runner.on('fail', (test, error: Error) => report.failed.push({ title: test.fullTitle(), error: String(error?.stack ?? error) }));
        } catch (error) {
            reject(error);
        }
    });
}

export async function run(): Promise<void> {
    const report = await runMocha();
    if (report.failed.length > 0) {
        throw new Error(`${report.failed.length} extension-host test(s) failed:\n${report.failed.map(f => `${f.title}\n${f.error}`).join('\n\n')}`);
    }
}

export async function runAndReport(file: string): Promise<void> {
    let report: HostTestReport;
    try {
        report = await runMocha();
    } catch (error) {
        report = { passed: [], failed: [{ title: 'mocha', error: String((error as Error)?.stack ?? error) }], durationMs: 0 };
    }
    writeFileSync(file, JSON.stringify(report, null, 2));
}
