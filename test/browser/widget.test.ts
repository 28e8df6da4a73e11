// The <replylint-box> widget in real headless Chromium, against the real `replylint serve`
// (spawned from bin/replylint): typing a bad draft underlines it, hovering shows the message,
// fixes and suggestions apply, templates insert by click and by Alt+1, errors stay unobtrusive,
// stale answers are dropped, and the page logs no console errors. Saves test-artifacts/widget.png.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ROOT } from '../helpers/cli.js';
import { openDemoPage, startServeProcess, stopServeProcess, type ServeProcess } from '../helpers/serve-process.js';
import { launchChromium } from '../helpers/chromium.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const DRAFT = '这是规定，我也不知道';

const TEAM_RULES = join(ROOT, 'test', 'fixtures', 'team-category.yaml');

let server: ServeProcess;
let browser: Browser;
let page: Page;
let problems: string[] = []; // console errors and page errors of the current test
let expectedErrors: RegExp[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServeProcess({ args: ['--no-config', '--no-feedback', '--rules', TEAM_RULES] }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  if (server) expect(await stopServeProcess(server)).toBe(0);
});

beforeEach(async () => {
  problems = [];
  expectedErrors = [];
  page = await openDemoPage(browser, server.url, problems);
});

afterEach(async () => {
  await page.close();
  expect(problems.filter((p) => !expectedErrors.some((re) => re.test(p)))).toEqual([]);
});

const box = (): Locator => page.locator('replylint-box');
const textarea = (): Locator => page.locator('replylint-box textarea');
const finding = (ruleId: string): Locator => page.locator(`replylint-box li.finding[data-rule="${ruleId}"]`);

type Result = { text: string; findings: { ruleId: string }[]; score: number; pass: boolean };

/**
 * Starts waiting (in the page) for the replylint:result event for `text`, and returns a function
 * that resolves with it. Start it before the action that causes the check.
 */
async function resultFor(text: string): Promise<() => Promise<Result>> {
  await page.evaluate((want) => {
    const w = window as unknown as { __next?: Promise<unknown> };
    w.__next = new Promise((resolve) => {
      const el = document.querySelector('replylint-box')!;
      el.addEventListener('replylint:result', function on(e) {
        if ((e as CustomEvent<Result>).detail.text !== want) return;
        el.removeEventListener('replylint:result', on);
        resolve((e as CustomEvent).detail);
      });
    });
  }, text);
  return () => page.evaluate(() => (window as unknown as { __next: Promise<never> }).__next);
}

async function typeDraft(text: string): Promise<void> {
  await textarea().click();
  await textarea().pressSequentially(text);
}

