// Helpers that drive the VS Code workbench like a person: the command palette, quick picks, the
// explorer, context menus and notifications (pitfalls: ../shared/docs/real-vscode-testing.md).
export const STEP_TIMEOUT = 120_000;

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The quick-pick row whose label is exactly `label` (not merely containing it). */
function quickPickRow(page, label) {
  return page.locator('.quick-input-widget .monaco-list-row')
    .filter({has: page.locator('.label-name', {hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`)})});
}

/** Clicks the quick-pick row labelled exactly `label` once it has stayed in place. */
export async function pickQuickItem(page, label, {retype} = {}) {
  const until = Date.now() + STEP_TIMEOUT;
  let lastTyped = 0;
  while (Date.now() < until) {
    // Items registered after the picker opened appear only when its text changes: retype.
    if (retype && Date.now() - lastTyped > 2500) {
      await retype();
      lastTyped = Date.now();
    }
    const row = quickPickRow(page, label);
    if (await row.count()) {
      await page.waitForTimeout(300);
      if (await row.count()) {
        await row.first().click();
        return;
      }
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`"${label}" never appeared in the quick pick`);
}

/** Runs a command from the palette (F1) by its full title, e.g. "Keras: Train Model". */
export async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  const open = async () => {
    if (!(await input.isVisible())) await page.keyboard.press('F1');
    await input.waitFor({state: 'visible', timeout: 10_000});
  };
  // pickQuickItem types at once, and again whenever the title has not shown up.
  await pickQuickItem(page, title, {
    retype: async () => {
      // A panel that takes focus (a webview re-rendering) closes the palette or leaves it inert
      // for a moment: close what is left and open it again.
      for (let attempt = 1; ; attempt++) {
        try {
          await open();
          await input.fill('>', {timeout: 5_000});
          await page.keyboard.type(title, {delay: 10});
          return;
        } catch (e) {
          if (attempt >= 6) throw e;
          await page.keyboard.press('Escape');
        }
      }
    },
  });
}

export function explorerRow(page, name) {
  return page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
}

/** Right-clicks `row` and chooses `label`; retries when the menu did not open. */
export async function contextMenu(page, row, label) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await row.click({button: 'right'});
    await page.waitForTimeout(500);
    const item = page.locator('.context-view .action-item .action-label', {hasText: new RegExp(`^${escapeRegExp(label)}$`)});
    if (await item.count()) {
      await item.first().click();
      return;
    }
    await page.keyboard.press('Escape');
  }
  throw new Error(`context menu item "${label}" not found`);
}

/** The labels of the context menu of `row` (the menu is closed again). */
export async function contextMenuLabels(page, row) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await row.click({button: 'right'});
    await page.waitForTimeout(500);
    const labels = await page.locator('.context-view .action-item .action-label').allInnerTexts();
    await page.keyboard.press('Escape');
    if (labels.length) return labels.map((l) => l.trim()).filter(Boolean);
  }
  throw new Error('the context menu did not open');
}

/** Toasts are hidden under the smoke-test driver: reads the Notifications center instead. */
export async function waitForNotification(page, pattern, timeoutMs = STEP_TIMEOUT * 3) {
  const until = Date.now() + timeoutMs;
  const center = page.locator('.notifications-center');
  while (Date.now() < until) {
    if (!(await center.isVisible())) await page.locator('[id="status.notifications"]').click().catch(() => undefined);
    const items = page.locator('.notifications-center .notification-list-item-message');
    for (const text of await items.allInnerTexts()) if (pattern.test(text)) return text;
    await page.waitForTimeout(1000);
  }
  throw new Error(`no notification matching ${pattern}`);
}

/** Webviews are iframes in iframes: the first frame whose text has all of `texts`. */
export async function waitForFrameText(page, texts) {
  const until = Date.now() + STEP_TIMEOUT;
  while (Date.now() < until) {
    for (const frame of page.frames()) {
      const body = await frame.locator('body').innerText({timeout: 500}).catch(() => '');
      if (texts.every((t) => body.includes(t))) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview frame shows ${texts.join(', ')}`);
}
