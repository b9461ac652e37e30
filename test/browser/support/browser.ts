import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import axe from 'axe-core';
import { findWorkspaceRoot } from '@cityworks/platform';

/**
 * Debian's chromium (deploy/local/provision.sh installs it; no browser download is possible here),
 * or PORTAL_CHROMIUM. A missing browser fails the suite with what to do, never skips it.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.PORTAL_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath))
    throw new Error(`no chromium at ${executablePath}: run \`bash deploy/local/provision.sh chromium\` (apt-get install chromium) or set PORTAL_CHROMIUM`);
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export const screenshotDir = () => path.join(findWorkspaceRoot(), '.local/portal-screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = screenshotDir();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Signs in through the local-mode picker as a person would: department, role, 登录. */
export async function signInAs(page: Page, portalUrl: string, departmentCode: string, roleLabel: string): Promise<void> {
  await page.goto(`${portalUrl}/#/overview`);
  await page.getByTestId('dev-department').click();
  await page.keyboard.type(departmentCode);
  await page
    .locator('.el-select-dropdown__item:visible', { hasText: `（${departmentCode}）` })
    .first()
    .click();
  await page.getByTestId('dev-role').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: roleLabel }).first().click();
  await page.getByTestId('dev-sign-in').click();
  await page.getByTestId('who').waitFor();
}

/** Pixels drawn on a chart's canvas (not transparent): a chart that drew nothing has none. */
export async function drawnPixels(page: Page, panelTestId: string): Promise<number> {
  // runs in the page (the repo's typecheck has no DOM types): a canvas, read back through its 2d context
  type Canvas = {
    width: number;
    height: number;
    getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
  };
  return page
    .getByTestId(panelTestId)
    .locator('canvas')
    .first()
    .evaluate((element) => {
      const canvas = element as unknown as Canvas;
      const ctx = canvas.getContext('2d');
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/** axe-core run in the page; the serious and critical findings. */
export async function seriousA11yViolations(page: Page): Promise<AxeFinding[]> {
  // evaluated over the DevTools protocol: the page's CSP (script-src 'self') stays as it is
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const inPage = globalThis as unknown as { axe: typeof axe; document: unknown };
    const result = await inPage.axe.run(inPage.document as Parameters<typeof axe.run>[0], { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
