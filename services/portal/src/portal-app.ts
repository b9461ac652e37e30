import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { DEV_SIGN_IN_MODE, DevSignInMode } from './session/dev-sign-in-mode';
import { serveWebAssets } from './web-assets/serve-web-assets';
import { WEB_ASSETS, WebAssets } from './web-assets/web-assets';

/** What the portal adds to the platform's HTTP set-up, in the real process and in tests alike. */
export function configurePortalApp(app: INestApplication): void {
  // behind a proxy, TRUST_PROXY (the platform's, set in configureHttpApp) names who may say which client it is
  serveWebAssets(app, app.get<WebAssets>(WEB_ASSETS));
  const mode = app.get<DevSignInMode>(DEV_SIGN_IN_MODE);
  new Logger('portal').log(mode.enabled ? 'dev sign-in (本地模式) is ON: the picker mints tokens from the dev key' : `dev sign-in is off: ${mode.reason}`);
}
