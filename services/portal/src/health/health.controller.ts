import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@cityworks/platform';
import { UPSTREAM_URLS, UpstreamServices, UpstreamUrls } from '../upstream/upstream-urls';
import { WEB_ASSETS, WebAssets } from '../web-assets/web-assets';

/**
 * The portal is up when it serves; each service it calls is reported beside it (a page whose
 * service is down shows that on its panel, so the portal itself stays `ok`).
 */
@ApiTags('health')
@Controller('health')
export class PortalHealthController {
  constructor(
    @Inject(UPSTREAM_URLS) private readonly urls: UpstreamUrls,
    @Inject(WEB_ASSETS) private readonly assets: WebAssets,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'the portal, its built pages and the services it calls' })
  @ApiOkResponse({ schema: { type: 'object' } })
  async health(): Promise<{ status: 'ok'; webAssets: 'built' | 'missing'; upstreams: Record<string, 'up' | 'down'> }> {
    const states = await Promise.all(
      UpstreamServices.map(async (s) => {
        try {
          const res = await fetch(`${this.urls[s]}/health`, { signal: AbortSignal.timeout(2000) });
          return [s, res.ok ? 'up' : 'down'] as const;
        } catch {
          return [s, 'down'] as const;
        }
      }),
    );
    return { status: 'ok', webAssets: this.assets.built ? 'built' : 'missing', upstreams: Object.fromEntries(states) };
  }
}
