/** Writes the extension-host suite's bundle into `outdir` and returns the runner's path. */
export function bundleHostSuite(repoRoot: string, outdir: string): Promise<string>;
