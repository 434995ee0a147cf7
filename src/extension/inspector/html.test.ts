import {test} from 'node:test';
import assert from 'node:assert/strict';
import {contentSecurityPolicy, inspectorHtml, makeNonce} from './html';

test('the page allows only its nonce for scripts and only local origins for styles and fonts', () => {
  const nonce = makeNonce();
  assert.match(nonce, /^[A-Za-z0-9]{20,}$/);
  assert.notEqual(nonce, makeNonce());
  const csp = contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', nonce);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'`));
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:\/\/(?!file\+)/);
  const html = inspectorHtml({cspSource: 'vscode-webview://x', nonce, scriptUri: 'vscode-webview://x/dist/webview.js',
    styleUri: 'vscode-webview://x/dist/webview.css', title: 'T'});
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  assert.ok(scripts.length >= 1);
  for (const s of scripts) assert.match(s, new RegExp(`nonce="${nonce}"`));
});

test('the embedded subject cannot close its script element', () => {
  const html = inspectorHtml({cspSource: 'x', nonce: 'n', scriptUri: 's', styleUri: 'c', title: '<b>',
    subject: {kind: 'training', runId: 'r', title: '</script><script>alert(1)</script>'}});
  assert.equal((html.match(/<\/script>/g) ?? []).length, 2, 'only the two real script elements close');
  assert.match(html, /<title>&lt;b&gt;<\/title>/);
  const json = html.match(/<script type="application\/json" id="inspector-subject" nonce="n">(.*?)<\/script>/s)![1]!;
  assert.equal(JSON.parse(json).title, '</script><script>alert(1)</script>');
});
