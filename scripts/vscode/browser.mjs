// Playwright (playwright-core, no browser download) driving Debian's Chromium against code-server.
import {chromium} from 'playwright-core';
import {existsSync} from 'node:fs';

export function chromiumPath() {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && existsSync(p)) return p;
  }
  throw new Error('Chromium not found: apt-get install chromium (scripts/vscode/code-server.mjs installs it)');
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

/** Prints the page's console (extension-host output arrives there, styled with %c). */
export function pipeConsole(page, prefix, filter = () => true) {
  page.on('console', async (m) => {
    let text = m.text();
    if (text.includes('%c')) {
      // Styled logs: the format string's %c slots take CSS arguments; keep the other arguments.
      const values = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => '')));
      const styles = (String(values[0]).match(/%c/g) ?? []).length;
      const parts = [String(values[0]).replace(/%c/g, ''), ...values.slice(1 + styles).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))];
      // The host forwards console.log(format, ...args) as separate arguments: fill printf slots
      // (%s, %d) of each part from the parts after it, as the browser console would.
      const out = [];
      while (parts.length) out.push(parts.shift().replace(/%[sdifo]/g, () => (parts.length ? parts.shift() : '')));
      text = out.join(' ');
    }
    text = text.trim();
    if (text && filter(text)) console.log(`${prefix} ${text}`);
  });
}
