// End-to-end tests of several workspaces in one browser (issue 6, item 4), on the release
// build in Chromium: create, switch, rename, duplicate, delete and undo, autosave per
// workspace, migration of the single workspace of earlier versions, phone width, and
// storage that refuses writes.
// Run: cd tests/e2e && PPG_DIST=… node --test --test-concurrency=1 workspaces.test.mjs
//
// data-testids used here:
//   workspace-menu          header button naming the open workspace (aria-expanded)
//   workspace-current-name  the open workspace's name inside that button
//   workspace-panel         the panel the button opens (Escape or workspace-close closes it)
//   workspace-list          the list; workspace-item per workspace (data-workspace-id,
//                           aria-current="true" on the open one), with workspace-name,
//                           workspace-meta, workspace-switch (not on the open one),
//                           workspace-rename, workspace-duplicate, workspace-delete
//   workspace-name-input    the inline rename field (Enter saves, Escape cancels), with
//                           workspace-rename-save, workspace-rename-cancel and
//                           workspace-name-error (a blank name)
//   workspace-new-zh / workspace-new-en   new workspace from the Chinese / English starter
//   workspace-deleted       the panel's copy of the deletion notice, with workspace-undo
//   notice, notice-undo     the notice area and its undo button; storage-banner
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { clause, eventually, expectClauseText, useApp, waitForApp } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };
const FIRST = 'c-general-purpose';
const ZH_TITLE = '企业微信办公使用规范';
const EN_TITLE = 'Office Messaging Usage Code';
const NEW_ZH = '新工作区';

const env = useApp('ppg-ws-');
const withApp = env.withApp;

const toggle = (page) => page.getByTestId('workspace-menu');
const items = (page) => page.locator('[data-testid=workspace-item]');
const item = (page, name) =>
  items(page).filter({ has: page.locator('[data-testid=workspace-name]', { hasText: new RegExp(`^${escapeRe(name)}$`) }) });

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function currentName(page) {
  return (await page.getByTestId('workspace-current-name').innerText()).trim();
}

async function expectCurrent(page, name) {
  await eventually(async () => assert.equal(await currentName(page), name));
}

/** Opens the panel (if closed) and waits for the list. */
async function openPanel(page) {
  if ((await toggle(page).getAttribute('aria-expanded')) !== 'true') await toggle(page).click();
  await page.getByTestId('workspace-list').waitFor();
}

async function names(page) {
  return (await page.locator('[data-testid=workspace-item] [data-testid=workspace-name]').allInnerTexts()).map((s) => s.trim());
}

/** New workspace from the Chinese starter; the rename field it opens is cancelled. */
async function createZh(page) {
  await openPanel(page);
  const before = await items(page).count();
  await page.getByTestId('workspace-new-zh').click();
  const input = page.getByTestId('workspace-name-input');
  await input.waitFor();
  await eventually(async () => assert.ok(await input.evaluate((el) => el === document.activeElement), 'the new name field has focus'));
  await input.press('Escape');
  await input.waitFor({ state: 'detached' });
  assert.equal(await items(page).count(), before + 1);
}

/** Switches through the panel to the workspace named `name`. */
async function switchTo(page, name) {
  await openPanel(page);
  await item(page, name).getByTestId('workspace-switch').click();
  await expectCurrent(page, name);
}

/** What storage holds: the list, the open id, and each workspace's first clause text. */
async function stored(page) {
  return page.evaluate((first) => {
    const list = JSON.parse(localStorage.getItem('ppg.workspaces') ?? 'null');
    const bodies = {};
    for (const e of list ?? []) {
      const ws = JSON.parse(localStorage.getItem(`ppg.workspace.${e.id}`) ?? 'null');
      bodies[e.name] = ws?.policy.chapters.flatMap((c) => c.clauses).find((c) => c.id === first)?.body ?? null;
    }
    return { list, current: localStorage.getItem('ppg.workspaces.current'), legacy: localStorage.getItem('ppg.workspace'), bodies };
  }, FIRST);
}

async function reload(page) {
  await page.reload();
  await waitForApp(page);
}

