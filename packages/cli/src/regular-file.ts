import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { CliError } from './cli-error.js';

/**
 * A path journey would read that is a FIFO, a device or a socket: reading a FIFO waits for a writer
 * (forever, in CI), a device never ends. A usage error (exit 2), in one line.
 */
export class NotRegularFileError extends CliError {}

/** What a file that is not a regular file is, in a message: `a FIFO`; undefined for a regular file or a folder. */
export function specialKind(info: Stats): string | undefined {
    if (info.isFile() || info.isDirectory()) {
        return undefined;
    }
    return info.isFIFO() ? 'a FIFO'
        : info.isSocket() ? 'a socket'
            : info.isCharacterDevice() ? 'a character device'
                : info.isBlockDevice() ? 'a block device'
                    : 'not a file';
}

/** The one-line error for SHOWN, which `info` says is not a regular file. */
export function notRegularFile(shown: string, info: Stats): NotRegularFileError {
    return new NotRegularFileError(`${shown} is ${specialKind(info) ?? 'not a file'}, not a regular file; journey reads only regular files`);
}

/**
 * Throws the one-line error when ABSOLUTE exists and is a FIFO, a device or a socket (a link is
 * followed). Checked with stat before the file is opened: a FIFO is never opened for reading.
 * A missing path or a folder is left to the caller, which says what it expected.
 */
export async function refuseSpecialFile(absolute: string, shown: string): Promise<Stats | undefined> {
    const info = await stat(absolute).catch(() => undefined);
    if (info && specialKind(info) !== undefined) {
        throw notRegularFile(shown, info);
    }
    return info;
}

/** The bytes of ABSOLUTE after `refuseSpecialFile`; an error reading them is left to the caller. */
export async function readRegularFile(absolute: string, shown: string): Promise<Buffer> {
    await refuseSpecialFile(absolute, shown);
    return readFile(absolute);
}
