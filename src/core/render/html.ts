// A rendered protokoll as one self-contained HTML file: inline CSS with a print style,
// the document's language and title. The preview uses the same body with theme colours.
import type { MinutesDocument } from '../model';
import { renderMinutes, type RenderOptions, type RenderedMinutes } from './render';

/** Layout shared by screen and print; colours come from custom properties. */
export const BASE_CSS = `
:root{--fg:#1b1b1b;--muted:#4a4a4a;--line:#6b6b6b;--box:#f3f5f7;--accent:#0b4f8a;--decision:#e8f1fa}
.minutes,.minutes *{box-sizing:border-box}
.minutes{max-width:46rem;margin:0 auto;padding:1.5rem;font:11pt/1.5 "Segoe UI","Liberation Sans",Arial,sans-serif;color:var(--fg)}
.minutes h1{font-size:1.6em;margin:0 0 .6em}
.minutes h2{font-size:1.25em;margin:1.6em 0 .4em;border-bottom:1px solid var(--line);padding-bottom:.15em}
.minutes h3,.minutes h4{font-size:1.05em;margin:1em 0 .3em}
.minutes dl.meta{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.15em 1em;margin:0 0 1em}
.minutes dl.meta dt{font-weight:600}
.minutes dl.meta dd{margin:0;grid-column:2}
.minutes .dnr{color:var(--muted);margin-top:0}
.minutes .callout{border-left:4px solid var(--line);background:var(--box);padding:.4em .9em;margin:.8em 0}
.minutes .callout-decision{border-left-color:var(--accent);background:var(--decision)}
.minutes .callout-label{margin:.2em 0 .3em;font-size:1em}
.minutes .field{white-space:nowrap;margin-right:.4em}
.minutes .field-key,.minutes .status{font-weight:600}
.minutes .action-done,.minutes .action-cancelled{color:var(--muted)}
.minutes table{border-collapse:collapse;margin:.6em 0}
.minutes caption{text-align:left;font-weight:600;padding:.2em 0}
.minutes th,.minutes td{border:1px solid var(--line);padding:.2em .6em;text-align:left}
.minutes .signers{display:flex;flex-wrap:wrap;gap:1.5em 3em;margin-top:1em}
.minutes .signer{min-width:14rem}
.minutes .signer p{margin:.2em 0}
.minutes .sign-role{font-weight:600}
.minutes .sign-line{border-bottom:1px solid var(--fg);height:2.2em}
.minutes .sign-line.inline{display:inline-block;width:14rem;height:1.4em}
.minutes .blank{display:inline-block;min-width:10rem;border-bottom:1px solid var(--line)}
.minutes .signatures,.minutes .notice,.minutes .certification{break-inside:avoid}
.minutes .notice{border:1px solid var(--line);padding:0 1em .5em;margin-top:2em}
.minutes a{color:var(--accent)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

const PRINT_CSS = `
@page{size:A4;margin:22mm 18mm 20mm}
@media print{.minutes{max-width:none;padding:0;font-size:10.5pt}.minutes h2{break-after:avoid}.minutes .callout,.minutes table{break-inside:avoid}}
body{margin:0;background:#fff}
`;

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The complete HTML file of an export. */
export function htmlDocument(rendered: RenderedMinutes): string {
  const meta = rendered.author ? `\n<meta name="author" content="${escapeText(rendered.author)}">` : '';
  return `<!doctype html>
<html lang="${rendered.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">${meta}
<title>${escapeText(rendered.title)}</title>
<style>${BASE_CSS}${PRINT_CSS}</style>
</head>
<body>
${rendered.html}
</body>
</html>
`;
}

export function exportHtml(doc: MinutesDocument, options: RenderOptions = {}): { html: string; rendered: RenderedMinutes } {
  const rendered = renderMinutes(doc, options);
  return { html: htmlDocument(rendered), rendered };
}
