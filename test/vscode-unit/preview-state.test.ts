// What a restored preview may reopen. VS Code hands the serializer the state the webview saved
// (`vscode.setState`), so a page that could run script in the webview could name any URI there: only a
// .journey file inside an open workspace folder is accepted (`previewUriToRestore`, pure, no VS Code).
// In the unit project: test/vscode/ is the editor project's.
import { describe, expect, it } from 'vitest';
import { previewUriToRestore } from '../../packages/vscode/src/webview-messages.js';

const FOLDER = 'file:///home/me/project';
const restore = (uri: unknown, folders: readonly string[] = [FOLDER]) => previewUriToRestore({ uri, zoom: 1, scrollX: 0, scrollY: 0 }, folders);

describe('previewUriToRestore accepts', () => {
    it.each([
        'file:///home/me/project/map.journey',
        'file:///home/me/project/journeys/deep/er/map.journey',
        'file:///home/me/project/with%20space%20and%20%C3%BCmlaut.journey',
        'file:///home/me/project/.hidden/map.journey',
        'file:///home/me/project/map.v2.journey',
        'file:///home/me/project/..map.journey',
    ])('a .journey file inside the workspace folder: %s', uri => {
        expect(restore(uri)).toBe(uri);
    });

    it('a file of any of several folders, and a folder given with a trailing slash or as the root', () => {
        const folders = ['file:///srv/other', 'file:///home/me/project/'];
        expect(restore('file:///home/me/project/a.journey', folders)).toBe('file:///home/me/project/a.journey');
        expect(restore('file:///srv/other/b.journey', folders)).toBe('file:///srv/other/b.journey');
        expect(restore('file:///anywhere/c.journey', ['file:///'])).toBe('file:///anywhere/c.journey');
    });

    it('Windows paths as VS Code writes them (drive letter lower case, its colon encoded), whatever the folder\'s spelling', () => {
        const uri = 'file:///c%3A/Users/me/project/map.journey';
        expect(restore(uri, ['file:///c%3A/Users/me/project'])).toBe(uri);
        expect(restore(uri, ['file:///C:/Users/me/project'])).toBe(uri);
        expect(restore('file:///d%3A/Users/me/project/map.journey', ['file:///c%3A/Users/me/project'])).toBeUndefined();
    });

    it('a UNC share, by its host', () => {
        expect(restore('file://server/share/team/map.journey', ['file://server/share'])).toBe('file://server/share/team/map.journey');
        expect(restore('file://server/share/team/map.journey', ['file://Server/share'])).toBe('file://server/share/team/map.journey');
        expect(restore('file://evil/share/team/map.journey', ['file://server/share'])).toBeUndefined();
        expect(restore('file:///share/team/map.journey', ['file://server/share'])).toBeUndefined();
    });

    it('the scheme of a remote or virtual workspace folder, inside that folder and its authority only', () => {
        const remote = 'vscode-remote://ssh-remote%2Bbox/home/me/project';
        expect(restore(`${remote}/map.journey`, [remote])).toBe(`${remote}/map.journey`);
        expect(restore('vscode-remote://ssh-remote%2Bother/home/me/project/map.journey', [remote])).toBeUndefined();
        expect(restore('vscode-vfs://github/me/repo/map.journey', ['vscode-vfs://github/me/repo'])).toBe('vscode-vfs://github/me/repo/map.journey');
        // The folder's scheme only: a file: workspace does not make vscode-remote: acceptable, nor the reverse.
        expect(restore(`${remote}/map.journey`)).toBeUndefined();
        expect(restore('file:///home/me/project/map.journey', [remote])).toBeUndefined();
        // The scheme is compared without case, as URIs say; the result spells it in lower case.
        expect(restore('FILE:///home/me/project/map.journey')).toBe('file:///home/me/project/map.journey');
    });
});

