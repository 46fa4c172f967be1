// End-to-end tests of the approval simulator and the route tests (issue 4, items 4 and 5)
// in the release build: a request routed, drawn and explained in both languages; wrong
// input; a route kept as a route test that survives a reload; a route test turning red
// after an org edit and green again after undo.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DIST, eventually, launchBrowser, openApp, startServer } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 180_000 };

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

const testid = (page, id) => page.locator(`[data-testid="${id}"]`);

async function text(locator) {
  return (await locator.innerText()).trim();
}

async function withApprovals(opts, body) {
  const { context, page, guard } = await openApp(browser, server, { path: 'approvals', ...opts });
  try {
    await testid(page, 'simulator').waitFor();
    await body({ context, page, guard });
    guard.assertClean();
  } finally {
    await context.close();
  }
}

/** 张伟 asks for five days of annual leave. */
async function fiveDaysLeave(page) {
  await testid(page, 'sim-template').selectOption('leave');
  await testid(page, 'sim-requester').selectOption('zhang');
  await testid(page, 'sim-field-leave_type').selectOption('annual');
  await testid(page, 'sim-field-days').fill('5');
}

async function stepApprovers(page) {
  return page.locator('[data-testid=sim-steps] > li .approvers').allInnerTexts();
}

/** The route tests' tab badge as [passed, total]. */
async function badge(page) {
  const [passed, total] = (await text(testid(page, 'fixtures-badge'))).split('/').map(Number);
  return [passed, total];
}

