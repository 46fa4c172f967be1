// End-to-end tests of the trainer's editors in the training area (issue 7): a question of
// one's own with its live preview, kept over a reload and undone; a rule fact changed and
// the generated question's answer following it; a quiz set drawing its questions; both
// languages and phone width.
// Run: cd tests/e2e && node --test --test-concurrency=1 training-editor.test.mjs
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { eventually, useApp, waitForApp } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 120_000 };

const env = useApp('ppg-training-editor-');
const withApp = env.withApp;

const tid = (scope, id) => scope.locator(`[data-testid=${id}]`);

/** Opens the training area's tab `tab` (`bank`, `norms`, `sets`). */
async function openTab(page, tab) {
  await tid(page, `tab-${tab}`).click();
  await tid(page, `${tab}-tab`).waitFor();
}

/** The right option(s) of a question shown with its answer. */
async function rightOptions(paper) {
  return (await paper.locator('li[data-right=true]').allInnerTexts()).map((t) => t.replace('✓', '').trim());
}

/** The generated single-choice question whose prompt mentions `words`, in the open topic. */
function generatedQuestion(page, topic, words) {
  return tid(page, `tb-topic-${topic}`)
    .locator('[data-testid=paper-trainer]')
    .filter({ hasText: words })
    .filter({ has: page.locator('li[data-right]') });
}

