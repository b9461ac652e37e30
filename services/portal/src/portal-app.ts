import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { DEV_SIGN_IN_MODE, DevSignInMode } from './session/dev-sign-in-mode';
import { serveWebAssets } from './web-assets/serve-web-assets';
import { WEB_ASSETS, WebAssets } from './web-assets/web-assets';

/** What the portal adds to the platform's HTTP set-up, in the real process and in tests alike. */
export function configurePortalApp(app: INestApplication): void {
  // behind a proxy the client address is the one the public rate limit counts (PORTAL_TRUST_PROXY)
  if (process.env.PORTAL_TRUST_PROXY)
    (app.getHttpAdapter().getInstance() as { set(k: string, v: unknown): void }).set('trust proxy', process.env.PORTAL_TRUST_PROXY);
  serveWebAssets(app, app.get<WebAssets>(WEB_ASSETS));
  const mode = app.get<DevSignInMode>(DEV_SIGN_IN_MODE);
  new Logger('portal').log(mode.enabled ? 'dev sign-in (本地模式) is ON: the picker mints tokens from the dev key' : `dev sign-in is off: ${mode.reason}`);
}
