// End-to-end tests of the approval template editor (issue 4, item 2) in the release build:
// a branch threshold, a new step, a routing policy, undo, reload; nested branch blocks with
// typed conditions; adding and deleting templates.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DIST, eventually, launchBrowser, openApp, startServer } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 120_000 };

let browser;
let server;

before(async () => {
  browser = await launchBrowser();
  server = await startServer(DIST);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function withTemplates(opts, body) {
  const { context, page, guard } = await openApp(browser, server, { path: 'approvals', ...opts });
  try {
    await page.locator('[data-testid=tab-templates]').click();
    await page.locator('[data-testid=tpl-editor]').waitFor();
    await body({ context, page, guard });
    guard.assertClean();
  } finally {
    await context.close();
  }
}

const editor = (page) => page.locator('[data-testid=tpl-editor]');
/** The `days > 3` branch of the leave template. */
const longLeave = (page) => editor(page).locator('[data-testid=branch-card][data-id=br-long]');
const topSteps = (page) => editor(page).locator('[data-testid=step-card]');
const topAdd = (page, what) =>
  editor(page).locator(`[data-testid=flow-add][data-path=".flow"] [data-testid=${what}]`);

async function expectCondition(page, text) {
  await eventually(async () => {
    const shown = await longLeave(page).locator('[data-testid=branch-condition]').first().innerText();
    assert.ok(shown.includes(text), `condition shows ${JSON.stringify(text)}; got ${JSON.stringify(shown)}`);
  });
}

describe('approval template editor', () => {
  it('T1. threshold, new step and a routing policy are edited, undone, and kept over a reload', TEST_TIMEOUT, async () => {
    await withTemplates({ locale: 'zh-CN' }, async ({ page }) => {
      assert.equal(await editor(page).getAttribute('data-id'), 'leave');
      await expectCondition(page, '天数 > 3');

      // The threshold: typed into the condition's value, described at once, also in the summary.
      const value = longLeave(page).locator('[data-testid=pred-value]').first();
      assert.equal(await value.inputValue(), '3');
      await value.fill('5');
      await expectCondition(page, '天数 > 5');
      await eventually(async () => {
        const summary = await page.locator('[data-testid=template][data-id=leave]').innerText();
        assert.ok(summary.includes('天数 > 5'), 'the read-only summary follows');
      });

      // A new step at the end of the top-level flow, named.
      const before = await topSteps(page).count();
      await topAdd(page, 'step-add').click();
      await eventually(async () => assert.equal(await topSteps(page).count(), before + 1));
      const added = editor(page).locator('[data-testid=step-card][data-id=s-1]');
      // Typed key by key: the editor is not rebuilt under the caret, so every key lands.
      const stepName = added.locator('[data-testid=step-name]');
      await stepName.fill('');
      await stepName.pressSequentially('财务备案', { delay: 20 });
      assert.equal(await stepName.inputValue(), '财务备案');
      await eventually(async () => {
        const summary = await page.locator('[data-testid=template][data-id=leave]').innerText();
        assert.ok(summary.includes('财务备案'));
      });

      // A workspace routing policy.
      const skipSelf = page.locator('[data-testid=policy-skip-self]');
      assert.equal(await skipSelf.isChecked(), true);
      await skipSelf.click();
      await eventually(async () => assert.equal(await skipSelf.isChecked(), false));

      // Undo, one step at a time: the policy, the step's name, the step, the threshold.
      await page.evaluate(() => document.activeElement?.blur());
      await page.keyboard.press('Control+z');
      await eventually(async () => assert.equal(await skipSelf.isChecked(), true));
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+z');
      await eventually(async () => assert.equal(await topSteps(page).count(), before));
      await page.keyboard.press('Control+z');
      await expectCondition(page, '天数 > 3');
      await eventually(async () => assert.equal(await longLeave(page).locator('[data-testid=pred-value]').first().inputValue(), '3'));

      // Redo the threshold, then reload: the edit is kept.
      await page.keyboard.press('Control+Shift+z');
      await expectCondition(page, '天数 > 5');
      await eventually(async () => assert.equal(await page.locator('[data-testid=save-status]').innerText(), '已保存在本浏览器'));
      await page.reload();
      await page.locator('[data-testid=tab-templates]').click();
      await expectCondition(page, '天数 > 5');
      assert.equal(await longLeave(page).locator('[data-testid=pred-value]').first().inputValue(), '5');
      assert.equal(await page.locator('[data-testid=policy-skip-self]').isChecked(), true);

      // A value that is not a number is marked and not stored; undo shows the stored one.
      const again = longLeave(page).locator('[data-testid=pred-value]').first();
      await again.fill('五');
      assert.equal(await again.getAttribute('aria-invalid'), 'true');
      await expectCondition(page, '天数 > 5');
      await again.fill('4.50');
      await expectCondition(page, '天数 > 4.5');
      assert.equal(await again.inputValue(), '4.50', 'kept as typed');
      await page.evaluate(() => document.activeElement?.blur());
      await page.keyboard.press('Control+z');
      await expectCondition(page, '天数 > 5');
      await eventually(async () => assert.equal(await again.inputValue(), '5'));
    });
  });

  it('T2. nested branch blocks take conditions typed for their subject', TEST_TIMEOUT, async () => {
    await withTemplates({ locale: 'zh-CN' }, async ({ page }) => {
      // A branch block inside the `days > 3` branch.
      const inner = longLeave(page).locator('[data-testid=flow-add]').first();
      await inner.locator('[data-testid=branch-add]').click();
      const block = longLeave(page).locator('[data-testid=block-card]');
      await block.waitFor();
      assert.equal(await block.getAttribute('data-id'), 'b-1');
      const branch = block.locator('[data-testid=branch-card]').first();
      assert.equal(await branch.getAttribute('data-id'), 'br-1');
      // The new condition starts on the first number field.
      await eventually(async () => assert.ok((await branch.locator('[data-testid=branch-condition]').innerText()).includes('天数 > 0')));

      // The requester's department: only = ≠ in, not in; "in" takes several departments.
      const pred = branch.locator('[data-testid=pred]').first();
      await pred.locator('[data-testid=pred-subject]').selectOption('@dept');
      await eventually(async () => {
        const ops = await pred.locator('[data-testid=pred-op] option').allInnerTexts();
        assert.deepEqual(ops, ['=', '≠', '属于', '不属于']);
      });
      await pred.locator('[data-testid=pred-op]').selectOption({ label: '属于' });
      const list = pred.locator('[data-testid=pred-value]');
      await list.locator('select').selectOption('tech');
      await list.locator('select').selectOption('sales');
      await eventually(async () => {
        const words = await branch.locator('[data-testid=branch-condition]').innerText();
        assert.ok(words.includes('技术部') && words.includes('销售部'), words);
      });

      // An OR group on the leave type, then "between" on days.
      await branch.locator('[data-testid=group-add]').click();
      const second = branch.locator('[data-testid=or-group]').nth(1).locator('[data-testid=pred]').first();
      await second.waitFor();
      await second.locator('[data-testid=pred-subject]').selectOption('f:leave_type');
      await second.locator('[data-testid=pred-value]').selectOption('sick');
      await eventually(async () => {
        const words = await branch.locator('[data-testid=branch-condition]').innerText();
        assert.ok(words.includes('假期类型 = 病假'), words);
      });
      await second.locator('[data-testid=pred-subject]').selectOption('f:days');
      await second.locator('[data-testid=pred-op]').selectOption({ label: '介于' });
      await second.locator('[data-testid=pred-value]').fill('');
      await second.locator('[data-testid=pred-value]').pressSequentially('1', { delay: 20 });
      await second.locator('[data-testid=pred-value-to]').fill('');
      await second.locator('[data-testid=pred-value-to]').pressSequentially('2.5', { delay: 20 });
      await eventually(async () => {
        const words = await branch.locator('[data-testid=branch-condition]').innerText();
        assert.ok(words.includes('天数 介于 1、2.5'), words);
      });

      // A step in the new branch, approved by a role; no file problems were made.
      await branch.locator('[data-testid=flow-add] [data-testid=step-add]').first().click();
      const step = branch.locator('[data-testid=step-card]').first();
      await step.waitFor();
      await step.locator('[data-testid=approver-kind]').selectOption('role');
      await step.locator('[data-testid=approver-role]').selectOption('finance_manager');
      await eventually(async () => assert.ok((await step.locator('.who-text').innerText()).includes('财务')));
      assert.equal(await page.locator('[data-testid=tpl-problems]').count(), 0);

      // Removing the branch's whole block restores the template's shape.
      await block.locator('.row-head .row-actions button.danger').first().click();
      await eventually(async () => assert.equal(await longLeave(page).locator('[data-testid=block-card]').count(), 0));
    });
  });

  it('T3. templates are added with an id from the name, and deleting a used one warns first', TEST_TIMEOUT, async () => {
    await withTemplates({ locale: 'en-US' }, async ({ page }) => {
      const select = page.locator('[data-testid=tpl-select]');
      const count = await select.locator('option').count();
      await page.locator('[data-testid=tpl-new-name]').fill('Overtime pay');
      await page.locator('[data-testid=tpl-add]').click();
      await eventually(async () => assert.equal(await select.locator('option').count(), count + 1));
      await eventually(async () => assert.equal(await page.locator('[data-testid=tpl-id]').innerText(), 'overtime_pay'));
      assert.equal(await page.locator('[data-testid=tpl-name]').inputValue(), 'Overtime pay');

      // A field with an id from its label, made a number with bounds.
      await page.locator('[data-testid=field-new-label]').fill('Hours');
      await page.locator('[data-testid=field-add]').click();
      const row = editor(page).locator('[data-testid=field-row][data-id=hours]');
      await row.waitFor();
      await row.locator('[data-testid=field-kind]').selectOption('number');
      await row.locator('[data-testid=field-max]').fill('36');
      await eventually(async () => {
        const summary = await page.locator('[data-testid=template][data-id=overtime_pay]').innerText();
        assert.ok(summary.includes('≤ 36'), summary);
      });
      // The template's own routing policies.
      await page.locator('[data-testid=tpl-policies-own]').check();
      const own = page.locator('[data-testid=tpl-policy-skip-duplicate]');
      await own.waitFor();
      await own.uncheck();
      await eventually(async () => assert.equal(await page.locator('[data-testid=policy-skip-duplicate]').isChecked(), true, 'the workspace keeps its own'));

      // Leave is used by route tests: deleting it asks first.
      await select.selectOption({ index: 0 });
      await eventually(async () => assert.equal(await editor(page).getAttribute('data-id'), 'leave'));
      await page.locator('[data-testid=tpl-delete]').click();
      const warning = page.locator('[data-testid=tpl-delete-warning]');
      await warning.waitFor();
      assert.match(await warning.innerText(), /route test/);
      await page.locator('[data-testid=tpl-delete-anyway]').click();
      await eventually(async () => assert.equal(await select.locator('option').count(), count));
      assert.equal(await page.locator('[data-testid=template][data-id=leave]').count(), 0);
      await page.keyboard.press('Control+z');
      await eventually(async () => assert.equal(await page.locator('[data-testid=template][data-id=leave]').count(), 1));

      // The editor opens on the template the simulator has chosen.
      await page.locator('[data-testid=tab-simulate]').click();
      await page.locator('[data-testid=sim-template]').selectOption('expense');
      await page.locator('[data-testid=tab-templates]').click();
      await eventually(async () => assert.equal(await editor(page).getAttribute('data-id'), 'expense'));
    });
  });
});