describe('Training: the trainer editors (release build in Chromium)', () => {
  it('TE1. a question of one\'s own: preview, validation, undo and redo, kept over a reload', TEST_TIMEOUT, async () => {
    await withApp({ path: 'training', locale: 'zh-CN' }, async ({ page }) => {
      await tid(page, 'bank-tab').waitFor();
      const rows = tid(page, 'tb-row');
      const before = await rows.count();
      assert.ok(before >= 1, 'the starter has questions of its own');

      await tid(page, 'tb-add-single').click();
      const row = page.locator('[data-testid=tb-row][data-id="q-1"]');
      await row.waitFor();
      const editor = tid(page, 'tb-editor');
      assert.equal(await editor.getAttribute('data-id'), 'q-1');
      // The prompt has the focus, ready to type.
      await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'tb-prompt'));

      const prompt = '客户在群里投诉，应先用哪种方式跟进？';
      await tid(editor, 'tb-prompt').fill(prompt);
      const options = tid(editor, 'tb-option-text');
      await options.nth(0).fill('公告');
      await options.nth(1).fill('私聊');
      await tid(editor, 'tb-option-add').click();
      await eventually(async () => assert.equal(await options.count(), 3));
      await options.nth(2).fill('邮件');
      await tid(editor, 'tb-option-right').nth(1).check();
      await tid(editor, 'tb-explanation').fill('一对一的紧急沟通用私聊。');
      await tid(editor, 'tb-cite').selectOption('c-channels-choice');
      const cited = editor.locator('[data-testid=tb-cited][data-clause="c-channels-choice"]');
      await cited.waitFor();
      assert.match(await cited.innerText(), /第\d+条/);

      // The preview: without the answer for employees, with it for trainers.
      const taker = tid(editor, 'tb-preview-taker');
      const trainer = tid(editor, 'tb-preview-trainer');
      await eventually(async () => {
        const text = await taker.innerText();
        assert.ok(text.includes(prompt) && text.includes('私聊') && text.includes('邮件'), text);
        assert.ok(!text.includes('✓') && !text.includes('讲解'), 'no answer for employees');
        assert.deepEqual(await rightOptions(trainer), ['私聊']);
        const t = await trainer.innerText();
        assert.ok(t.includes('一对一的紧急沟通用私聊') && /第\d+条/.test(t), t);
      });
      assert.equal(await tid(editor, 'tb-problems').count(), 0, 'nothing to fix');

      // Validation: a multiple choice without a right option, and a fill-in without answers.
      await tid(editor, 'tb-kind').selectOption('multiple');
      await tid(editor, 'tb-option-right').nth(1).uncheck();
      await eventually(async () => assert.ok((await tid(editor, 'tb-problems').innerText()).includes('没有标记正确选项')));
      await tid(row, 'tb-row-problem').waitFor();
      await tid(editor, 'tb-option-right').nth(1).check();
      await eventually(async () => assert.equal(await tid(editor, 'tb-problems').count(), 0));
      await tid(editor, 'tb-kind').selectOption('single');
      await eventually(async () => assert.deepEqual(await rightOptions(trainer), ['私聊']));

      // Undo takes every step back until the question is gone; redo brings it all back.
      const undo = tid(page, 'undo');
      for (let i = 0; i < 30 && (await row.count()) > 0; i++) await undo.click();
      assert.equal(await row.count(), 0, 'undo removes the question');
      assert.equal(await rows.count(), before);
      const redo = tid(page, 'redo');
      while (!(await redo.isDisabled())) await redo.click();
      await row.waitFor();
      await row.locator('[data-testid=tb-pick]').click();
      await eventually(async () => assert.equal(await tid(editor, 'tb-prompt').inputValue(), prompt));
      assert.deepEqual(await rightOptions(trainer), ['私聊']);

      // Autosaved: there after a reload.
      await page.reload();
      await waitForApp(page);
      await tid(page, 'bank-tab').waitFor();
      await page.locator('[data-testid=tb-row][data-id="q-1"] [data-testid=tb-pick]').click();
      const again = tid(page, 'tb-editor');
      await eventually(async () => assert.equal(await tid(again, 'tb-prompt').inputValue(), prompt));
      assert.equal(await tid(again, 'tb-option-text').nth(2).inputValue(), '邮件');
      assert.ok(await tid(again, 'tb-option-right').nth(1).isChecked());
      await again.locator('[data-testid=tb-cited][data-clause="c-channels-choice"]').waitFor();
      assert.deepEqual(await rightOptions(tid(again, 'tb-preview-trainer')), ['私聊']);
    });
  });

  it('TE2. changing a rule fact changes the generated question\'s answer (English)', TEST_TIMEOUT, async () => {
    await withApp({ path: 'training', locale: 'en-US' }, async ({ page }) => {
      await tid(page, 'bank-tab').waitFor();
      const words = 'reply time for an important message';
      await tid(page, 'tb-topic-numbers').locator('summary').click();
      await eventually(async () => assert.deepEqual(await rightOptions(generatedQuestion(page, 'numbers', words)), ['30 minutes']));
      assert.equal(await tid(page, 'tb-notes').count(), 0, 'the starter\'s facts agree with its clauses');

      await openTab(page, 'norms');
      assert.equal(await tid(page, 'tab-norms').innerText(), 'Rule facts');
      await tid(page, 'tn-consistent').waitFor();
      const fact = page.locator('[data-testid=tn-numbers-row][data-id="reply-important"]');
      const amount = tid(fact, 'tn-amount');
      assert.equal(await amount.inputValue(), '30');
      await amount.fill('15');
      // The clause still says 30: the consistency check says so.
      const note = page.locator('[data-testid=tn-note][data-code=not_in_clause]');
      await note.waitFor();
      assert.ok((await note.innerText()).includes('15'));
      // Text that is not a number is kept as typed, marked, and not stored.
      await amount.fill('1x');
      assert.equal(await amount.getAttribute('aria-invalid'), 'true');
      await amount.fill('15');
      assert.equal(await amount.getAttribute('aria-invalid'), 'false');

      await openTab(page, 'bank');
      await tid(page, 'tb-topic-numbers').locator('summary').click();
      await eventually(async () => assert.deepEqual(await rightOptions(generatedQuestion(page, 'numbers', words)), ['15 minutes']));
      await page.locator('[data-testid=tb-note][data-code=not_in_clause]').waitFor();

      // Undo puts the fact and the answer back.
      await tid(page, 'undo').click();
      await eventually(async () => assert.deepEqual(await rightOptions(generatedQuestion(page, 'numbers', words)), ['30 minutes']));
      assert.equal(await tid(page, 'tb-notes').count(), 0);
    });
  });

  it('TE3. a quiz set with topics and a count draws that many questions', TEST_TIMEOUT, async () => {
    await withApp({ path: 'training', locale: 'zh-CN' }, async ({ page }) => {
      await openTab(page, 'sets');
      const before = await tid(page, 'ts-row').count();
      await tid(page, 'ts-add').click();
      await eventually(async () => assert.equal(await tid(page, 'ts-row').count(), before + 1));
      const editor = tid(page, 'ts-editor');
      await eventually(async () => assert.equal(await editor.getAttribute('data-id'), `set-1`));
      await tid(editor, 'ts-name').fill('渠道与时限小测');

      // Only channels and numbers.
      for (const t of ['naming', 'routing', 'documents', 'custom']) {
        await editor.locator(`[data-testid=ts-topic][data-topic=${t}]`).uncheck();
      }
      const topicCount = async (t) =>
        Number((await editor.locator(`label:has([data-topic=${t}]) [data-testid=ts-topic-count]`).innerText()).replace(/\D/g, ''));
      const available = (await topicCount('channels')) + (await topicCount('numbers'));
      assert.ok(available >= 6, `${available} questions available`);

      const count = tid(editor, 'ts-count');
      await count.fill('6');
      const drawn = tid(editor, 'ts-drawn');
      await eventually(async () => assert.equal(await drawn.count(), 6));
      for (const topic of await drawn.evaluateAll((els) => els.map((e) => e.dataset.topic))) {
        assert.ok(['channels', 'numbers'].includes(topic), topic);
      }
      assert.equal(await tid(editor, 'ts-drawn-count').innerText(), `已抽题数 / 可抽题数： 6 / ${available}`);
      // Every drawn question shows its answer for the trainer.
      assert.equal(await drawn.locator('[data-testid=paper-trainer]').count(), 6);

      // The same seed draws the same questions; a new seed draws again.
      const firstIds = await drawn.locator('[data-testid=paper-trainer]').evaluateAll((els) => els.map((e) => e.dataset.id));
      const seed = tid(editor, 'ts-seed');
      const oldSeed = await seed.inputValue();
      await tid(editor, 'ts-new-seed').click();
      await eventually(async () => assert.notEqual(await seed.inputValue(), oldSeed));
      await seed.fill(oldSeed);
      await eventually(async () => {
        const ids = await drawn.locator('[data-testid=paper-trainer]').evaluateAll((els) => els.map((e) => e.dataset.id));
        assert.deepEqual(ids, firstIds);
      });

      // The rules of the quiz.
      await tid(editor, 'ts-pass').fill('90');
      await tid(editor, 'ts-time').fill('10');
      await tid(editor, 'ts-attempts').fill('2');
      await tid(editor, 'ts-feedback-immediate').check();
      await tid(editor, 'ts-pass').fill('101');
      assert.equal(await tid(editor, 'ts-pass').getAttribute('aria-invalid'), 'true', 'a pass mark over 100 is refused');
      await tid(editor, 'ts-pass').fill('90');
      const row = page.locator('[data-testid=ts-row][data-id="set-1"]');
      await eventually(async () => {
        const text = await row.innerText();
        assert.ok(text.includes('渠道与时限小测') && text.includes('6 题') && text.includes('90%'), text);
      });

      // More than the topics hold: fewer are drawn, and the editor says so.
      await count.fill('200');
      await tid(editor, 'ts-short').waitFor();
      await eventually(async () => assert.equal(await drawn.count(), available));

      // Kept over a reload, duplicated and deleted.
      await page.reload();
      await waitForApp(page);
      await openTab(page, 'sets');
      await row.locator('[data-testid=ts-pick]').click();
      await eventually(async () => assert.equal(await tid(page, 'ts-name').inputValue(), '渠道与时限小测'));
      assert.equal(await tid(page, 'ts-attempts').inputValue(), '2');
      assert.ok(await tid(page, 'ts-feedback-immediate').isChecked());
      await tid(row, 'ts-duplicate').click();
      await page.locator('[data-testid=ts-row][data-id="set-2"]').waitFor();
      assert.ok((await page.locator('[data-testid=ts-row][data-id="set-2"]').innerText()).includes('（副本）'));
      await tid(page.locator('[data-testid=ts-row][data-id="set-2"]'), 'ts-delete').click();
      await eventually(async () => assert.equal(await page.locator('[data-testid=ts-row][data-id="set-2"]').count(), 0));
    });
  });

  it('TE4. the editors in English and at phone width', TEST_TIMEOUT, async () => {
    await withApp({ path: 'training', locale: 'zh-CN', viewport: { width: 390, height: 844 } }, async ({ page }) => {
      await tid(page, 'bank-tab').waitFor();
      assert.equal(await page.locator('#tb-authored-title').innerText(), '自编题目');
      await tid(page, 'lang-toggle').click();
      await eventually(async () => assert.equal(await page.locator('#tb-authored-title').innerText(), 'Your questions'));
      assert.equal(await tid(page, 'tab-norms').innerText(), 'Rule facts');
      assert.ok((await tid(page, 'tb-editor').innerText()).includes('As employees see it'));
      assert.ok((await tid(page, 'tb-generated').innerText()).includes('Questions computed from the rules'));

      const noSideScroll = async () => {
        const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        assert.ok(scroll <= width, `page is ${scroll}px wide in a ${width}px window`);
      };
      await noSideScroll();
      // Keyboard: the add buttons and the editor's fields are reachable and usable.
      await tid(page, 'tb-add-truefalse').focus();
      await page.keyboard.press('Enter');
      const editor = tid(page, 'tb-editor');
      await tid(editor, 'tb-truefalse').waitFor();
      await page.keyboard.type('At 22:00 a non-urgent message needs no mark.');
      await tid(editor, 'tb-tf-false').check();
      await eventually(async () => assert.ok((await tid(editor, 'tb-preview-trainer').innerText()).includes('Answer: False')));
      await noSideScroll();

      await openTab(page, 'norms');
      assert.ok((await tid(page, 'tn-numbers').innerText()).includes('Numbers'));
      await noSideScroll();
      await openTab(page, 'sets');
      assert.ok((await tid(page, 'ts-editor').innerText()).includes('Pass mark'));
      await noSideScroll();
    });
  });
});
