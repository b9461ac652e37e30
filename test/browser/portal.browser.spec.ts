import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Browser } from 'playwright-core';
import request from 'supertest';
import { findWorkspaceRoot } from '@cityworks/platform';
import { drawnPixels, launchChromium, newPage, screenshot, seriousA11yViolations, signInAs } from './support/browser';
import { PortalStack, startPortalStack } from './support/portal-stack';
import { buildSampleCity, SampleCity } from './support/sample-city';

/**
 * The 工改办 console and the public 公示 page in a real browser (Debian's chromium through
 * playwright-core), against the real services in-process with a small city made through their APIs.
 * Screenshots of each screen go to .local/portal-screenshots/.
 */
describe('portal in the browser', () => {
  let stack: PortalStack;
  let city: SampleCity;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    const root = findWorkspaceRoot();
    // a fresh `npx jest` without deploy/local/build.sh: build the pages first
    if (!fs.existsSync(path.join(root, 'dist/services/portal/web/index.html')))
      execFileSync('npx', ['vite', 'build', '--config', 'services/portal/web/vite.config.mjs', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    stack = await startPortalStack();
    url = stack.portalUrl;
    city = await buildSampleCity(stack);
    browser = await launchChromium();
  }, 360_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('a department user sees only their own department’s figures and letters', async () => {
    const { page, context, errors } = await newPage(browser);
    const overview = page.waitForResponse((r) => r.url().includes('/api/overview'));
    await signInAs(page, url, 'AS-XZSPJ', '审批人员');
    const figures = await (await overview).json();
    expect(figures.obligations.available).toBe(true);
    expect(figures.obligations.departments.map((d: { departmentCode: string }) => d.departmentCode)).toEqual(['AS-XZSPJ']);
    await expect(page.getByTestId('who').textContent()).resolves.toContain('行政审批局');
    await page.getByTestId('panel-obligations').locator('canvas').waitFor();

    const letters = page.waitForResponse((r) => r.url().includes('/api/letters?'));
    await page.goto(`${url}/#/letters`);
    const listed = await (await letters).json();
    expect(listed.total).toBeGreaterThan(0);
    expect(new Set(listed.items.map((l: { addresseeCode: string }) => l.addresseeCode))).toEqual(new Set(['AS-XZSPJ']));
    await expect(page.getByTestId('letters-table').locator('tbody tr').count()).resolves.toBe(listed.items.length);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the 工改办 overview draws its four panels from the city’s data', async () => {
    const { page, context, errors } = await newPage(browser);
    const overview = page.waitForResponse((r) => r.url().includes('/api/overview'));
    await signInAs(page, url, 'AS-GGB', '工改办');
    const figures = await (await overview).json();
    expect(figures.obligations.departments.map((d: { departmentCode: string }) => d.departmentCode)).toContain('AS-XZSPJ');
    const thisMonth = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    expect(figures.letters.months.find((m: { month: string }) => m.month === thisMonth).issued).toBeGreaterThanOrEqual(4);
    expect(figures.usedDays.projectTypes.map((t: { projectType: string }) => t.projectType)).toEqual(
      expect.arrayContaining(['社会投资简易低风险', '政府投资房屋建筑']),
    );
    expect(figures.illegalPauses.attempts).toBeGreaterThanOrEqual(1);
    await page.getByTestId('illegal-attempts').waitFor();
    for (const panel of ['panel-obligations', 'panel-letters', 'panel-used-days']) {
      await page.getByTestId(panel).locator('canvas').waitFor();
      await page.waitForTimeout(800); // ECharts animates its first draw
      expect(await drawnPixels(page, panel)).toBeGreaterThan(1000);
    }
    await screenshot(page, 'overview');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows an overdue item to its letter’s PDF, and shows a project’s timeline and the 通报', async () => {
    const { page, context, errors } = await newPage(browser);
    await signInAs(page, url, 'AS-GGB', '工改办');
    await page.goto(`${url}/#/overdue`);
    const link = page.getByTestId('overdue-letter-link').first();
    await link.waitFor();
    await screenshot(page, 'overdue');
    const pdf = page.waitForResponse((r) => /\/api\/letters\/[0-9a-f-]+\/pdf$/.test(r.url()));
    await link.click();
    const response = await pdf;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    // the frame shows chromium's PDF viewer; the document itself, read again with the session
    const document = await context.request.get(response.url());
    expect((await document.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByTestId('letter-pdf').waitFor();
    await screenshot(page, 'letters');

    await page.goto(`${url}/#/projects/${city.projectCodes[0]}`);
    await page.getByTestId('timeline').locator('canvas').waitFor();
    await page.waitForTimeout(800);
    expect(await drawnPixels(page, 'timeline')).toBeGreaterThan(500);
    await screenshot(page, 'timeline');

    await page.goto(`${url}/#/reports`);
    const download = page.getByRole('link', { name: '下载 PDF' }).first();
    await download.waitFor();
    const href = await download.getAttribute('href');
    const report = await context.request.get(`${url}${href}`);
    expect(report.headers()['content-type']).toBe('application/pdf');
    expect((await report.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'reports');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on the public page, without signing in: verifies a draw, finds a 双公示 record, shows complaint statistics', async () => {
    const { page, context, errors } = await newPage(browser);
    await page.goto(`${url}/gongshi/`);
    const card = page.getByTestId(`campaign-${city.campaignId}`);
    await card.waitFor();
    await expect(card.getByTestId('seed-commitment').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
    await card.getByTestId('verify-draw').click();
    await expect(card.getByTestId('verify-result').textContent()).resolves.toContain('验证通过');
    await expect(card.getByTestId('drawn-table').locator('tbody tr').count()).resolves.toBe(3);
    await screenshot(page, 'public-campaigns');

    await page.getByRole('tab', { name: '双公示' }).click();
    await page.getByTestId('register-search').fill(city.penalizedUscc);
    const found = page.waitForResponse((r) => r.url().includes('/api/public/credit-register') && r.url().includes(city.penalizedUscc));
    await page.getByTestId('register-submit').click();
    const register = await (await found).json();
    expect(register.items).toHaveLength(1);
    await expect(page.getByTestId('register-table').locator('tbody tr').first().textContent()).resolves.toContain(city.penalizedName);
    await screenshot(page, 'public-register');

    await page.getByRole('tab', { name: '投诉举报统计' }).click();
    await page.getByTestId('complaint-table').locator('tbody tr').first().waitFor();
    // counts only: the complainant's name never reaches the public page
    expect(await page.content()).not.toContain('王女士');
    await screenshot(page, 'public-complaints');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no serious accessibility violations on the overview and the public page (axe-core)', async () => {
    const { page, context } = await newPage(browser);
    await signInAs(page, url, 'AS-GGB', '工改办');
    await page.getByTestId('panel-obligations').locator('canvas').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(`${url}/gongshi/`);
    await page.getByTestId(`campaign-${city.campaignId}`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it('keeps the public page open and read-only: no session needed, staff data refused', async () => {
    const server = stack.portal.getHttpServer();
    await request(server).get('/api/public/campaigns').expect(200);
    await request(server).get('/api/overview').expect(401);
    await request(server).get('/api/public/credit-register').query({ pageSize: 500 }).expect(400);
  });
});
