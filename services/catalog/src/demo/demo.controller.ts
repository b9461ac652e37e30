import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@cityworks/contracts';
import { CurrentUser } from '@cityworks/platform';
import { CanMaintain } from '../common/access';
import { DemoLoaderService } from './demo-loader.service';
import { DemoLoadView } from './dto/demo-load.view';

@ApiTags('demo')
@Controller('demo')
export class DemoController {
  constructor(private readonly loader: DemoLoaderService) {}

  @Post('load')
  @CanMaintain()
  @HttpCode(200)
  @ApiOkResponse({ type: DemoLoadView })
  @ApiOperation({
    summary:
      'Load the demo city (鞍山市): regions, departments, both lists, four stage templates. Idempotent: adds what is missing, changes nothing that exists',
  })
  load(@CurrentUser() user?: AuthUser) {
    return this.loader.load(user?.userId ?? 'demo-loader');
  }
}
