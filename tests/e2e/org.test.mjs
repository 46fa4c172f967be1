// End-to-end tests of the org chart tab of the approvals area (issue 4, item 1) in the
// release build: the chart, the editor (people, departments, roles), deleting with
// references, the problems box, and CSV export and import of the people.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { eventually, launchBrowser, openApp, startServer, DIST } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 180_000 };
const HEADER = 'id,name,dept,supervisor,roles,status';

let browser;
let server;
let tmp;

before(async () => {
  browser = await launchBrowser();
  server = await startServer(DIST);
  tmp = await mkdtemp(join(tmpdir(), 'ppg-org-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function openOrg(page) {
  await page.locator('[data-testid=tab-org]').click();
  await page.locator('[data-testid=org-tree]').waitFor();
}

async function withOrg(opts, body) {
  const { context, page, guard } = await openApp(browser, server, { path: 'approvals', ...opts });
  try {
    await openOrg(page);
    await body({ context, page, guard });
    guard.assertClean();
  } finally {
    await context.close();
  }
}

const testid = (page, id) => page.locator(`[data-testid="${id}"]`);
const peopleRows = (page) => page.locator('[data-testid=people] tbody tr');

async function text(locator) {
  return (await locator.innerText()).trim();
}

async function includes(locator, part) {
  await eventually(async () => {
    const t = await text(locator);
    assert.ok(t.includes(part), `expected ${JSON.stringify(part)} in ${JSON.stringify(t)}`);
  });
}

/** Writes a CSV file into the temporary folder and returns its path. */
async function csvFile(name, lines) {
  const path = join(tmp, name);
  await writeFile(path, lines.join('\r\n') + '\r\n');
  return path;
}

describe('org chart', () => {
  it('O1. the chart shows departments, heads, people, counts and who has left', TEST_TIMEOUT, async () => {
    await withOrg({ locale: 'zh-CN' }, async ({ page }) => {
      assert.equal(await peopleRows(page).count(), 15);
      const rd1 = testid(page, 'org-dept-rd1');
      await includes(rd1, '研发一组');
      await includes(rd1, '刘洋');
      // rd1 is inside tech, inside ceo.
      assert.equal(await page.locator('[data-testid=org-dept-ceo] [data-testid=org-dept-tech] [data-testid=org-dept-rd1]').count(), 1);
      assert.equal(await text(testid(page, 'org-dept-count-rd1')), '2 人');
      // ma has left and is marked; sales counts its two active people.
      await includes(testid(page, 'org-person-ma'), '已离职');
      assert.equal(await text(testid(page, 'org-dept-count-sales')), '2 人');
      await includes(testid(page, 'org-dept-count-ceo'), '共 14 人');
      // The starter has no org problems.
      assert.equal(await testid(page, 'org-problems').count(), 0);
    });
  });

  it('O2. add a person, change the supervisor, see the chart follow; it survives a reload', TEST_TIMEOUT, async () => {
    await withOrg({ locale: 'zh-CN' }, async ({ page }) => {
      await testid(page, 'org-add-person').click();
      await testid(page, 'org-new-name').fill('Test Person');
      await eventually(async () => assert.equal(await text(testid(page, 'org-new-generated')), 'test_person'));
      await testid(page, 'org-new-create').click();
      await testid(page, 'org-person-editor').waitFor();
      await testid(page, 'org-person-test_person').waitFor();
      assert.equal(await peopleRows(page).count(), 16);

      await testid(page, 'org-person-dept').selectOption('rd1');
      await testid(page, 'org-person-supervisor').selectOption('zhang');
      const entry = page.locator('[data-testid=org-dept-rd1] [data-testid=org-person-test_person]');
      await includes(entry, '张伟');
      assert.equal(await text(testid(page, 'org-dept-count-rd1')), '3 人');
      // Self is never offered as supervisor.
      assert.equal(await page.locator('[data-testid=org-person-supervisor] option[value=test_person]').count(), 0);

      // Roles and status.
      await testid(page, 'org-person-role-accountant').check();
      await includes(entry, '会计');
      await testid(page, 'org-person-status').selectOption('left');
      await includes(entry, '已离职');
      await testid(page, 'org-person-status').selectOption('active');

      // A second person with the same name gets a fresh id.
      await testid(page, 'org-add-person').click();
      await testid(page, 'org-new-name').fill('Test Person');
      await eventually(async () => assert.equal(await text(testid(page, 'org-new-generated')), 'test_person_2'));
      await testid(page, 'org-new-id').fill('zhang');
      await testid(page, 'org-new-create').click();
      await testid(page, 'org-new-error').waitFor();
      await testid(page, 'org-new-cancel').click();

      await eventually(async () => assert.equal(await text(testid(page, 'save-status')), '已保存在本浏览器'));
      await page.reload();
      await openOrg(page);
      await includes(page.locator('[data-testid=org-dept-rd1] [data-testid=org-person-test_person]'), '张伟');
      assert.equal(await peopleRows(page).count(), 16);
    });
  });

  it('O3. a supervision cycle is reported; a department cannot move under its own child', TEST_TIMEOUT, async () => {
    await withOrg({ locale: 'zh-CN' }, async ({ page }) => {
      await testid(page, 'org-person-liu').click();
      await testid(page, 'org-person-supervisor').selectOption('zhang');
      const problems = testid(page, 'org-problems');
      await includes(problems, '循环');
      await includes(problems, '刘洋 (liu)');
      await includes(problems, '张伟 (zhang)');
      // Undo removes it again.
      await page.keyboard.press('Control+z');
      await eventually(async () => assert.equal(await problems.count(), 0));

      await testid(page, 'org-dept-edit-tech').click();
      await testid(page, 'org-dept-parent').selectOption('rd1');
      await testid(page, 'org-dept-parent-error').waitFor();
      await eventually(async () => assert.equal(await testid(page, 'org-dept-parent').inputValue(), 'ceo'));
      assert.equal(await page.locator('[data-testid=org-dept-ceo] [data-testid=org-dept-tech]').count(), 1);

      // Renaming shows at once in the chart; aliases split on commas and 、.
      await testid(page, 'org-dept-name').fill('技术中心');
      await includes(testid(page, 'org-dept-tech'), '技术中心');
      await testid(page, 'org-dept-aliases').fill('技术部门、研发部, IT');
      await testid(page, 'org-dept-aliases').press('Tab');
      await eventually(async () => assert.equal(await testid(page, 'org-dept-aliases').inputValue(), '技术部门, 研发部, IT'));

      // A department with people or sub-departments cannot be deleted.
      await testid(page, 'org-dept-delete').click();
      await includes(testid(page, 'org-dept-delete-details'), '研发一组');
      assert.equal(await testid(page, 'org-delete-confirm').count(), 0);

      // A new, empty sub-department can.
      await testid(page, 'org-dept-add-child').click();
      await testid(page, 'org-new-name').fill('QA');
      await testid(page, 'org-new-create').click();
      await page.locator('[data-testid=org-dept-tech] [data-testid=org-dept-qa]').waitFor();
      await testid(page, 'org-dept-delete').click();
      await eventually(async () => assert.equal(await testid(page, 'org-dept-qa').count(), 0));
    });
  });

  it('O4. deleting a person or role that is referred to warns where, then the checks show it', TEST_TIMEOUT, async () => {
    await withOrg({ locale: 'zh-CN' }, async ({ page }) => {
      await testid(page, 'org-person-liu').click();
      await testid(page, 'org-person-delete').click();
      const details = testid(page, 'org-person-delete-details');
      await includes(details, '张伟 (zhang)');
      await includes(details, '研发一组 (rd1)');
      await testid(page, 'org-delete-confirm').click();
      await eventually(async () => assert.equal(await testid(page, 'org-person-liu').count(), 0));
      assert.equal(await peopleRows(page).count(), 14);
      await includes(testid(page, 'org-problems'), 'liu');

      await testid(page, 'org-role-approval_admin').click();
      await testid(page, 'org-role-editor').waitFor();
      await testid(page, 'org-role-delete').click();
      const roleDetails = testid(page, 'org-role-delete-details');
      await includes(roleDetails, '王芳 (wang)');
      await includes(roleDetails, '路由规则');
      await testid(page, 'org-delete-cancel').click();
      assert.equal(await testid(page, 'org-role-delete-details').count(), 0);

      // A new role, renamed and described.
      await testid(page, 'org-add-role').click();
      await testid(page, 'org-new-name').fill('Auditor');
      await testid(page, 'org-new-create').click();
      await testid(page, 'org-role-description').fill('Checks the books');
      await includes(testid(page, 'roles'), 'Checks the books');
    });
  });

  it('O5. export downloads the people as CSV', TEST_TIMEOUT, async () => {
    await withOrg({ locale: 'zh-CN' }, async ({ page }) => {
      const [d] = await Promise.all([page.waitForEvent('download'), testid(page, 'org-export').click()]);
      assert.match(d.suggestedFilename(), /^people-\d{8}\.csv$/);
      const path = join(tmp, d.suggestedFilename());
      await d.saveAs(path);
      const body = await readFile(path, 'utf8');
      const lines = body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      assert.equal(lines[0], HEADER);
      assert.equal(lines.length, 16);
      assert.ok(lines.includes('ma,马超,sales,wu,,left'), 'a person who left');
    });
  });

  it('O6. import previews row errors by line and replaces the people only when applied', TEST_TIMEOUT, async () => {
    const file = await csvFile('people.csv', [
      HEADER,
      'boss,Boss,ceo,,general_manager,active',
      'dev,Dev,rd9,boss,,active',
      'ops,Ops,tech,boss,,active',
    ]);
    await withOrg({ locale: 'zh-CN' }, async ({ page }) => {
      await testid(page, 'org-import').setInputFiles(file);
      const preview = testid(page, 'org-import-preview');
      await preview.waitFor();
      await includes(testid(page, 'org-import-count'), '2');
      const error = page.locator('[data-testid=org-import-errors] li[data-line="3"]');
      await includes(error, '第 3 行');
      await includes(error, 'rd9');
      // Nothing changed yet.
      assert.equal(await peopleRows(page).count(), 15);
      await testid(page, 'org-import-apply').click();
      await testid(page, 'org-import-done').waitFor();
      await eventually(async () => assert.equal(await peopleRows(page).count(), 2));
      assert.equal(await preview.count(), 0);
      await testid(page, 'org-person-ops').waitFor();
      // One undo step brings the old people back.
      await page.keyboard.press('Control+z');
      await eventually(async () => assert.equal(await peopleRows(page).count(), 15));
    });
  });

  it('O7. an import with a bad header cannot be applied; a cycle in the file is reported', TEST_TIMEOUT, async () => {
    const bad = await csvFile('bad.csv', ['who,what', 'a,b']);
    const loop = await csvFile('loop.csv', [
      '工号,姓名,部门,直属上级',
      'a,甲,ceo,b',
      'b,乙,ceo,a',
    ]);
    await withOrg({ locale: 'zh-CN' }, async ({ page }) => {
      await testid(page, 'org-import').setInputFiles(bad);
      await includes(testid(page, 'org-import-header-error'), '表头缺少列');
      assert.equal(await testid(page, 'org-import-apply').isDisabled(), true);
      await testid(page, 'org-import-cancel').click();
      assert.equal(await testid(page, 'org-import-preview').count(), 0);

      await testid(page, 'org-import').setInputFiles(loop);
      await includes(testid(page, 'org-import-problems'), '循环');
      await testid(page, 'org-import-apply').click();
      await eventually(async () => assert.equal(await peopleRows(page).count(), 2));
      await includes(testid(page, 'org-problems'), '甲 (a)');
    });
  });

  it('O8. English interface; no sideways scrolling at phone width', TEST_TIMEOUT, async () => {
    await withOrg({ locale: 'en-US', viewport: { width: 390, height: 800 } }, async ({ page }) => {
      await includes(testid(page, 'org-dept-count-rd1'), '2 staff');
      await testid(page, 'org-person-zhang').click();
      await testid(page, 'org-person-editor').waitFor();
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px window`);
      const bad = await csvFile('bad-en.csv', [HEADER, 'x,X,ceo,,,gone']);
      await testid(page, 'org-import').setInputFiles(bad);
      await includes(page.locator('[data-testid=org-import-errors] li[data-line="2"]'), 'Line 2');
      await includes(page.locator('[data-testid=org-import-errors] li[data-line="2"]'), 'gone');
    });
  });
});
