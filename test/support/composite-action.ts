// Runs a composite GitHub Action's `run` steps the way the runner does, so that action.yml is tested
// by executing it: each step in `bash --noprofile --norc -eo pipefail` (what `shell: bash` means),
// with the variables GitHub sets (GITHUB_WORKSPACE, RUNNER_TEMP, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT,
// GITHUB_PATH, GITHUB_ACTION_PATH), `${{ }}` expressions evaluated in `env`, `with`, `if`,
// `working-directory` and input defaults, step outputs passed on, GITHUB_PATH lines put before PATH
// for later steps, and later steps skipped after a failure unless their `if` asks for always(). A
// `uses` step is not run (it needs GitHub); it is recorded with its evaluated `with`.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

interface ActionStep {
    name?: string;
    id?: string;
    if?: string;
    run?: string;
    uses?: string;
    shell?: string;
    env?: Record<string, string>;
    with?: Record<string, string>;
    'working-directory'?: string;
}

export interface ActionMetadata {
    inputs: Record<string, { default?: string; required?: boolean }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: ActionStep[] };
}

export interface StepResult {
    name: string;
    outcome: 'success' | 'failure' | 'skipped';
    exitCode?: number;
    stdout: string;
    stderr: string;
    /** A `uses` step: what it would have been given. */
    uses?: { action: string; with: Record<string, string> };
}

export interface ActionRun {
    steps: StepResult[];
    outputs: Record<string, string>;
    summary: string;
    /** Whether the job step that used the action failed. */
    failed: boolean;
    /** Everything the steps printed, in order (the job log). */
    log: string;
}

export interface RunOptions {
    actionPath: string;
    workspace: string;
    runnerTemp: string;
    inputs?: Record<string, string>;
    /** Extra environment of the job (a registry, a cache, GITHUB_EVENT_PATH, GITHUB_API_URL). */
    env?: NodeJS.ProcessEnv;
    /** The `github` context's token (`${{ github.token }}`, what input defaults may use). */
    token?: string;
}

export function readAction(actionPath: string): ActionMetadata {
    return parse(readFileSync(path.join(actionPath, 'action.yml'), 'utf8')) as ActionMetadata;
}

type Context = Record<string, unknown>;

/** GitHub's expression language, as much of it as an action uses: paths, strings, ==, !=, !, &&, ||, (), always(), success(), failure(). */
export function evaluateExpression(expression: string, context: Context, status: { failed: boolean }): unknown {
    const tokens = expression.match(/'(?:[^']|'')*'|==|!=|&&|\|\||[!()]|[A-Za-z_][\w.-]*(?:\(\))?|\S/g) ?? [];
    let at = 0;
    const peek = () => tokens[at];
    const next = () => tokens[at++];
    const truthy = (value: unknown) => value !== '' && value !== undefined && value !== null && value !== false && value !== 0;
    const primary = (): unknown => {
        const token = next();
        if (token === '(') {
            const value = or();
            next();
            return value;
        }
        if (token === '!') {
            return !truthy(primary());
        }
        if (token.startsWith("'")) {
            return token.slice(1, -1).replace(/''/g, "'");
        }
        if (token === 'true' || token === 'false') {
            return token === 'true';
        }
        if (token === 'always()') return true;
        if (token === 'success()') return !status.failed;
        if (token === 'failure()') return status.failed;
        return token.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], context) ?? '';
    };
    const comparison = (): unknown => {
        let left = primary();
        while (peek() === '==' || peek() === '!=') {
            const operator = next();
            const right = primary();
            const equal = String(left).toLowerCase() === String(right).toLowerCase();
            left = operator === '==' ? equal : !equal;
        }
        return left;
    };
    const and = (): unknown => {
        let left = comparison();
        while (peek() === '&&') {
            next();
            const right = comparison();
            left = truthy(left) ? right : left;
        }
        return left;
    };
    const or = (): unknown => {
        let left = and();
        while (peek() === '||') {
            next();
            const right = and();
            left = truthy(left) ? left : right;
        }
        return left;
    };
    const value = or();
    if (at !== tokens.length) {
        throw new Error(`cannot evaluate \`${expression}\` (stopped at \`${tokens[at]}\`)`);
    }
    return value;
}

function interpolate(text: string, context: Context, status: { failed: boolean }): string {
    return text.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, (_, expression: string) => String(evaluateExpression(expression, context, status)));
}