describe('previewUriToRestore drops', () => {
    it.each([
        // other schemes
        'command:workbench.action.terminal.new',
        'command:journey.export.html?%5B%22x%22%5D',
        'command://home/me/project/map.journey',
        'javascript:alert(1)//map.journey',
        'http://example.com/home/me/project/map.journey',
        'https://example.com/map.journey',
        'untitled:Untitled-1.journey',
        'untitled:///home/me/project/map.journey',
        'data:text/plain,map.journey',
        'vscode-webview://abc/home/me/project/map.journey',
        'ftp:///home/me/project/map.journey',
        // outside the folder
        'file:///home/me/other/map.journey',
        'file:///home/me/project-evil/map.journey',
        'file:///home/me/projec/map.journey',
        'file:///home/me/map.journey',
        'file:///etc/passwd.journey',
        'file:///home/me/project.journey',
        'file:///home/me/Project/map.journey',
        'file://attacker/home/me/project/map.journey',
        'file://user@/home/me/project/map.journey',
        // .. and . tricks, encoded or not
        'file:///home/me/project/../secret/map.journey',
        'file:///home/me/project/./map.journey',
        'file:///home/me/project/sub/../../../etc/map.journey',
        'file:///home/me/project/%2e%2e/secret/map.journey',
        'file:///home/me/project/%2E%2E/secret/map.journey',
        'file:///home/me/project/.%2e/secret/map.journey',
        'file:///home/me/project/%2e/map.journey',
        'file:///home/me/project/..%2fsecret%2fmap.journey',
        'file:///home/me/project/..%2Fmap.journey',
        'file:///home/me/project/..%5c..%5cmap.journey',
        'file:///home/me/project/sub\\..\\..\\map.journey',
        'file:///home/me/project//map.journey',
        'file:///home/me/project/%2Fetc%2Fmap.journey',
        // not a journey file
        'file:///home/me/project/map.txt',
        'file:///home/me/project/map.journey.txt',
        'file:///home/me/project/map.journey/',
        'file:///home/me/project/map.JOURNEY.exe',
        'file:///home/me/project/.journey',
        'file:///home/me/project/',
        'file:///home/me/project',
        'file:///home/me/project/map.journey%00.txt',
        'file:///home/me/project/map.journey%00',
        'file:///home/me/project/map%00.journey',
        // query, fragment, characters VS Code would have encoded, control characters, other shapes
        'file:///home/me/project/map.journey?x=1',
        'file:///home/me/project/map.journey#L1',
        'file:///home/me/project/map .journey',
        'file:///home/me/project/map\n.journey',
        'file:///home/me/project/map%0A.journey',
        'file:///home/me/project/map%1B.journey',
        'file:///home/me/project/map%7F.journey',
        'file:///home/me/project/ü.journey',
        'file:///home/me/project/"><img src=x onerror=alert(1)>.journey',
        'file:///home/me/project/a%ZZ.journey',
        'file:///home/me/project/a%E0%A4%A.journey',
        'file:///home/me/project/ads.txt:hidden.journey',
        'file:///home/me/project/ads.txt%3Ahidden.journey',
        'file:/home/me/project/map.journey',
        'file:home/me/project/map.journey',
        '/home/me/project/map.journey',
        'home/me/project/map.journey',
        'C:\\Users\\me\\project\\map.journey',
        '\\\\server\\share\\map.journey',
        ' file:///home/me/project/map.journey',
        'file:///home/me/project/map.journey ',
        '',
    ])('%j', uri => {
        expect(restore(uri)).toBeUndefined();
    });

    it('a URI too long to be a path', () => {
        const long = `file:///home/me/project/${'a/'.repeat(2100)}map.journey`;
        expect(long.length).toBeGreaterThan(4096);
        expect(restore(long)).toBeUndefined();
        const almost = `file:///home/me/project/${'a/'.repeat(2000)}map.journey`;
        expect(restore(almost)).toBe(almost);
    });

    it.each([
        ['undefined', undefined], ['null', null], ['a number', 42], ['a string', 'file:///home/me/project/map.journey'],
        ['an array', ['file:///home/me/project/map.journey']], ['a state without uri', { zoom: 1 }],
        ['a number uri', { uri: 1 }], ['an object uri', { uri: { toString: () => 'file:///home/me/project/map.journey' } }],
        ['an array uri', { uri: ['file:///home/me/project/map.journey'] }], ['a null uri', { uri: null }],
    ])('a state that is %s', (_, state) => {
        expect(previewUriToRestore(state, [FOLDER])).toBeUndefined();
    });

    it('everything when no folder is open, or the folders are not URIs VS Code writes', () => {
        expect(restore('file:///home/me/project/map.journey', [])).toBeUndefined();
        expect(restore('file:///home/me/project/map.journey', ['/home/me/project'])).toBeUndefined();
        expect(restore('file:///home/me/project/map.journey', ['file:///home/me/project/..'])).toBeUndefined();
        expect(restore('file:///home/me/project/map.journey', ['file:///home/me/project?x'])).toBeUndefined();
        expect(restore('command:/home/me/project/map.journey', ['command:/home/me/project'])).toBeUndefined();
        expect(restore('command://x/home/me/project/map.journey', ['command://x/home/me/project'])).toBeUndefined();
        expect(restore('untitled:///ws/map.journey', ['untitled:///ws'])).toBeUndefined();
    });
});
