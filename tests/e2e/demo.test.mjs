// End-to-end tests of the trainer's demo mode (issue 7, item 6) in the release build:
// opened from the training area, stepped through with the keyboard and the buttons, a live
// name check, an approval route revealed step by step, a quiz answer revealed, the language
// switched on the page itself, full screen on and off, and back to the training area.
// Run: cd tests/e2e && node --test --test-concurrency=1 demo.test.mjs
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { eventually, useApp } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 120_000 };

const env = useApp('ppg-demo-');
const withApp = env.withApp;

const $ = (page, testid) => page.locator(`[data-testid=${testid}]`);

/** Opens demo mode from the training area's tab bar. */
async function openDemo(page) {
  await $(page, 'nav-training').click();
  await $(page, 'open-demo').click();
  await $(page, 'demo').waitFor();
  await eventually(async () => assert.match(await $(page, 'demo-counter').innerText(), /^\s*\S*\s*1 \/ \d+$/));
}

/** The slide number and the slide count the counter shows. */
async function counter(page) {
  const m = (await $(page, 'demo-counter').innerText()).match(/(\d+) \/ (\d+)/);
  assert.ok(m, 'the counter reads "n / total"');
  return { at: Number(m[1]), total: Number(m[2]) };
}

async function expectSlide(page, n) {
  await eventually(async () => assert.equal((await counter(page)).at, n));
}

/** Picks the slide whose table-of-contents entry contains `text`. */
async function jumpTo(page, text) {
  const value = await $(page, 'demo-jump')
    .locator('option', { hasText: text })
    .first()
    .getAttribute('value');
  assert.ok(value !== null, `a slide titled ${text}`);
  await $(page, 'demo-jump').selectOption(value);
  await expectSlide(page, Number(value) + 1);
}

/** The approvers of the route steps shown so far, in order. */
async function shownApprovers(page) {
  return page.locator('[data-testid=demo-route-step]:visible [data-testid=demo-approvers]').allInnerTexts();
}

