/**
 * The run comparison's HTML page: the inspector's Content Security Policy (scripts only with the
 * page's nonce, styles from the extension's files), its own script and stylesheet. No vscode
 * import: the browser tests render the same page.
 */
import {contentSecurityPolicy} from '../inspector/html';

export {makeNonce} from '../inspector/html';

export interface ComparisonHtmlOptions {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

const escapeAttribute = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function comparisonHtml(o: ComparisonHtmlOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(o.cspSource, o.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(o.styleUri)}" nonce="${o.nonce}">
<title>Compare Runs</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${o.nonce}" src="${escapeAttribute(o.scriptUri)}"></script>
</body>
</html>`;
}
