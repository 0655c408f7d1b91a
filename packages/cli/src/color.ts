/**
 * Whether a command colours what it prints: the one decision `journey lint` and `journey format` share.
 * In order, the first that applies wins:
 *
 * 1. `--color` forces colour, `--no-color` forbids it (the flags win over the environment, as ESLint's);
 * 2. a report written to a file (`lint -o FILE`) is never coloured: FILE is read by tools and editors,
 *    and a `FORCE_COLOR` meant for a CI log must not put escape codes into it;
 * 3. `NO_COLOR` set and not empty forbids colour (no-color.org; picocolors reads it so, and it wins
 *    over `FORCE_COLOR` there too);
 * 4. `FORCE_COLOR` set and not empty forces colour, except `0` and `false`, which forbid it (chalk's
 *    and Node's reading; an empty value counts as unset, as picocolors reads it);
 * 5. else colour when stdout is a terminal that is not `TERM=dumb`.
 *
 * Unlike picocolors' own default, `CI` alone does not colour a stream that is not a terminal: ESLint
 * (chalk) does not either, and CI logs that want colour set `FORCE_COLOR`.
 */
export interface ColorQuestion {
    /** `--color` (true), `--no-color` (false), neither (undefined). */
    flag: boolean | undefined;
    env: NodeJS.ProcessEnv;
    /** Whether stdout is a terminal. */
    isTTY: boolean;
    /** The output goes to a file (`-o`), not to stdout. */
    toFile?: boolean;
}

export function shouldColor({ flag, env, isTTY, toFile = false }: ColorQuestion): boolean {
    if (flag !== undefined) {
        return flag;
    }
    if (toFile) {
        return false;
    }
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') {
        return false;
    }
    const force = env.FORCE_COLOR;
    if (force !== undefined && force !== '') {
        return force !== '0' && force.toLowerCase() !== 'false';
    }
    return isTTY && env.TERM !== 'dumb';
}