describe('<replylint-box> in Chromium against replylint serve', () => {
  it('underlines every finding in place, shows its message on hover, and shows score and verdict', async () => {
    const result = await resultFor(DRAFT);
    await typeDraft(DRAFT);
    const r = await result();
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['banned-phrase/dont-know', 'banned-phrase/this-is-the-rule']);

    const rule = page.locator('replylint-box mark[data-rule="banned-phrase/this-is-the-rule"]');
    const dontKnow = page.locator('replylint-box mark[data-rule="banned-phrase/dont-know"]');
    await expect.poll(() => rule.textContent()).toBe('这是规定');
    expect(await dontKnow.textContent()).toBe('不知道');
    // A wavy underline in the error colour, under the words of the textarea.
    const style = await rule.evaluate((m) => {
      const s = getComputedStyle(m);
      return { line: s.textDecorationLine, style: s.textDecorationStyle, color: s.textDecorationColor };
    });
    expect(style).toEqual({ line: 'underline', style: 'wavy', color: 'rgb(209, 36, 47)' });
    // The mirror holds exactly the draft, so the underlines sit under the right characters.
    expect(await page.locator('replylint-box .mirror').evaluate((m) => m.textContent!.replace(/\u200b$/, ''))).toBe(DRAFT);
    const markBox = (await rule.boundingBox())!;
    const taBox = (await textarea().boundingBox())!;
    expect(markBox.x).toBeGreaterThanOrEqual(taBox.x);
    expect(markBox.y).toBeGreaterThanOrEqual(taBox.y);
    expect(markBox.y + markBox.height).toBeLessThanOrEqual(taBox.y + taBox.height);

    // Hover over the underlined words: the tooltip shows the message.
    const tip = page.locator('replylint-box .tip');
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.mouse.move(markBox.x + markBox.width / 2, markBox.y + markBox.height / 2);
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('规定');
    expect(await rule.getAttribute('title')).toContain('规定');
    await page.screenshot({ path: join(ARTIFACTS, 'widget.png'), fullPage: true });
    await page.mouse.move(taBox.x + taBox.width - 5, taBox.y + taBox.height - 5);
    await expect.poll(() => tip.isVisible()).toBe(false);

    // The list, the score badge, the verdict and the announcement agree with the result.
    expect(await page.locator('replylint-box li.finding').count()).toBe(2);
    expect(await box().locator('.score .num').textContent()).toBe(String(r.score));
    expect(r.score).toBeLessThan(100);
    expect(r.pass).toBe(false);
    expect(await box().locator('.verdict').textContent()).toContain('需要修改');
    expect(await box().locator('.live').textContent()).toBe(`发现 2 个问题，得分 ${r.score}`);
  });

  it('换成建议 replaces the words with the suggestion and the finding is gone after the recheck', async () => {
    const first = await resultFor(DRAFT);
    await typeDraft(DRAFT);
    await first();
    const button = finding('banned-phrase/this-is-the-rule').getByRole('button', { name: /换成建议/ });
    const suggestion = (await button.getAttribute('title'))!;
    expect(suggestion.length).toBeGreaterThan(4);
    const result = await resultFor(`${suggestion}，我也不知道`);
    await button.click();
    const r = await result();
    expect(await textarea().inputValue()).toBe(`${suggestion}，我也不知道`);
    expect(r.findings.map((f) => f.ruleId)).not.toContain('banned-phrase/this-is-the-rule');
    await expect.poll(() => finding('banned-phrase/this-is-the-rule').count()).toBe(0);
    expect(await finding('banned-phrase/dont-know').count()).toBe(1);
    // Focus is back in the box, right after the replacement.
    expect(await textarea().evaluate((t: HTMLTextAreaElement) => [t.selectionStart, t.selectionEnd])).toEqual([suggestion.length, suggestion.length]);
  });

  it('修正 applies the fix, keeps the caret after it, and rechecks', async () => {
    const first = await resultFor('好的！！！马上处理');
    await typeDraft('好的！！！马上处理');
    await first();
    const item = finding('exclamation-overuse/shouting');
    await expect.poll(() => item.count()).toBe(1);
    const result = await resultFor('好的！马上处理');
    await item.getByRole('button', { name: /修正/ }).click();
    const r = await result();
    expect(await textarea().inputValue()).toBe('好的！马上处理');
    expect(r.findings).toEqual([]);
    await expect.poll(() => page.locator('replylint-box li.finding').count()).toBe(0);
    expect(await textarea().evaluate((t: HTMLTextAreaElement) => t.selectionStart)).toBe(3);
    expect(await box().locator('.verdict').textContent()).toContain('可以发送');
    // The fix went through the editing history: Ctrl+Z brings the draft back.
    await page.keyboard.press('Control+z');
    expect(await textarea().inputValue()).toBe('好的！！！马上处理');
  });

  it('插入 puts the top template for the chosen customer message into the box, with its first slot selected', async () => {
    await page.getByRole('button', { name: '我的快递到哪了' }).click();
    await expect.poll(() => box().getAttribute('customer-message')).toBe('我的快递到哪了');
    const first = page.locator('replylint-box li.suggestion').first();
    await expect.poll(() => box().locator('.sugg .for').textContent()).toContain('我的快递到哪了');
    await expect.poll(() => first.getAttribute('data-template')).toMatch(/^shipping\.tracking\//);
    const suggestions = await box().evaluate((b) => (b as unknown as { suggestions: { text: string; templateId: string }[] }).suggestions);
    expect(suggestions.length).toBeGreaterThan(0);
    const text = suggestions[0]!.text;
    expect(await first.locator('.stext').textContent()).toBe(text);
    // Unfilled slots are highlighted in the panel.
    expect(await first.locator('.slot').count()).toBe((text.match(/\{\{[^{}]+\}\}/g) ?? []).length);

    const inserted = page.evaluate(() => new Promise((r) => document.querySelector('replylint-box')!.addEventListener('replylint:insert', (e) => r((e as CustomEvent).detail), { once: true })));
    await first.getByRole('button', { name: /插入/ }).click();
    expect(await inserted).toMatchObject({ index: 0, templateId: suggestions[0]!.templateId, text });
    expect(await textarea().inputValue()).toContain(text);
    const selected = await textarea().evaluate((t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd));
    expect(selected).toMatch(/^\{\{[^{}]+\}\}$/);
    expect(selected).toBe(/\{\{[^{}]+\}\}/.exec(text)![0]);
    // Typing fills the slot.
    await page.keyboard.type('顺丰');
    expect(await textarea().inputValue()).toBe(text.replace(selected, '顺丰'));
    await page.screenshot({ path: join(ARTIFACTS, 'widget-insert.png'), fullPage: true });
  });

  it('works by keyboard: Alt+1 inserts, Tab reaches the findings and their buttons with a focus ring, Esc closes the tooltip', async () => {
    await expect.poll(() => page.locator('replylint-box li.suggestion').count()).toBeGreaterThan(0);
    const suggestions = await box().evaluate((b) => (b as unknown as { suggestions: { text: string }[] }).suggestions);
    await textarea().focus();
    await page.keyboard.press('Alt+1');
    expect(await textarea().inputValue()).toBe(suggestions[0]!.text);

    await textarea().fill('');
    const first = await resultFor(DRAFT);
    await textarea().pressSequentially(DRAFT);
    await first();
    // The caret inside an underlined phrase shows its message; Esc closes it.
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    const tip = page.locator('replylint-box .tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('不知道');
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);

    // Tab: from the textarea to the first finding (its message shows), then to its button.
    await page.keyboard.press('Tab');
    const active = (): Promise<string> =>
      box().evaluate((b) => {
        const a = b.shadowRoot!.activeElement as HTMLElement | null;
        return a ? `${a.tagName.toLowerCase()}${a.dataset.rule ? `[${a.dataset.rule}]` : ''}:${a.textContent!.slice(0, 6)}` : '';
      });
    expect(await active()).toMatch(/^li\[banned-phrase\/this-is-the-rule\]/);
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('规定');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('button:换成建议');
    const outline = await box().evaluate((b) => getComputedStyle(b.shadowRoot!.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    const result = await resultFor(`${await page.locator('replylint-box li.finding button').first().getAttribute('title')}，我也不知道`);
    await page.keyboard.press('Enter');
    const r = await result();
    expect(r.findings.map((f) => f.ruleId)).toEqual(['banned-phrase/dont-know']);
  });

  it('drops an older answer that arrives after a newer one', async () => {
    // The real server answers; the first answer is only held back in the network.
    let held = 0;
    await page.route('**/v1/check', async (route) => {
      const body = route.request().postDataJSON() as { text: string };
      if (body.text === DRAFT) {
        held++;
        const response = await route.fetch();
        await new Promise((r) => setTimeout(r, 1_000));
        await route.fulfill({ response }).catch(() => {}); // the widget may have aborted it
      } else await route.continue();
    });
    await textarea().fill(DRAFT);
    await expect.poll(() => held).toBe(1);
    const result = await resultFor('您好，请问有什么可以帮您？');
    await textarea().fill('您好，请问有什么可以帮您？');
    await result();
    await page.waitForTimeout(1_300); // the held answer has come and gone by now
    expect(await page.locator('replylint-box mark').count()).toBe(0);
    expect(await page.locator('replylint-box li.finding').count()).toBe(0);
    expect(await box().evaluate((b) => (b as unknown as { result: { text: string } }).result.text)).toBe('您好，请问有什么可以帮您？');
  });

  it("labels each finding with its category from the rule data, a team's own category included", async () => {
    const text = '隔壁店的货都是假货，这是规定';
    const result = await resultFor(text);
    await typeDraft(text);
    const r = await result();
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['banned-phrase/this-is-the-rule', 'competitor-mention/run-down']);
    await expect.poll(() => finding('competitor-mention/run-down').locator('.cat').textContent()).toBe('贬低竞品');
    expect(await finding('banned-phrase/this-is-the-rule').locator('.cat').textContent()).toBe('服务禁语');
    expect(await finding('competitor-mention/run-down').getAttribute('title')).toBe('贬低竞品 · competitor-mention/run-down');
  });

  it('shows a server error unobtrusively and keeps the box usable', async () => {
    // 70,000 characters × 3 bytes is over the server's 64 KiB body limit: a real 413.
    expectedErrors = [/status of 413/];
    await textarea().fill('好'.repeat(70_000));
    const notice = page.locator('replylint-box .notice');
    await expect.poll(() => notice.isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await notice.textContent()).toMatch(/质检暂不可用.*413|body-too-large/);
    const result = await resultFor(DRAFT);
    await textarea().fill(DRAFT);
    await result();
    await expect.poll(() => notice.isVisible()).toBe(false);
    expect(await page.locator('replylint-box li.finding').count()).toBe(2);
  });

  it('sends the api-key attribute as X-API-Key and the fail-on attribute as failOn', async () => {
    const sent: { key: string | undefined; body: { failOn?: string } }[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/v1/check')) sent.push({ key: r.headers()['x-api-key'], body: r.postDataJSON() });
    });
    await box().evaluate((b) => {
      b.setAttribute('api-key', 'demo-key-123');
      b.setAttribute('fail-on', 'warning');
    });
    const result = await resultFor('好的！！');
    await typeDraft('好的！！');
    const r = await result();
    expect(sent.at(-1)).toEqual({ key: 'demo-key-123', body: { text: '好的！！', failOn: 'warning' } });
    expect(r.pass).toBe(false); // a warning fails with fail-on="warning"
  });

  it('escapes what the server and the agent wrote (no HTML is interpreted)', async () => {
    const draft = '<img src=x onerror="window.__pwned=1">这是规定';
    const result = await resultFor(draft);
    await typeDraft(draft);
    await result();
    await expect.poll(() => page.locator('replylint-box mark').count()).toBeGreaterThan(0);
    expect(await box().evaluate((b) => b.shadowRoot!.querySelectorAll('img').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});

mkdirSync(ARTIFACTS, { recursive: true });
