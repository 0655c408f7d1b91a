import { createRequire } from 'node:module';
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { JourneyBlock } from '@journey/interchange';
import { journeyFences, type BlockPictures } from '@journey/markdown-it';

/** What the CLI bundle the extension ships (dist/cli/commands.cjs) draws Markdown journey blocks with. */
interface CliCommands {
    markdownBlockPictures(markdownPath: string, blocks: readonly JourneyBlock[], options: { theme: 'light' | 'dark' }): Promise<BlockPictures[]>;
}

/** Documents' pictures kept: a few open Markdown files, each in a version or two. */
const KEPT = 24;

/**
 * ```journey blocks in VS Code's Markdown preview. markdown-it renders synchronously and drawing a map
 * is not (ELK lays it out in a promise): a block not drawn yet shows "Drawing…", the drawing starts,
 * and the preview is refreshed when it is done. The drawing is `journey render DOC.md`'s, by the CLI
 * bundle, loaded (with the language) only when a preview first shows a journey block. A change to a
 * .journey or data file draws the open previews again.
 */
export class MarkdownJourneyPictures implements vscode.Disposable {
    private readonly drawn = new Map<string, readonly BlockPictures[]>();
    private readonly drawing = new Set<string>();
    private generation = 0;
    private cli: CliCommands | undefined;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly extensionUri: vscode.Uri, private readonly output: vscode.LogOutputChannel) {
        const watcher = vscode.workspace.createFileSystemWatcher('**/*.{journey,csv}');
        const redraw = () => {
            if (this.drawn.size > 0) {
                this.generation++;
                this.drawn.clear();
                void vscode.commands.executeCommand('markdown.preview.refresh');
            }
        };
        this.disposables.push(watcher, watcher.onDidChange(redraw), watcher.onDidCreate(redraw), watcher.onDidDelete(redraw),
            vscode.window.onDidChangeActiveColorTheme(() => void vscode.commands.executeCommand('markdown.preview.refresh')));
    }

    /** What `activate` returns as `extendMarkdownIt`. */
    extend(md: MarkdownIt): MarkdownIt {
        return md.use(journeyFences, { pictures: (blocks: readonly JourneyBlock[], env: unknown) => this.pictures(blocks, env) });
    }

    private pictures(blocks: readonly JourneyBlock[], env: unknown): readonly BlockPictures[] | undefined {
        const document = markdownDocument(env);
        if (!document || document.scheme !== 'file') {
            return blocks.map(block => ({ maps: [], problems: [{ line: block.line - 1, message: 'Save the Markdown file to see its journey maps.' }] }));
        }
        const theme = themeOfEditor();
        const key = JSON.stringify([document.fsPath, theme, this.generation, blocks]);
        const drawn = this.drawn.get(key);
        if (drawn) {
            return drawn;
        }
        if (!this.drawing.has(key)) {
            this.drawing.add(key);
            void this.draw(key, document.fsPath, blocks, theme);
        }
        return undefined;
    }

    private async draw(key: string, markdownPath: string, blocks: readonly JourneyBlock[], theme: 'light' | 'dark'): Promise<void> {
        const started = Date.now();
        try {
            this.cli ??= createRequire(this.extensionUri.fsPath.replace(/\/?$/, '/'))('./dist/cli/commands.cjs') as CliCommands;
            const pictures = await this.cli.markdownBlockPictures(markdownPath, blocks, { theme });
            this.keep(key, pictures);
            this.output.info(`Markdown preview: drew the ${blocks.length} journey block(s) of ${markdownPath} in ${Date.now() - started} ms.`);
        } catch (error) {
            this.output.error(`Markdown preview: could not draw the journey blocks of ${markdownPath}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
            this.keep(key, blocks.map(block => ({ maps: [], problems: [{ line: block.line - 1, message: `The map could not be drawn: ${error instanceof Error ? error.message : String(error)}` }] })));
        } finally {
            this.drawing.delete(key);
        }
        await vscode.commands.executeCommand('markdown.preview.refresh');
    }

    private keep(key: string, pictures: readonly BlockPictures[]): void {
        this.drawn.set(key, pictures);
        for (const old of this.drawn.keys()) {
            if (this.drawn.size <= KEPT) {
                break;
            }
            this.drawn.delete(old);
        }
    }

    dispose(): void {
        this.disposables.forEach(disposable => disposable.dispose());
    }
}

/** The Markdown file being rendered: VS Code's Markdown preview passes it as `env.currentDocument`. */
function markdownDocument(env: unknown): vscode.Uri | undefined {
    const current = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
    if (current instanceof vscode.Uri) {
        return current;
    }
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === 'markdown' ? editor.document.uri : undefined;
}

function themeOfEditor(): 'light' | 'dark' {
    const kind = vscode.window.activeColorTheme.kind;
    return kind === vscode.ColorThemeKind.Dark || kind === vscode.ColorThemeKind.HighContrast ? 'dark' : 'light';
}
