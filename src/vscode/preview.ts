// "Open Protokoll Preview": the document as it will be exported, in a webview that
// follows the theme, updates from the shared incremental analysis (only changed
// sections are rendered again) and scrolls with the editor.
import * as vscode from 'vscode';
import { registerCommand } from './commandRunner';
import { editorTarget } from './commands';
import type { Analysis, DocumentModel } from './documentModel';
import { exportModule } from './exportModule';
import type { RenderCache } from '../core/render/render';

export const PreviewCommand = {
  Open: 'justera.openPreview',
  OpenToSide: 'justera.openPreviewToSide',
} as const;

export interface RenderedPreview {
  readonly uri: string;
  /** The document version the webview shows. */
  readonly version: number;
  /** The `<main>` HTML the webview shows. */
  readonly html: string;
}

/** For tests and scripts: what each preview shows once its webview has drawn it. */
export interface PreviewApi {
  readonly onDidRender: vscode.Event<RenderedPreview>;
  rendered(uri: vscode.Uri): RenderedPreview | undefined;
}

/** Screen colours from the VS Code theme; the export keeps the print colours. */
const THEME_CSS = `
body{margin:0;background:var(--vscode-editor-background);color:var(--vscode-editor-foreground)}
.minutes{--fg:var(--vscode-editor-foreground);--muted:var(--vscode-descriptionForeground);--line:var(--vscode-editorWidget-border,var(--vscode-panel-border,#888));--box:var(--vscode-textBlockQuote-background);--accent:var(--vscode-textLink-foreground);--decision:var(--vscode-textCodeBlock-background);font-family:var(--vscode-font-family)}
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
const root = document.getElementById('root');
function scrollToLine(line) {
  let best;
  for (const el of document.querySelectorAll('[data-line]')) {
    if (Number(el.dataset.line) <= line) best = el; else break;
  }
  if (best) best.scrollIntoView({ block: 'start' }); else window.scrollTo(0, 0);
}
window.addEventListener('message', (event) => {
  const m = event.data;
  if (m.type === 'update') {
    root.innerHTML = m.html;
    document.documentElement.lang = m.lang;
    vscode.postMessage({ type: 'rendered', version: m.version });
  } else if (m.type === 'scroll') scrollToLine(m.line);
});
vscode.postMessage({ type: 'ready' });
`;

function nonce(): string {
  let s = '';
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 32; i++) s += chars.charAt(Math.floor(Math.random() * chars.length));
  return s;
}

class Preview implements vscode.Disposable {
  private readonly cache: RenderCache;
  private readonly disposables: vscode.Disposable[] = [];
  private shown: RenderedPreview | undefined;
  private ready = false;
  private pending: { html: string; lang: string; version: number } | undefined;
  private drawn: Analysis | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly document: vscode.TextDocument,
    private readonly model: DocumentModel,
    private readonly extensionUri: vscode.Uri,
    private readonly onRender: (r: RenderedPreview) => void,
    onDispose: () => void,
  ) {
    const mod = exportModule(extensionUri);
    this.cache = new mod.RenderCache();
    const key = document.uri.toString();
    panel.webview.html = this.page();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: { type: string; version?: number }) => {
        if (m.type === 'ready') {
          this.ready = true;
          this.update();
        } else if (m.type === 'rendered' && this.pending && m.version === this.pending.version) {
          this.shown = { uri: key, version: this.pending.version, html: this.pending.html };
          this.onRender(this.shown);
        }
      }),
      model.onDidChange((change) => {
        if (change.document.uri.toString() === key) this.update();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document.uri.toString() === key && e.visibleRanges[0]) {
          void panel.webview.postMessage({ type: 'scroll', line: e.visibleRanges[0].start.line });
        }
      }),
      panel.onDidDispose(() => {
        onDispose();
        this.dispose();
      }),
    );
  }

  rendered(): RenderedPreview | undefined {
    return this.shown;
  }

  /** Renders the current analysis (cached sections reused) and sends it to the webview. */
  update(): void {
    if (!this.ready) return;
    const analysis = this.model.get(this.document);
    // A new analysis (an edit, or a setting such as the language changed) is drawn again.
    if (analysis === this.drawn) return;
    this.drawn = analysis;
    const mod = exportModule(this.extensionUri);
    const rendered = mod.renderMinutes(analysis.doc, { lines: true, cache: this.cache });
    this.pending = { html: rendered.html, lang: rendered.language, version: analysis.version };
    this.panel.title = vscode.l10n.t('Preview {0}', vscode.workspace.asRelativePath(this.document.uri, false).split('/').pop() ?? '');
    void this.panel.webview.postMessage({ type: 'update', ...this.pending });
  }

  private page(): string {
    const n = nonce();
    const css = exportModule(this.extensionUri).BASE_CSS;
    const csp = `default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}'; img-src ${this.panel.webview.cspSource} https: data:;`;
    return `<!doctype html>
<html lang="${this.model.get(this.document).doc.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${n}">${css}${THEME_CSS}</style>
</head>
<body>
<div id="root"></div>
<script nonce="${n}">${SCRIPT}</script>
</body>
</html>`;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export function registerPreview(context: vscode.ExtensionContext, model: DocumentModel, output: vscode.LogOutputChannel): PreviewApi {
  const previews = new Map<string, Preview>();
  const rendered = new vscode.EventEmitter<RenderedPreview>();
  context.subscriptions.push(rendered, { dispose: () => previews.forEach((p) => p.panel.dispose()) });

  const open = async (side: boolean, uri?: unknown): Promise<string> => {
    const { editor } = await editorTarget(model, uri);
    const document = editor.document;
    const key = document.uri.toString();
    const existing = previews.get(key);
    if (existing) {
      existing.panel.reveal(undefined, side);
      return key;
    }
    const panel = vscode.window.createWebviewPanel(
      'justera.preview',
      vscode.l10n.t('Preview {0}', document.uri.path.split('/').pop() ?? ''),
      { viewColumn: side ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: side },
      { enableScripts: true, localResourceRoots: [context.extensionUri] },
    );
    previews.set(key, new Preview(panel, document, model, context.extensionUri, (r) => rendered.fire(r), () => previews.delete(key)));
    return key;
  };

  registerCommand(context, output, PreviewCommand.Open, (uri?: unknown) => open(false, uri));
  registerCommand(context, output, PreviewCommand.OpenToSide, (uri?: unknown) => open(true, uri));

  return {
    onDidRender: rendered.event,
    rendered: (uri) => previews.get(uri.toString())?.rendered(),
  };
}