describe('Demo mode (release build in Chromium)', () => {
  it('D1. keys and buttons step through the policy, a name is checked live, a route and a quiz answer are revealed', TEST_TIMEOUT, async () => {
    await withApp({ path: 'training' }, async ({ page }) => {
      await openDemo(page);
      // The app's header is hidden; the title slide shows the cover block.
      assert.equal(await $(page, 'nav-policy').count(), 0, 'no app header in demo mode');
      const title = $(page, 'demo-title');
      assert.match(await title.innerText(), /企业微信办公使用规范/);
      assert.match(await title.innerText(), /EXT-ADM-2025-007/);
      const { total } = await counter(page);
      assert.ok(total > 20, `${total} slides`);

      // → goes to the first chapter; Space and PageDown go on; ← and PageUp come back.
      await page.keyboard.press('ArrowRight');
      await expectSlide(page, 2);
      const chapter = $(page, 'demo-chapter');
      assert.match(await chapter.locator('h2').innerText(), /第一章/);
      assert.match(await chapter.innerText(), /第1条/);
      await page.keyboard.press('Space');
      await expectSlide(page, 3);
      assert.match(await $(page, 'demo-chapter').locator('h2').innerText(), /第二章/);
      await page.keyboard.press('PageDown');
      await expectSlide(page, 4);
      await page.keyboard.press('ArrowLeft');
      await expectSlide(page, 3);
      await page.keyboard.press('PageUp');
      await expectSlide(page, 2);
      await page.keyboard.press('End');
      await expectSlide(page, total);
      await page.keyboard.press('Home');
      await expectSlide(page, 1);
      assert.equal(await $(page, 'demo-prev').isDisabled(), true, 'nothing before the first slide');
      // A number and Enter jump to that slide; the buttons work too.
      await page.keyboard.press('3');
      await page.keyboard.press('Enter');
      await expectSlide(page, 3);
      await $(page, 'demo-next').click();
      await expectSlide(page, 4);
      await $(page, 'demo-prev').click();
      await expectSlide(page, 3);

      // The live name check: a wrong name is explained, the valid example passes.
      await $(page, 'demo-section-naming').click();
      const naming = $(page, 'demo-naming');
      await naming.waitFor();
      const at = (await counter(page)).at;
      const input = $(page, 'demo-name-input');
      await input.fill('技术部-ERP升级-项目群');
      await eventually(async () => assert.equal(await $(page, 'demo-verdict').getAttribute('data-ok'), 'false'));
      assert.ok((await $(page, 'demo-violations').locator('li').count()) > 0, 'the problems are listed');
      assert.match(await $(page, 'demo-verdict').innerText(), /依据/, 'the clause that states the rule');
      // Keys typed in the field stay in the field.
      await input.press('ArrowRight');
      await input.press('Space');
      assert.equal((await counter(page)).at, at, 'typing does not move the slides');
      await $(page, 'demo-load-valid').click();
      await eventually(async () => assert.equal(await $(page, 'demo-verdict').getAttribute('data-ok'), 'true'));
      assert.match(await input.inputValue(), /^【.+】-【.+】-【.+】$/);
      await $(page, 'demo-load-near-miss').click();
      await eventually(async () => assert.equal(await $(page, 'demo-verdict').getAttribute('data-ok'), 'false'));
      // Esc hands the keys back to the presentation.
      await input.press('Escape');
      await page.keyboard.press('ArrowRight');
      await expectSlide(page, at + 1);

      // The top-secret document request: chen, then xu, then zhou, one step at a time.
      await jumpTo(page, '张伟申请绝密文档');
      await $(page, 'demo-route').waitFor();
      assert.match(await $(page, 'demo-route').innerText(), /张伟/);
      assert.deepEqual(await shownApprovers(page), [], 'the request first, no steps yet');
      await page.keyboard.press('ArrowRight');
      await eventually(async () => assert.deepEqual(await shownApprovers(page), ['陈刚']));
      await page.keyboard.press('Space');
      await eventually(async () => assert.deepEqual(await shownApprovers(page), ['陈刚', '许诺']));
      const second = page.locator('[data-testid=demo-route-step]:visible').nth(1);
      assert.match(await second.innerText(), /绝密.*成立/, 'the branch condition that applied, with the actual value');
      await $(page, 'demo-next-step').click();
      await eventually(async () => assert.deepEqual(await shownApprovers(page), ['陈刚', '许诺', '周宏']));
      assert.match(await page.locator('[data-testid=demo-route-step]:visible').nth(2).innerText(), /跳过/, 'a skip with its reason');
      await page.keyboard.press('ArrowRight');
      await $(page, 'demo-route-end').waitFor();
      assert.equal(await $(page, 'demo-next-step').isDisabled(), true);
      const routeSlide = (await counter(page)).at;
      // ← hides the last reveal again.
      await page.keyboard.press('ArrowLeft');
      await eventually(async () => assert.equal(await $(page, 'demo-route-end').isVisible(), false));
      assert.equal((await counter(page)).at, routeSlide);

      // A quiz question, then its answer with the explanation and the clause.
      await $(page, 'demo-section-quiz').click();
      const question = $(page, 'demo-question');
      await question.waitFor();
      assert.equal(await $(page, 'demo-answer').isVisible(), false, 'the answer is hidden at first');
      assert.equal(await question.locator('li.right').count(), 0);
      const quizAt = (await counter(page)).at;
      await page.keyboard.press('ArrowRight');
      await eventually(async () => assert.equal(await $(page, 'demo-answer').isVisible(), true));
      assert.equal((await counter(page)).at, quizAt, 'the answer shows on the same slide');
      assert.match(await $(page, 'demo-answer').innerText(), /答案/);
      await page.keyboard.press('ArrowRight');
      await expectSlide(page, quizAt + 1);
      assert.equal(await $(page, 'demo-answer').isVisible(), false);
      await $(page, 'demo-show-answer').click();
      await eventually(async () => assert.equal(await $(page, 'demo-answer').isVisible(), true));
    });
  });

  it('D2. the language toggles on the page, ?lang= picks it, and the exit link returns to training', TEST_TIMEOUT, async () => {
    await withApp({ path: 'training' }, async ({ page }) => {
      await openDemo(page);
      await page.keyboard.press('ArrowRight');
      await expectSlide(page, 2);
      await $(page, 'demo-lang').click();
      await eventually(async () => assert.match(await $(page, 'demo-chapter').locator('h2').innerText(), /Chapter 1/));
      assert.match(await $(page, 'demo-exit').innerText(), /Exit demo/);
      assert.match(await $(page, 'demo-chapter').innerText(), /Article 1/);
      await expectSlide(page, 2);
      await $(page, 'demo-lang').click();
      await eventually(async () => assert.match(await $(page, 'demo-chapter').locator('h2').innerText(), /第一章/));

      // A link with ?lang=en presents in English.
      const url = new URL(page.url());
      await page.goto(`${url.origin}${url.pathname}?lang=en`);
      await $(page, 'demo').waitFor();
      await eventually(async () => assert.match(await $(page, 'demo-title').innerText(), /Office Messaging Usage Code/));
      assert.match(await $(page, 'demo-exit').innerText(), /Exit demo/);

      // Full screen on and off (the browser decides; the page never fails either way).
      await $(page, 'demo-fullscreen').click();
      await eventually(async () => assert.equal(await $(page, 'demo-fullscreen').getAttribute('aria-pressed'), 'true'));
      await $(page, 'demo-fullscreen').click();
      await eventually(async () => assert.equal(await $(page, 'demo-fullscreen').getAttribute('aria-pressed'), 'false'));

      await $(page, 'demo-exit').click();
      await $(page, 'nav-training').waitFor();
      await $(page, 'open-demo').waitFor();
      assert.match(page.url(), /\/training$/);
    });
  });

  it('D3. a name typed on the slide is inert, and the slides fit a phone', TEST_TIMEOUT, async () => {
    await withApp({ path: 'training', viewport: { width: 390, height: 844 } }, async ({ page }) => {
      await openDemo(page);
      await $(page, 'demo-section-naming').click();
      await $(page, 'demo-name-input').fill('<img src=x onerror=alert(1)>【技术部】');
      await eventually(async () => assert.equal(await $(page, 'demo-verdict').getAttribute('data-ok'), 'false'));
      assert.equal(await page.locator('[data-testid=demo] img').count(), 0, 'no image element made from the name');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px)`);
    });
  });
});
