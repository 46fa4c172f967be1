// End-to-end tests of employee mode and results (issue 7): a quiz handed out from the
// quiz sets tab is taken at phone width from its link, failed, then passed; the certificate
// prints alone; a timed-out attempt is handed in on reload and the attempts run out; two
// results (one pass, one fail) are imported in the results tab, summed up and exported as
// CSV; a quiz file opens on the employee page; a damaged link says why, in words.
// Run: cd tests/e2e && node --test --test-concurrency=1 training.test.mjs
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { TIMEOUT, eventually, guardPage, newContext, useApp } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 180_000 };
const PHONE = { width: 375, height: 740 };

const env = useApp('ppg-training-');
const withApp = env.withApp;

/** Clicks `locator` and saves the download; returns its name, path and text. */
async function download(page, locator) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), locator.click()]);
  const name = d.suggestedFilename();
  const path = join(env.tmp, name);
  await d.saveAs(path);
  return { name, path, text: await readFile(path, 'utf8') };
}

const tid = (page, id) => page.locator(`[data-testid=${id}]`);

/** The trainer's hand-out box of the first quiz set, on the quiz sets tab. */
async function handOut(page) {
  await tid(page, 'nav-training').click();
  await tid(page, 'tab-sets').click();
  const box = page.locator('[data-testid=handout]').first();
  await box.waitFor({ state: 'visible' });
  return box;
}

/** A fresh guarded page at phone width, opened at `url`. */
async function openPhone(url) {
  const context = await newContext(env.browser, { viewport: PHONE });
  const page = await context.newPage();
  const guard = guardPage(page, env.server.origin);
  await page.goto(url);
  await tid(page, 'take').waitFor({ state: 'visible', timeout: 20_000 });
  return { context, page, guard };
}

/** Nothing sticks out sideways at phone width. */
async function assertFitsWidth(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `page is ${width}px wide at ${PHONE.width}px`);
}

