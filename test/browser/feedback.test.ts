// Learning from use, end to end in real Chromium: a shop's `replylint serve` (its own phrasebook
// folder and feedback log), the <replylint-box> on the demo page, an agent who inserts a template
// of another intent than the ranker put first, and rejects the suggestions for a message nothing
// fits, `replylint tune --write` turning the log into learned.yaml, a reload — and the ranking has
// changed: the agent's intent now comes first. Personal data typed by the customer never reaches
// the log or learned.yaml.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT, runCli } from '../helpers/cli.js';
import { launchChromium } from '../helpers/chromium.js';
import { openDemoPage, startServeProcess, stopServeProcess, type ServeProcess } from '../helpers/serve-process.js';

/** An appliance fault the ranker is unsure about: it shows templates of several intents. */
const MESSAGE = '油烟机吸力变小了 噪音特别大 13912345678';
const NOTHING_FITS = '楼下快递站今天开门没';

let shop: string;
let server: ServeProcess;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  shop = mkdtempSync(join(tmpdir(), 'rl-shop-'));
  cpSync(join(ROOT, 'phrasebook'), join(shop, 'pb'), { recursive: true });
  writeFileSync(join(shop, '.replylint.yaml'), 'phrasebook: pb\nsuggest:\n  feedback: logs/feedback.jsonl\n');
  [server, browser] = await Promise.all([startServeProcess({ cwd: shop, args: [] }), launchChromium()]);
  page = await openDemoPage(browser, server.url, problems);
});

afterAll(async () => {
  await browser?.close();
  if (server) expect(await stopServeProcess(server)).toBe(0);
  rmSync(shop, { recursive: true, force: true });
});

interface Shown {
  templateId: string;
  intent: string;
}

/** What the box shows for its current message once the answer is in. */
async function shownNow(message: string): Promise<{ shown: Shown[]; abstained: boolean }> {
  await page.waitForFunction(
    (m) => {
      const box = document.querySelector('replylint-box') as HTMLElement & { suggestionConfidence: unknown };
      const empty = box.shadowRoot!.querySelector('.sugg .empty') as HTMLElement;
      return box.getAttribute('customer-message') === m && box.suggestionConfidence !== null && !empty.textContent!.includes('正在查找');
    },
    message,
  );
  return page.evaluate(() => {
    const box = document.querySelector('replylint-box') as HTMLElement & { suggestions: Shown[]; suggestionConfidence: { abstained: boolean } };
    return { shown: box.suggestions.map((s) => ({ templateId: s.templateId, intent: s.intent })), abstained: box.suggestionConfidence.abstained };
  });
}

/**
 * Makes `message` the box's customer message (top 9) and resolves with what it shows; with
 * `anyway`, an abstention is followed by a click on 仍然显示, as an agent who wants the ranking does.
 */
async function ask(message: string, anyway = false): Promise<{ shown: Shown[]; abstained: boolean }> {
  await page.evaluate((m) => {
    const box = document.querySelector('replylint-box') as HTMLElement & { history: unknown[] };
    box.setAttribute('top', '9');
    box.history = [];
    box.removeAttribute('customer-message');
    box.setAttribute('customer-message', m);
  }, message);
  const first = await shownNow(message);
  if (!anyway || !first.abstained) return first;
  await page.locator('replylint-box button.anyway').click();
  await page.waitForFunction(() => (document.querySelector('replylint-box') as HTMLElement & { suggestionConfidence: { abstained: boolean } | null }).suggestionConfidence?.abstained === false);
  return shownNow(message);
}

/** Starts waiting for the box's replylint:feedback event; the returned function resolves with it. */
async function nextFeedback(): Promise<() => Promise<{ id: string; templateId: string | null }>> {
  await page.evaluate(() => {
    const w = window as unknown as { __feedback?: Promise<unknown> };
    w.__feedback = new Promise((resolve) => document.querySelector('replylint-box')!.addEventListener('replylint:feedback', (e) => resolve((e as CustomEvent).detail), { once: true }));
  });
  return () => page.evaluate(() => (window as unknown as { __feedback: Promise<never> }).__feedback);
}

const firstIntent = (shown: Shown[]) => shown[0]?.intent;

describe('feedback from the widget to replylint tune', () => {
  it('an inserted template and a rejection are logged (masked), tune learns them, and the ranking changes', async () => {
    // Before: the ranker is not sure (the agent asks for the ranking anyway); the agent prefers a
    // template of an intent the ranker did not put first.
    const before = await ask(MESSAGE, true);
    expect(before.abstained).toBe(false);
    const chosen = before.shown.find((s) => s.intent !== firstIntent(before.shown));
    expect(chosen, JSON.stringify(before.shown)).toBeDefined();
    const { templateId, intent } = chosen!;

    // The agent inserts it: the box reports it to the server.
    let feedback = await nextFeedback();
    await page.locator(`replylint-box li.suggestion[data-template="${templateId}"] button`).click();
    expect(await feedback()).toMatchObject({ templateId });
    expect(await page.locator('replylint-box textarea').inputValue()).not.toBe('');

    // A message nothing fits, answered anyway: the agent says none of the suggestions fit.
    const idle = await ask(NOTHING_FITS, true);
    expect(idle.shown.length).toBeGreaterThan(0);
    feedback = await nextFeedback();
    await page.locator('replylint-box button.none-fits').click();
    expect(await feedback()).toMatchObject({ templateId: null });
    await expect.poll(() => page.locator('replylint-box .sugg .thanks').textContent()).toContain('都不合适');

    // The log: two masked records.
    const logFile = join(shop, 'logs', 'feedback.jsonl');
    const log = readFileSync(logFile, 'utf8');
    const records = log.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.chosen?.templateId ?? null)).toEqual([templateId, null]);
    expect(records[0].message).toContain('139****5678');
    expect(log).not.toContain('13912345678');

    // tune --write: learned.yaml in the shop's phrasebook, without the phone number.
    const tuned = runCli(['tune', '--write', logFile], { cwd: shop });
    expect(tuned.stderr).toMatch(/1 new example for intents, 1 out-of-scope example/);
    expect(tuned.code).toBe(0);
    const learned = readFileSync(join(shop, 'pb', 'learned.yaml'), 'utf8');
    expect(learned).toContain(`${intent}:`);
    expect(learned).toContain('油烟机吸力变小了');
    expect(learned).toContain(NOTHING_FITS);
    expect(learned).not.toMatch(/139|5678|\*/);

    // The server reloads the phrasebook: the agent's intent now comes first, and the message
    // nothing fits is held back.
    const reload = await page.evaluate(async () => (await fetch('/v1/reload', { method: 'POST' })).status);
    expect(reload).toBe(200);
    const after = await ask(MESSAGE);
    expect(firstIntent(after.shown)).toBe(intent);
    const quiet = await ask(NOTHING_FITS);
    expect(quiet.abstained).toBe(true);
    expect(quiet.shown).toEqual([]);
    expect(await page.locator('replylint-box .sugg .empty').textContent()).toContain('没有把握');
    expect(await page.locator('replylint-box li.suggestion').count()).toBe(0);
    expect(existsSync(logFile)).toBe(true);
    expect(problems).toEqual([]);
  });
});
