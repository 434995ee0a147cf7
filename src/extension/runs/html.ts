/**
 * The run comparison's HTML page: the inspector's Content Security Policy (scripts only with the
 * page's nonce, styles from the extension's files), its own script and stylesheet. No vscode
 * import: the browser tests render the same page.
 */
import {webviewPage} from '../inspector/html';

export {makeNonce} from '../inspector/html';

export interface ComparisonHtmlOptions {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

export function comparisonHtml(o: ComparisonHtmlOptions): string {
  return webviewPage({...o, title: 'Compare Runs'});
}