/** `name=value` lines and `name<<DELIMITER … DELIMITER` blocks, as the runner reads GITHUB_OUTPUT. */
function readOutputs(file: string): Record<string, string> {
    const lines = readFileSync(file, 'utf8').split('\n');
    const outputs: Record<string, string> = {};
    for (let index = 0; index < lines.length; index++) {
        const heredoc = /^([^=]+)<<(.+)$/.exec(lines[index]);
        if (heredoc) {
            const end = lines.indexOf(heredoc[2], index + 1);
            outputs[heredoc[1]] = lines.slice(index + 1, end).join('\n');
            index = end;
            continue;
        }
        const separator = lines[index].indexOf('=');
        if (separator > 0) {
            outputs[lines[index].slice(0, separator)] = lines[index].slice(separator + 1);
        }
    }
    return outputs;
}

/** A step's process; asynchronous, so that a server in this process (a local registry) can answer it. */
function runScript(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => { stdout += String(chunk); });
        child.stderr.on('data', chunk => { stderr += String(chunk); });
        const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
        child.on('error', reject);
        child.on('close', code => {
            clearTimeout(timer);
            resolve({ status: code ?? 1, stdout, stderr });
        });
    });
}

export async function runCompositeAction(options: RunOptions): Promise<ActionRun> {
    const action = readAction(options.actionPath);
    const inputs: Record<string, string> = {};
    const steps: Record<string, { outputs: Record<string, string> }> = {};
    const context: Context = {
        inputs, steps, github: { action_path: options.actionPath, workspace: options.workspace, token: options.token ?? '' }, runner: { temp: options.runnerTemp },
    };
    const status = { failed: false };
    // An input's default may be an expression (`${{ github.token }}`): the runner evaluates it.
    for (const [name, input] of Object.entries(action.inputs)) {
        inputs[name] = options.inputs?.[name] ?? interpolate(String(input.default ?? ''), context, status);
    }
    const files = path.join(options.runnerTemp, '_runner_file_commands');
    mkdirSync(files, { recursive: true });
    const summaryFile = path.join(files, 'step_summary');
    const pathFile = path.join(files, 'add_path');
    writeFileSync(summaryFile, '');
    writeFileSync(pathFile, '');
    const results: StepResult[] = [];
    let log = '';

    for (const [index, step] of action.runs.steps.entries()) {
        const name = step.name ?? step.run ?? step.uses ?? `step ${index + 1}`;
        const condition = step.if?.replace(/^\s*\$\{\{([\s\S]*)\}\}\s*$/, '$1');
        // Without a status function in `if`, GitHub adds `success() &&`.
        const asksForStatus = condition !== undefined && /\b(always|failure|cancelled|success)\(\)/.test(condition);
        const runs = (asksForStatus || !status.failed) && (condition === undefined || Boolean(evaluateExpression(condition, context, status)));
        if (!runs) {
            results.push({ name, outcome: 'skipped', stdout: '', stderr: '' });
            continue;
        }
        const evaluate = (record: Record<string, string> = {}) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, interpolate(String(value), context, status)]));
        if (step.uses) {
            results.push({ name, outcome: 'success', stdout: '', stderr: '', uses: { action: step.uses, with: evaluate(step.with) } });
            continue;
        }
        if (step.shell !== 'bash') {
            throw new Error(`${name}: only \`shell: bash\` steps are run here, not ${step.shell}`);
        }
        const outputFile = path.join(files, `set_output_${index}`);
        writeFileSync(outputFile, '');
        const script = path.join(files, `step_${index}.sh`);
        writeFileSync(script, step.run ?? '');
        const added = readFileSync(pathFile, 'utf8').split('\n').filter(Boolean).reverse();
        const cwd = path.resolve(options.workspace, interpolate(step['working-directory'] ?? '.', context, status));
        const result = await runScript(script, cwd, {
            ...process.env,
            ...options.env,
            CI: 'true',
            GITHUB_ACTIONS: 'true',
            GITHUB_WORKSPACE: options.workspace,
            GITHUB_ACTION_PATH: options.actionPath,
            RUNNER_TEMP: options.runnerTemp,
            GITHUB_STEP_SUMMARY: summaryFile,
            GITHUB_OUTPUT: outputFile,
            GITHUB_PATH: pathFile,
            PATH: [...added, options.env?.PATH ?? process.env.PATH].join(path.delimiter),
            ...evaluate(step.env),
        });
        log += result.stdout + result.stderr;
        const exitCode = result.status;
        if (step.id) {
            steps[step.id] = { outputs: readOutputs(outputFile) };
        }
        if (exitCode !== 0) {
            status.failed = true;
        }
        results.push({ name, outcome: exitCode === 0 ? 'success' : 'failure', exitCode, stdout: result.stdout, stderr: result.stderr });
    }

    const outputs = Object.fromEntries(Object.entries(action.outputs ?? {}).map(([name, output]) => [name, interpolate(output.value, context, status)]));
    return { steps: results, outputs, summary: readFileSync(summaryFile, 'utf8'), failed: status.failed, log };
}
