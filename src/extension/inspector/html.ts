/**
 * The inspector's HTML page: a strict Content Security Policy (scripts only with the page's nonce,
 * styles and fonts only from the extension's own files, images from those files or data: URLs
 * made by the worker), the bundled script and stylesheet, and the subject embedded as JSON so the
 * first paint needs no round trip. No vscode import: the browser tests render the same page.
 */
import {randomBytes} from 'node:crypto';
import type {InspectorSubject} from '../../protocol/messages';

export interface InspectorHtmlOptions {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title: string;
  subject?: InspectorSubject;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!);
}

/** JSON inside a script element: `<` is escaped so no value can close the element. */
function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export interface WebviewPageOptions {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title: string;
  /** Trusted markup placed before the script (e.g. embedded JSON), written with the same nonce. */
  beforeScript?: string;
}

/** A webview page of this extension (the inspector, the run comparison): the CSP, the stylesheet, one app root, the script. */
export function webviewPage(o: WebviewPageOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(o.cspSource, o.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}" nonce="${o.nonce}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
${o.beforeScript ?? ''}
<script nonce="${o.nonce}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>`;
}

export function inspectorHtml(o: InspectorHtmlOptions): string {
  const subject = o.subject
    ? `<script type="application/json" id="inspector-subject" nonce="${o.nonce}">${embedJson(o.subject)}</script>`
    : '';
  return webviewPage({...o, beforeScript: subject});
}