describe('Workspaces (release build in Chromium)', () => {
  it('1. two workspaces keep their own edits, through a quick switch and reloads', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      await expectCurrent(page, ZH_TITLE);
      const textA = '甲工作区的修改 ' + Date.now();
      await clause(page, FIRST).body.fill(textA);
      await expectClauseText(page, FIRST, textA);

      await createZh(page);
      await expectCurrent(page, NEW_ZH);
      assert.deepEqual(await names(page), [ZH_TITLE, NEW_ZH]);
      assert.equal(await item(page, NEW_ZH).getAttribute('aria-current'), 'true');
      assert.ok((await clause(page, FIRST).body.inputValue()).startsWith('为规范员工'), 'a new workspace starts from the starter');

      // Type, then switch at once: the pending autosave goes to this workspace, not the next.
      const textB = '乙工作区的修改 ' + Date.now();
      await clause(page, FIRST).body.fill(textB);
      await switchTo(page, ZH_TITLE);
      await expectClauseText(page, FIRST, textA);
      await eventually(async () => {
        const s = await stored(page);
        assert.deepEqual(s.bodies, { [ZH_TITLE]: textA, [NEW_ZH]: textB });
        assert.equal(s.legacy, null, 'nothing is written under the old single key');
      });

      await reload(page);
      await expectCurrent(page, ZH_TITLE);
      await expectClauseText(page, FIRST, textA);
      await switchTo(page, NEW_ZH);
      await expectClauseText(page, FIRST, textB);
      assert.equal(await toggle(page).getAttribute('aria-expanded'), 'false', 'switching closes the panel');

      await reload(page);
      await expectCurrent(page, NEW_ZH);
      await expectClauseText(page, FIRST, textB);

      // Undo is per workspace: nothing to undo in a workspace just opened.
      assert.ok(await page.getByTestId('undo').isDisabled());
    });
  });

  it('2. rename: Enter saves, Escape cancels, blank is refused, the name survives a reload', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      await openPanel(page);
      const row = items(page).first();
      const input = page.getByTestId('workspace-name-input');

      await row.getByTestId('workspace-rename').click();
      await input.fill('不会保存');
      await input.press('Escape');
      await input.waitFor({ state: 'detached' });
      assert.equal(await toggle(page).getAttribute('aria-expanded'), 'true', 'Escape in the field leaves the panel open');
      await expectCurrent(page, ZH_TITLE);

      await row.getByTestId('workspace-rename').click();
      await input.fill('   ');
      await input.press('Enter');
      await page.getByTestId('workspace-name-error').waitFor();
      assert.equal(await input.getAttribute('aria-invalid'), 'true');

      const name = '  2026 沟通规范草案  ';
      await input.fill(name);
      await input.press('Enter');
      await input.waitFor({ state: 'detached' });
      await expectCurrent(page, name.trim());
      await eventually(async () => assert.equal((await stored(page)).list[0].name, name.trim()));

      await reload(page);
      await expectCurrent(page, name.trim());
      await openPanel(page);
      assert.deepEqual(await names(page), [name.trim()]);
    });
  });

  it('3. duplicate copies the content (unsaved edits included), and the copy is independent', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      const textA = '复制前的内容 ' + Date.now();
      await clause(page, FIRST).body.fill(textA);
      await openPanel(page);
      await items(page).first().getByTestId('workspace-duplicate').click();
      const copy = `${ZH_TITLE} 副本`;
      await eventually(async () => assert.deepEqual(await names(page), [ZH_TITLE, copy]));
      await expectCurrent(page, ZH_TITLE);

      await switchTo(page, copy);
      await expectClauseText(page, FIRST, textA);
      const textC = '副本里的修改 ' + Date.now();
      await clause(page, FIRST).body.fill(textC);
      await switchTo(page, ZH_TITLE);
      await expectClauseText(page, FIRST, textA);
      await eventually(async () => assert.deepEqual((await stored(page)).bodies, { [ZH_TITLE]: textA, [copy]: textC }));
    });
  });

  it('4. delete another workspace, then undo: it is back, same id and place and content', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      const textA = '将被删除的工作区 ' + Date.now();
      await clause(page, FIRST).body.fill(textA);
      await createZh(page);
      await openPanel(page);
      const victim = item(page, ZH_TITLE);
      const id = await victim.getAttribute('data-workspace-id');
      await victim.getByTestId('workspace-delete').click();
      await eventually(async () => assert.deepEqual(await names(page), [NEW_ZH]));
      await eventually(async () => assert.equal((await stored(page)).list.length, 1, 'gone from storage too'));
      const notice = page.getByTestId('notice');
      await eventually(async () => assert.ok((await notice.innerText()).includes(ZH_TITLE), 'the notice names it'));

      await page.getByTestId('notice-undo').click();
      await eventually(async () => assert.deepEqual(await names(page), [ZH_TITLE, NEW_ZH]));
      assert.equal(await item(page, ZH_TITLE).getAttribute('data-workspace-id'), id);
      await expectCurrent(page, NEW_ZH);
      await switchTo(page, ZH_TITLE);
      await expectClauseText(page, FIRST, textA);
      await reload(page);
      await expectClauseText(page, FIRST, textA);
    });
  });

  it('5. deleting the open workspace opens another; deleting the last leaves a fresh starter', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      const textA = '留下的工作区 ' + Date.now();
      await clause(page, FIRST).body.fill(textA);
      await createZh(page);
      const textB = '被删除的当前工作区 ' + Date.now();
      await clause(page, FIRST).body.fill(textB);

      await openPanel(page);
      await item(page, NEW_ZH).getByTestId('workspace-delete').click();
      await expectCurrent(page, ZH_TITLE);
      await expectClauseText(page, FIRST, textA);

      // Undo brings it back and opens it again, with its unsaved edit.
      await page.getByTestId('notice-undo').click();
      await expectCurrent(page, NEW_ZH);
      await expectClauseText(page, FIRST, textB);

      // Delete both: the last one is replaced by a new starter workspace.
      await openPanel(page);
      await item(page, NEW_ZH).getByTestId('workspace-delete').click();
      await expectCurrent(page, ZH_TITLE);
      await item(page, ZH_TITLE).getByTestId('workspace-delete').click();
      await expectCurrent(page, NEW_ZH);
      await eventually(async () => assert.deepEqual(await names(page), [NEW_ZH]));
      assert.ok((await clause(page, FIRST).body.inputValue()).startsWith('为规范员工'));

      // Undo (here from the panel, which repeats the notice) puts the last one back, and
      // the untouched stand-in goes away.
      const inPanel = page.getByTestId('workspace-deleted');
      assert.ok((await inPanel.innerText()).includes(ZH_TITLE), 'the panel names the deleted workspace');
      await inPanel.getByTestId('workspace-undo').click();
      await inPanel.waitFor({ state: 'detached' });
      assert.equal(await page.getByTestId('notice').count(), 0, 'the notice went with it');
      await expectCurrent(page, ZH_TITLE);
      await expectClauseText(page, FIRST, textA);
      await eventually(async () => assert.deepEqual(await names(page), [ZH_TITLE]));
      await reload(page);
      await expectClauseText(page, FIRST, textA);
      await openPanel(page);
      assert.deepEqual(await names(page), [ZH_TITLE]);
    });
  });

  it('6. the single workspace of earlier versions is migrated on first load, once', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      // Make an old-style storage: the workspace under `ppg.workspace`, and nothing else.
      const legacyText = '旧版本保存的内容 ' + Date.now();
      await clause(page, FIRST).body.fill(legacyText);
      await eventually(async () => assert.equal((await stored(page)).bodies[ZH_TITLE], legacyText));
      const json = await page.evaluate(() => {
        const ws = JSON.parse(localStorage.getItem(`ppg.workspace.${localStorage.getItem('ppg.workspaces.current')}`));
        ws.policy.meta.title = '旧版工作区';
        const text = JSON.stringify(ws, null, 2);
        // No autosave may write this storage back while the page unloads.
        window.addEventListener('pagehide', () => {
          localStorage.clear();
          localStorage.setItem('ppg.workspace', text);
        });
        return text;
      });

      await reload(page);
      await expectCurrent(page, '旧版工作区');
      await expectClauseText(page, FIRST, legacyText);
      const s = await stored(page);
      assert.equal(s.legacy, null, 'the old key is removed once copied');
      assert.equal(s.list.length, 1);
      assert.equal(s.list[0].name, '旧版工作区');
      assert.equal(s.current, s.list[0].id);
      assert.equal(await page.evaluate((id) => localStorage.getItem(`ppg.workspace.${id}`), s.current), json, 'copied exactly');

      await reload(page);
      await openPanel(page);
      assert.deepEqual(await names(page), ['旧版工作区'], 'migrated once');
    });
  });

  it('7. keyboard and phone width: the panel opens, closes with Escape, and fits 360 px', TEST_TIMEOUT, async () => {
    await withApp({ viewport: { width: 360, height: 740 } }, async ({ page }) => {
      await createZh(page);
      await page.getByTestId('workspace-new-en').click();
      const input = page.getByTestId('workspace-name-input');
      await input.fill('English one');
      await input.press('Enter');
      await expectCurrent(page, 'English one');
      await eventually(async () => assert.equal(await page.locator('[data-testid=doc-title]').first().innerText(), EN_TITLE));
      assert.equal(await items(page).count(), 3);
      const { scrollWidth, bodyWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        bodyWidth: document.body.scrollWidth,
      }));
      assert.ok(scrollWidth <= 361 && bodyWidth <= 361, `no sideways scrolling with the panel open (${scrollWidth}px, ${bodyWidth}px)`);
      for (const box of await items(page).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
        assert.ok(box.left >= 0 && box.right <= 361, `item within the screen: ${JSON.stringify(box)}`);
      }
      const meta = await items(page).first().getByTestId('workspace-meta').innerText();
      assert.match(meta, /\d+ 章 · \d+ 条/, `counts are shown: ${meta}`);

      // Keyboard: Escape closes and gives focus back to the button; Enter opens again.
      await page.keyboard.press('Escape');
      await page.getByTestId('workspace-panel').waitFor({ state: 'detached' });
      assert.equal(await toggle(page).getAttribute('aria-expanded'), 'false');
      await eventually(async () => assert.ok(await toggle(page).evaluate((el) => el === document.activeElement), 'focus is back on the button'));
      await page.keyboard.press('Enter');
      await page.getByTestId('workspace-panel').waitFor();
      assert.equal(await toggle(page).getAttribute('aria-expanded'), 'true');
      assert.equal(await toggle(page).getAttribute('aria-controls'), 'workspace-panel');
      await eventually(async () =>
        assert.ok(await page.evaluate(() => document.getElementById('workspace-panel').contains(document.activeElement)), 'focus moved into the panel'),
      );
    });
  });

  it('8. opening a file makes a new workspace and leaves the open one as it was', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      const kept = '打开文件前的内容 ' + Date.now();
      await clause(page, FIRST).body.fill(kept);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-file').click()]);
      const path = join(env.tmp, download.suggestedFilename());
      await download.saveAs(path);
      const other = '保存文件之后的修改 ' + Date.now();
      await clause(page, FIRST).body.fill(other);

      await page.setInputFiles('[data-testid=open-file-input]', path);
      await expectClauseText(page, FIRST, kept);
      await openPanel(page);
      assert.equal(await items(page).count(), 2);
      assert.equal(await items(page).nth(1).getAttribute('aria-current'), 'true', 'the file opens as the new, last workspace');
      await items(page).first().getByTestId('workspace-switch').click();
      await expectClauseText(page, FIRST, other);
    });
  });

  it('9. when storage refuses writes, the banner shows and every workspace stays in memory', TEST_TIMEOUT, async () => {
    const init = () => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    };
    await withApp({ init }, async ({ page }) => {
      const banner = page.getByTestId('storage-banner');
      const textA = '存储已满时的甲 ' + Date.now();
      await clause(page, FIRST).body.fill(textA);
      await banner.waitFor();
      await createZh(page);
      const textB = '存储已满时的乙 ' + Date.now();
      await clause(page, FIRST).body.fill(textB);
      await switchTo(page, ZH_TITLE);
      await expectClauseText(page, FIRST, textA);
      await switchTo(page, NEW_ZH);
      await expectClauseText(page, FIRST, textB);
      assert.ok(await banner.isVisible(), 'the banner stays while nothing can be stored');
    });
  });
});
