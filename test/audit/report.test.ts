// The HTML report in a real browser (headless Chromium): on the JDDC-2019 sample (real JD.com
// conversations, converted here to our turn format) and on generated logs with times. No console
// errors, the charts render, every link points at an element of the page, nothing unmasked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { generateLog, toJsonl } from './generate.js';
import type { AuditSummary } from '../../src/audit/summary.js';

// The JDDC sample is third-party data and is never copied into this repository: it is read from the
// shared folder beside the checkout ($REPLYLINT_SHARED_DIR, ../shared or /work/shared).
const JDDC = [process.env.REPLYLINT_SHARED_DIR, join(ROOT, '..', 'shared'), '/work/shared']
  .filter((d): d is string => !!d)
  .map((d) => join(d, 'realdata', 'jddc2019', 'dialogues_sample.jsonl'))
  .find((f) => existsSync(f));
if (!JDDC) console.warn('audit report: the JDDC sample (shared/realdata/jddc2019) is not beside this checkout; its tests are skipped');
const ARTIFACTS = join(ROOT, 'test-artifacts');

interface JddcDialogue {
  session_id: string;
  turns: Array<{ role: 'customer' | 'agent'; text: string }>;
}

let dir: string;
let browser: Browser;
let jddc: AuditSummary;
let dialogues: JddcDialogue[];

/** JDDC sessions → one turn per line (no agent names and no times in this data set). */
function convertJddc(): string {
  dialogues = readFileSync(JDDC!, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as JddcDialogue);
  return dialogues.flatMap((d) => d.turns.map((t) => JSON.stringify({ session: d.session_id, role: t.role, text: t.text }))).join('\n') + '\n';
}

async function open(file: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`file://${file}`);
  return { page, errors };
}

/** Links of the page whose target id does not exist. */
const brokenLinks = (page: Page): Promise<string[]> =>
  page.evaluate(() => Array.from(document.querySelectorAll('a[href^="#"]')).map((a) => a.getAttribute('href')!.slice(1)).filter((id) => !document.getElementById(id)));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'replylint-report-'));
  writeFileSync(join(dir, 'generated.jsonl'), toJsonl(generateLog(270).turns));
  if (JDDC) {
    writeFileSync(join(dir, 'jddc.jsonl'), convertJddc());
    const r = runCli(['audit', '--no-config', 'jddc.jsonl', '--report', 'jddc.html', '--output', 'jddc.json'], { cwd: dir });
    expect(r.stderr).toBe('');
    jddc = JSON.parse(readFileSync(join(dir, 'jddc.json'), 'utf8')) as AuditSummary;
  }
  expect(runCli(['audit', '--no-config', 'generated.jsonl', '--report', 'generated.html', '--output', 'generated.json'], { cwd: dir }).code).toBe(1);
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!JDDC)('audit of the JDDC-2019 sample', () => {
  it('audits every turn of the 200 conversations', () => {
    const turns = dialogues.flatMap((d) => d.turns);
    expect(jddc.totals.sessions).toBe(200);
    expect(jddc.totals.agentTurns).toBe(turns.filter((t) => t.role === 'agent').length);
    expect(jddc.totals.customerTurns).toBe(turns.filter((t) => t.role === 'customer').length);
    expect(jddc.totals.badLines).toBe(0);
    expect(jddc.totals.timedTurns).toBe(0);
    // Real findings on real replies, and complaints among real customers.
    expect(jddc.totals.findings.error + jddc.totals.findings.warning).toBeGreaterThan(0);
    expect(jddc.totals.complaintSessions).toBeGreaterThan(0);
    // JD's de-identification markers ([订单x], [数字x] …) are not unfilled template slots.
    expect(jddc.byRule.find((r) => r.ruleId === 'template-slot/unfilled')).toBeUndefined();
  });

  it('renders the report in Chromium without errors, charts and links intact', async () => {
    const { page, errors } = await open(join(dir, 'jddc.html'));
    await page.screenshot({ path: join(ARTIFACTS, 'audit-report.png') });
    expect(errors).toEqual([]);
    expect(await page.locator('#chart-category svg.chart').count()).toBe(1);
    expect(await page.locator('#chart-agent svg.chart').count()).toBe(1);
    expect(await page.locator('#chart-rule svg.chart').count()).toBe(1);
    // No times in JDDC: the time charts say so instead of drawing nothing.
    await expect(page.locator('#chart-day').innerText()).resolves.toContain('没有时间戳');
    expect(await brokenLinks(page)).toEqual([]);
    // The top rule's bar leads to the conversations behind it.
    const top = jddc.byRule[0]!;
    await page.locator('#chart-rule svg a').first().click();
    const target = await page.evaluate(() => location.hash);
    expect(decodeURIComponent(target)).toContain('rule-');
    const section = page.locator(decodeURIComponent(target));
    await expect(section.innerText()).resolves.toContain(top.ruleId);
    expect(await section.locator('ul.convs li').count()).toBe(Math.min(5, top.sessions));
    await page.close();
  });
});

describe('audit report of generated logs', () => {
  it('draws the trend by day and the response times, and sorts the agent table', async () => {
    const { page, errors } = await open(join(dir, 'generated.html'));
    await page.screenshot({ path: join(ARTIFACTS, 'audit-report-generated.png') });
    expect(await page.locator('#chart-day svg.chart rect').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#chart-response svg.chart').count()).toBe(1);
    expect(await brokenLinks(page)).toEqual([]);
    // Sorting by "消息" (agent turns) ascending puts the smallest count first.
    await page.locator('#agent-table th', { hasText: '消息' }).first().click();
    const first = await page.locator('#agent-table tbody tr td:nth-child(3)').first().innerText();
    const all = await page.locator('#agent-table tbody tr td:nth-child(3)').allInnerTexts();
    expect(Number(first)).toBe(Math.min(...all.map(Number)));
    await page.locator('input.filter').fill('客服乙');
    expect(await page.locator('#agent-table tbody tr:visible').count()).toBe(1);
    const html = readFileSync(join(dir, 'generated.html'), 'utf8');
    expect(html).not.toContain('13912345678');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\//); // self-contained
    expect(errors).toEqual([]);
    await page.close();
  });
});