describe('approval simulator', () => {
  it('A1. routes a request, draws the path taken and explains it, in Chinese and English', TEST_TIMEOUT, async () => {
    await withApprovals({ locale: 'zh-CN' }, async ({ page }) => {
      await fiveDaysLeave(page);
      await eventually(async () => assert.deepEqual(await stepApprovers(page), ['刘洋', '陈刚', '何静']));
      assert.ok((await text(testid(page, 'sim-cc'))).includes('王芳'));
      // The SVG flow highlights the three steps and the branch taken, nothing else.
      const flow = testid(page, 'sim-flow');
      assert.equal(await flow.locator('svg g.step').count(), 3);
      assert.equal(await flow.locator('svg g.step.taken').count(), 3);
      assert.equal(await flow.locator('svg g.cond').count(), 2, 'the days branch and the otherwise branch');
      assert.equal(await flow.locator('svg g.cond.taken').count(), 1);
      // The trace gives each condition with its verdict and how each approver was found.
      const trace = await text(testid(page, 'sim-trace'));
      assert.match(trace, /天数 > 3（实际：天数 = 5）—— 成立/);
      assert.match(trace, /直属上级 → 刘洋/);

      // The boundary: 3 days takes only the supervisor.
      await testid(page, 'sim-field-days').fill('3');
      await eventually(async () => assert.deepEqual(await stepApprovers(page), ['刘洋']));
      assert.equal(await flow.locator('svg g.step.taken').count(), 1);
      assert.equal(await flow.locator('svg g.step.off').count(), 2, 'the untaken branch is greyed');

      await testid(page, 'lang-toggle').click();
      await eventually(async () => assert.match(await text(testid(page, 'sim-trace')), /does not hold/));
      assert.ok((await text(testid(page, 'sim-steps'))).includes('single approver'));
    });
  });

  it('A2. wrong input gives a clear error and no route', TEST_TIMEOUT, async () => {
    await withApprovals({ locale: 'en-US' }, async ({ page }) => {
      await testid(page, 'lang-toggle').waitFor();
      await fiveDaysLeave(page);
      await testid(page, 'sim-field-days').fill('2.3');
      await eventually(async () => assert.match(await text(testid(page, 'sim-error')), /multiple of 0\.5/));
      assert.equal(await testid(page, 'sim-steps').count(), 0, 'no partial route');
      assert.equal(await testid(page, 'sim-field-days').getAttribute('aria-invalid'), 'true');
      await testid(page, 'sim-field-days').fill('');
      await eventually(async () => assert.match(await text(testid(page, 'sim-error')), /required/));
      // A requester who has left is refused.
      await testid(page, 'sim-field-days').fill('1');
      await testid(page, 'sim-requester').selectOption('ma');
      await eventually(async () => assert.match(await text(testid(page, 'sim-error')), /refused/));
      // A refusal can be kept as a route test too, and it passes.
      const [, total] = await badge(page);
      await testid(page, 'sim-save-fixture').click();
      await eventually(async () => assert.deepEqual(await badge(page), [total + 1, total + 1]));
      await testid(page, 'tab-fixtures').click();
      const row = page.locator('[data-testid=fixtures] tbody tr').last();
      assert.match(await text(row), /refused/);
      assert.equal(await text(row.locator('[data-testid=fixture-badge]')), 'pass');
    });
  });

  it('A3. a route kept as a route test is there after a reload', TEST_TIMEOUT, async () => {
    await withApprovals({ locale: 'zh-CN' }, async ({ page }) => {
      const [, total] = await badge(page);
      await fiveDaysLeave(page);
      await testid(page, 'sim-fixture-name').fill('张伟年假五天');
      await testid(page, 'sim-save-fixture').click();
      await eventually(async () => assert.deepEqual(await badge(page), [total + 1, total + 1]));
      await page.waitForTimeout(600); // autosave
      await page.reload();
      await testid(page, 'tab-fixtures').click();
      const row = page.locator('[data-testid=fixtures] tbody tr', { hasText: '张伟年假五天' });
      await eventually(async () => assert.equal(await row.count(), 1));
      assert.equal(await text(row.locator('[data-testid=fixture-badge]')), '通过');
      assert.ok((await text(row)).includes('刘洋 → 陈刚 → 何静'));
    });
  });

  it('A4. a route test turns red after an org edit, shows what differs, and turns green on undo', TEST_TIMEOUT, async () => {
    await withApprovals({ locale: 'zh-CN' }, async ({ page }) => {
      const [passed, total] = await badge(page);
      assert.equal(passed, total, 'the starter passes');

      // 刘洋 leaves: every route that needed him changes.
      await testid(page, 'tab-org').click();
      await testid(page, 'org-person-liu').click();
      await testid(page, 'org-person-status').selectOption('left');
      await eventually(async () => {
        const [p, t] = await badge(page);
        assert.equal(t, total);
        assert.ok(p < t, `some route tests fail now (${p}/${t})`);
      });
      assert.ok(await testid(page, 'fixtures-badge').evaluate((el) => el.classList.contains('bad')));

      await testid(page, 'tab-fixtures').click();
      const failing = page.locator('[data-testid=fixtures] tr.failing');
      assert.ok((await failing.count()) > 0);
      const row = testid(page, 'fixture-fx-leave-2');
      assert.equal(await text(row.locator('[data-testid=fixture-badge]')), '未通过');
      assert.match(await text(row.locator('[data-testid=fixture-diff]')), /第 1 步：预期 刘洋，实际 /);

      // Opening it in the simulator shows why.
      await row.locator('[data-testid=fixture-open]').click();
      await eventually(async () => assert.match(await text(testid(page, 'sim-trace')), /刘洋 已离职/));

      // Undo brings 刘洋 back and every test passes again.
      await testid(page, 'undo').click();
      await eventually(async () => assert.deepEqual(await badge(page), [total, total]));
    });
  });

  it('A5. at phone width no tab of the approvals area scrolls sideways', TEST_TIMEOUT, async () => {
    await withApprovals({ locale: 'zh-CN', viewport: { width: 390, height: 800 } }, async ({ page }) => {
      await fiveDaysLeave(page);
      await eventually(async () => assert.equal(await page.locator('[data-testid=sim-steps] > li').count(), 3));
      for (const tab of ['tab-simulate', 'tab-fixtures', 'tab-templates', 'tab-org', 'tab-timing', 'tab-checks']) {
        await testid(page, tab).click();
        await page.waitForTimeout(100);
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        assert.ok(scroll <= client, `${tab}: page is ${scroll}px wide in a ${client}px window`);
      }
    });
  });

  it('A6. the checks are listed in words and open the template they are about', TEST_TIMEOUT, async () => {
    await withApprovals({ locale: 'zh-CN' }, async ({ page }) => {
      assert.equal(await text(testid(page, 'checks-badge')), '10', 'the starter has 10 intended warnings');
      await testid(page, 'tab-checks').click();
      assert.equal(await text(testid(page, 'checks-summary')), '0 个错误，10 个提醒');
      const expense = page.locator('[data-testid=checks] li[data-code=uncovered_range]', { hasText: '报销' });
      assert.match(await text(expense), /没有分支覆盖/);
      await expense.locator('[data-testid=check-open]').click();
      // The expense template (the second) is the one open.
      await eventually(async () => assert.equal(await testid(page, 'tpl-select').inputValue(), '1'));
      assert.equal(await testid(page, 'tpl-name').inputValue(), '报销');
    });
  });

  it('A7. the timeline puts each step on the working calendar', TEST_TIMEOUT, async () => {
    await withApprovals({ locale: 'zh-CN' }, async ({ page }) => {
      await fiveDaysLeave(page);
      // Friday 17:00: one working hour that day, then Monday, then Tuesday morning.
      await testid(page, 'sim-submitted').fill('2026-11-20T17:00');
      const summary = testid(page, 'timeline-summary');
      await eventually(async () => assert.equal(await summary.getAttribute('data-finish'), '2026-11-24T11:00'));
      assert.match(await text(summary), /工作时长 12 小时/);
      assert.match(await text(summary), /日历时长 3 天 18 小时/);
      const rows = page.locator('[data-testid=timeline-steps] tbody tr');
      assert.equal(await rows.count(), 3);
      assert.match(await text(rows.nth(0)), /2026-11-20 17:00 → 2026-11-23 12:00/);
      // The same timeline in English.
      await testid(page, 'lang-toggle').click();
      await eventually(async () => assert.match(await text(summary), /12 working hours/));
    });
  });

  it('A8. timing settings change the timeline: a holiday, a slow approver escalated', TEST_TIMEOUT, async () => {
    await withApprovals({ locale: 'zh-CN' }, async ({ page }) => {
      await fiveDaysLeave(page);
      await testid(page, 'sim-submitted').fill('2026-11-20T17:00');
      const summary = testid(page, 'timeline-summary');
      await eventually(async () => assert.equal(await summary.getAttribute('data-finish'), '2026-11-24T11:00'));

      // Monday becomes a holiday: everything moves by one working day.
      await testid(page, 'tab-timing').click();
      const holidays = testid(page, 'timing-holidays');
      await holidays.fill((await holidays.inputValue()) + '\n2026-11-23');
      await holidays.blur();
      // 刘洋 takes 10 working hours: past the 8-hour timeout, so his part goes to 陈刚.
      await testid(page, 'timing-add-person').selectOption('liu');
      const liu = testid(page, 'timing-person-liu');
      await liu.locator('input[type=number]').first().fill('10');

      await testid(page, 'tab-simulate').click();
      await eventually(async () => assert.match(await text(testid(page, 'timeline-steps')), /超时：刘洋 的审批转交其直属上级 陈刚/));
      assert.match(await text(testid(page, 'timeline-breaches')), /刘洋 用时/);
      // The holiday and the escalation both push the finish later.
      const finish = await summary.getAttribute('data-finish');
      assert.ok(finish > '2026-11-24T11:00', `finish ${finish} moves later`);
    });
  });

  it('A9. a saved version is restored over an edit and kept over a reload', TEST_TIMEOUT, async () => {
    await withApprovals({ locale: 'zh-CN' }, async ({ page }) => {
      const [, total] = await badge(page);
      // Save the starter as V1.0 on the export page.
      await page.locator('[data-testid=nav-export]').click();
      await testid(page, 'version-number').fill('V1.0');
      await testid(page, 'version-note').fill('首次发布');
      await testid(page, 'version-save').click();
      await eventually(async () => assert.equal(await page.locator('[data-testid=versions] tbody tr').count(), 1));

      // 刘洋 leaves; some route tests fail.
      await page.locator('[data-testid=nav-approvals]').click();
      await testid(page, 'tab-org').click();
      await testid(page, 'org-person-liu').click();
      await testid(page, 'org-person-status').selectOption('left');
      await eventually(async () => assert.ok((await badge(page))[0] < total));

      // Restoring V1.0 brings him back; the version list is kept, also over a reload.
      await page.locator('[data-testid=nav-export]').click();
      await testid(page, 'version-v1').locator('[data-testid=version-restore]').click();
      await page.locator('[data-testid=nav-approvals]').click();
      await eventually(async () => assert.deepEqual(await badge(page), [total, total]));
      await page.waitForTimeout(600);
      await page.reload();
      await page.locator('[data-testid=nav-export]').click();
      await eventually(async () => assert.match(await text(testid(page, 'version-v1')), /V1\.0.*首次发布/s));
    });
  });

  it('A10. a per-step timing override changes that step only', TEST_TIMEOUT, async () => {
    await withApprovals({ locale: 'zh-CN' }, async ({ page }) => {
      await fiveDaysLeave(page);
      await testid(page, 'sim-submitted').fill('2026-11-20T17:00');
      // The supervisor's step times out after 2 working hours and is then approved.
      await testid(page, 'tab-timing').click();
      await testid(page, 'timing-add-step').selectOption('leave/s-supervisor');
      const row = testid(page, 'timing-step-leave-s-supervisor');
      await row.locator('input[type=number]').first().fill('2');
      await row.locator('select').selectOption('auto_approve');
      await testid(page, 'tab-simulate').click();
      const steps = page.locator('[data-testid=timeline-steps] tbody tr');
      await eventually(async () => assert.match(await text(steps.nth(0)), /超时：自动通过/));
      assert.doesNotMatch(await text(steps.nth(1)), /超时/);
      // 17:00 Friday + 2 working hours = Monday 10:00.
      assert.match(await text(steps.nth(0)), /2026-11-20 17:00 → 2026-11-23 10:00/);
    });
  });
});