/** Answers the question on screen with `answer` (the JSON shape of the paper's answers). */
async function answer(page, kind, expected) {
  const q = tid(page, 'take-question');
  switch (kind) {
    case 'single':
      await q.locator(`[data-testid=take-option][data-index="${expected}"]`).check();
      break;
    case 'multiple':
      for (const k of expected) await q.locator(`[data-testid=take-option][data-index="${k}"]`).check();
      break;
    case 'truefalse':
      await q.locator(`[data-testid=${expected ? 'take-true' : 'take-false'}]`).click();
      break;
    case 'fillin':
      await q.locator('[data-testid=take-fillin]').fill(expected);
      break;
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

describe('Training: employee mode and results (release build in Chromium)', () => {
  it('T1. hand out, take at phone width, fail, pass, print; time out; import and sum up', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ context: trainer, page }) => {
      await trainer.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
      const box = await handOut(page);
      await box.locator('[data-testid=handout-copy]').click();
      const url = await box.locator('[data-testid=handout-url]').inputValue();
      assert.ok(url.startsWith(`${env.server.origin}/quiz#quiz=v1.`), url.slice(0, 80));
      await eventually(async () => {
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
      });

      // ---- The employee, on a phone ----
      const phone = await openPhone(url);
      const p = phone.page;
      try {
        assert.equal(await tid(p, 'nav-policy').count(), 0, 'no app header on the quiz page');
        assert.equal(await tid(p, 'take-title').innerText(), '新员工入职测验');
        const count = Number(await tid(p, 'take-count').innerText());
        assert.ok(count >= 4, `${count} questions`);
        assert.equal(await tid(p, 'take-pass-mark').innerText(), '80%');
        assert.ok((await tid(p, 'take-time-limit').innerText()).includes('15'));
        assert.equal(await tid(p, 'take-attempts').innerText(), '0 / 3');
        assert.ok((await tid(p, 'take-honesty').innerText()).includes('没有服务器'));
        assert.ok(p.url().includes('#quiz=v1.'), 'the link stays in the address');
        await assertFitsWidth(p);

        // A name is required.
        await tid(p, 'take-start').click();
        assert.ok((await tid(p, 'take-name-error').innerText()).length > 0);
        assert.equal(await tid(p, 'take-question').count(), 0);

        // Attempt 1: 李四 hands in at once and fails; the review shows the right answers.
        await tid(p, 'take-name').fill('李四');
        await tid(p, 'take-start').click();
        assert.equal(await tid(p, 'take-progress').innerText(), `1 / ${count}`);
        assert.match(await tid(p, 'take-timer').innerText(), /1[45]:\d\d/);
        // The answers are not in the page before hand-in.
        assert.equal(await p.locator('[data-expected]').count(), 0);
        await tid(p, 'take-submit-early').click();
        await tid(p, 'take-result').waitFor();
        assert.equal(await tid(p, 'take-verdict').getAttribute('data-passed'), 'false');
        assert.equal(await tid(p, 'take-score').innerText(), '0%');
        assert.equal(await tid(p, 'take-certificate').count(), 0, 'no certificate when failed');
        const items = tid(p, 'take-review-item');
        assert.equal(await items.count(), count);
        const key = [];
        for (let i = 0; i < count; i++) {
          const item = items.nth(i);
          key.push({
            qid: await item.getAttribute('data-qid'),
            kind: await item.getAttribute('data-kind'),
            expected: JSON.parse(await item.getAttribute('data-expected')),
          });
        }
        const cites = await p.locator('[data-testid=take-review-item] [data-testid=take-cites]').allInnerTexts();
        assert.ok(cites.some((c) => /第\d+条/.test(c)), `clauses cited: ${cites.join(' | ')}`);
        const failCode = await tid(p, 'take-code').inputValue();
        assert.ok(failCode.startsWith('ppgr1.'), failCode);

        // Attempt 2: 张三 answers right, one question per screen; a reload on the way
        // resumes the attempt with its answers.
        await tid(p, 'take-again').click();
        assert.equal(await tid(p, 'take-attempts').innerText(), '1 / 3');
        await tid(p, 'take-name').fill('张三');
        await tid(p, 'take-start').click();
        for (let i = 0; i < count; i++) {
          await eventually(async () => assert.equal(await tid(p, 'take-progress').innerText(), `${i + 1} / ${count}`));
          const qid = await tid(p, 'take-question').getAttribute('data-qid');
          const k = key.find((x) => x.qid === qid);
          assert.ok(k, `question ${qid} was in the first attempt`);
          await answer(p, k.kind, k.expected);
          if (i === 1) {
            await p.reload();
            await eventually(async () => assert.equal(await tid(p, 'take-progress').innerText(), `2 / ${count}`));
            await assertFitsWidth(p);
          }
          if (i + 1 < count) await tid(p, 'take-next').click();
        }
        assert.equal(await tid(p, 'take-answered').innerText(), `已答 ${count} / ${count}`);
        await tid(p, 'take-submit').click();
        await tid(p, 'take-result').waitFor();
        assert.equal(await tid(p, 'take-verdict').getAttribute('data-passed'), 'true');
        assert.equal(await tid(p, 'take-score').innerText(), '100%');
        await assertFitsWidth(p);

        // The certificate, and printing it alone.
        const cert = tid(p, 'take-certificate');
        assert.equal(await tid(p, 'cert-name').innerText(), '张三');
        assert.equal(await tid(p, 'cert-quiz').innerText(), '新员工入职测验');
        assert.equal(await tid(p, 'cert-score').innerText(), '100%');
        assert.match(await tid(p, 'cert-date').innerText(), /^\d{4}-\d{2}-\d{2}$/);
        assert.equal(await tid(p, 'cert-version').innerText(), 'V1.0');
        assert.equal(await tid(p, 'cert-doc-code').innerText(), 'EXT-ADM-2025-007');
        assert.match(await tid(p, 'cert-code').innerText(), /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
        await p.evaluate(() => { window.print = () => { window.__printed = true; }; });
        await tid(p, 'take-print').click();
        assert.equal(await p.evaluate(() => window.__printed), true);
        await p.emulateMedia({ media: 'print' });
        assert.ok(await cert.isVisible(), 'the certificate prints');
        for (const hidden of ['take-score', 'take-review', 'take-handback', 'take-print', 'take-title', 'lang-toggle']) {
          assert.equal(await tid(p, hidden).isVisible(), false, `${hidden} does not print`);
        }
        await p.emulateMedia({ media: 'screen' });
        assert.ok(await tid(p, 'take-review').isVisible());

        // Handing back: a file and a code.
        const file = await download(p, tid(p, 'take-download'));
        assert.ok(file.name.endsWith('.ppgresult.json'), file.name);
        const handed = JSON.parse(file.text);
        assert.equal(handed.taker, '张三');
        assert.equal(handed.score, 100);
        const passCode = await tid(p, 'take-code').inputValue();
        assert.ok(passCode.startsWith('ppgr1.'));

        // Attempt 3 runs out of time: its clock started 16 minutes ago, so it is handed in
        // as the page loads. Then the attempts are used up and the best result shows.
        await tid(p, 'take-again').click();
        await tid(p, 'take-name').fill('张三');
        await tid(p, 'take-start').click();
        await tid(p, 'take-question').waitFor();
        await p.evaluate(() => {
          const key = Object.keys(localStorage).find((k) => k.startsWith('ppg.quiz-attempts.'));
          const kept = JSON.parse(localStorage.getItem(key));
          kept.ongoing.started_at -= 16 * 60 * 1000;
          localStorage.setItem(key, JSON.stringify(kept));
        });
        await p.reload();
        await tid(p, 'take-result').waitFor();
        assert.equal(await tid(p, 'take-verdict').getAttribute('data-passed'), 'false');
        assert.ok(await tid(p, 'take-no-more').isVisible());
        await p.reload();
        await tid(p, 'take-used-up').waitFor();
        assert.equal(await tid(p, 'take-start').count(), 0);
        assert.equal(await tid(p, 'take-attempts').innerText(), '3 / 3');
        assert.equal(await p.locator('[data-testid=take-best] [data-testid=take-score]').innerText(), '100%');
        phone.guard.assertClean();

        // ---- The trainer imports the two results ----
        await tid(page, 'tab-results').click();
        assert.ok((await tid(page, 'results-memory').innerText()).includes('刷新'));
        await tid(page, 'results-paste').fill(`${failCode}\n\n${passCode}\n`);
        await tid(page, 'results-import').click();
        await eventually(async () => assert.equal(await tid(page, 'results-pass-rate').innerText(), '50%'));
        assert.equal(await tid(page, 'results-takers').innerText(), '2');
        assert.equal(await tid(page, 'results-passed').innerText(), '1');
        assert.equal(await tid(page, 'results-mean').innerText(), '50.0');
        const rows = tid(page, 'results-question-row');
        assert.equal(await rows.count(), count);
        for (let i = 0; i < count; i++) {
          assert.ok((await rows.nth(i).innerText()).includes('50%'), await rows.nth(i).innerText());
        }
        const clauses = await tid(page, 'results-clause').allInnerTexts();
        assert.ok(clauses.length > 0 && /第\d+条/.test(clauses[0]), clauses.join(' | '));
        assert.equal(await tid(page, 'results-row').count(), 2);
        assert.ok((await tid(page, 'results-rows').innerText()).includes('校验通过'));

        // The same result as a file is a repeat; a bad line and an edited result are listed.
        await tid(page, 'results-files').setInputFiles([file.path]);
        await eventually(async () => assert.ok((await tid(page, 'results-status').innerText()).includes('重复 1')));
        const edited = JSON.stringify({ ...handed, taker: '王五' });
        await tid(page, 'results-paste').fill('not a code');
        await tid(page, 'results-import').click();
        await tid(page, 'results-paste').fill(edited);
        await tid(page, 'results-import').click();
        await eventually(async () => {
          assert.equal(await tid(page, 'results-unreadable-item').count(), 1);
          assert.equal(await tid(page, 'results-rejected-item').getAttribute('data-reason'), 'edited');
        });
        assert.equal(await tid(page, 'results-pass-rate').innerText(), '50%');

        const csv = await download(page, tid(page, 'results-csv-takers'));
        assert.ok(csv.name.endsWith('.csv'), csv.name);
        assert.ok(csv.text.includes('张三') && csv.text.includes('李四') && csv.text.includes('王五'), csv.text);
        const qcsv = await download(page, tid(page, 'results-csv-questions'));
        assert.equal(qcsv.text.trim().split('\n').length, count + 1);

        // Results stay for the session: another tab and back.
        await tid(page, 'tab-sets').click();
        await tid(page, 'tab-results').click();
        assert.equal(await tid(page, 'results-pass-rate').innerText(), '50%');
      } finally {
        await phone.context.close();
      }
    });
  });

  it('T3. with immediate feedback, each answer is checked as it is given', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      const box = await handOut(page);
      await tid(page, 'ts-feedback-immediate').check();
      await box.locator('[data-testid=handout-copy]').click();
      const url = await box.locator('[data-testid=handout-url]').inputValue();

      const phone = await openPhone(url);
      try {
        const p = phone.page;
        await tid(p, 'take-name').fill('赵六');
        await tid(p, 'take-start').click();
        const q = tid(p, 'take-question');
        const kind = await q.getAttribute('data-kind');
        const guess = { single: 0, multiple: [0], truefalse: true, fillin: '1' }[kind];
        await answer(p, kind, guess);
        assert.equal(await tid(p, 'take-feedback').count(), 0, 'no verdict before checking');
        await tid(p, 'take-check').click();
        const feedback = tid(p, 'take-feedback');
        await feedback.waitFor();
        assert.ok(['true', 'false'].includes(await feedback.getAttribute('data-correct')));
        assert.match(await feedback.innerText(), /回答(正确|错误)/);
        assert.match(await feedback.locator('[data-testid=take-cites]').innerText(), /第\d+条/);
        // The answer is locked once checked.
        const control = q.locator('input, [data-testid=take-true]').first();
        assert.equal(await control.isDisabled(), true);
        await tid(p, 'take-next').click();
        await eventually(async () => assert.ok((await tid(p, 'take-progress').innerText()).startsWith('2 / ')));
        assert.equal(await tid(p, 'take-feedback').count(), 0);
        await assertFitsWidth(p);
        phone.guard.assertClean();
      } finally {
        await phone.context.close();
      }
    });
  });

  it('T2. a quiz file opens on the employee page; a damaged link says why', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      const box = await handOut(page);
      const quiz = await download(page, box.locator('[data-testid=handout-download]'));
      assert.ok(quiz.name.endsWith('.ppgquiz.json'), quiz.name);
      await box.locator('[data-testid=handout-copy]').click();
      const url = await box.locator('[data-testid=handout-url]').inputValue();

      const phone = await openPhone(`${env.server.url}quiz`);
      try {
        const p = phone.page;
        await tid(p, 'take-open-file').setInputFiles(quiz.path);
        await eventually(async () => assert.equal(await tid(p, 'take-title').innerText(), '新员工入职测验'));

        // Cut short, and changed in the middle.
        await p.goto('about:blank');
        await p.goto(url.slice(0, url.length - 40));
        await eventually(async () => assert.ok((await tid(p, 'take-error').innerText()).includes('损坏')));
        const at = url.indexOf('quiz=v1.') + 60;
        const flipped = url.slice(0, at) + (url[at] === 'A' ? 'B' : 'A') + url.slice(at + 1);
        await p.goto('about:blank');
        await p.goto(flipped);
        await tid(p, 'take-error').waitFor();
        assert.equal(await tid(p, 'take-question').count(), 0);
        // In English too.
        await tid(p, 'lang-toggle').click();
        assert.ok((await tid(p, 'take-error').innerText()).includes('cannot be opened'));
        await assertFitsWidth(p);
        phone.guard.assertClean();
      } finally {
        await phone.context.close();
      }
    });
  });
});
