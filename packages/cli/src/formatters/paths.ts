import path from 'node:path';

/** The file's path relative to `cwd` with forward slashes, or undefined when it is not under `cwd`. */
export function posixPathUnder(filePath: string, cwd: string): string | undefined {
    const relative = path.relative(cwd, filePath);
    if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
        return undefined;
    }
    return relative.split(path.sep).join('/');
}

/** What CI annotations and SARIF show: relative to `cwd` when under it, else absolute; forward slashes. */
export function displayPosixPath(filePath: string, cwd: string): string {
    return posixPathUnder(filePath, cwd) ?? filePath.split(path.sep).join('/');
}
