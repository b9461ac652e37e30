import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, pageViewOf } from '@cityworks/platform';
import { RegionView } from './dto/region.view';
import { CanMaintain, CanRead } from '../common/access';
import { RegionCodePipe } from '../common/pipes';
import { RegionsService } from './regions.service';
import { UpsertRegionDto } from './dto/upsert-region.dto';
import { ListRegionsQuery } from './dto/list-regions.query';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @CanRead()
  @ApiOkResponse({ type: pageViewOf(RegionView) })
  @ApiErrors(400)
  @ApiOperation({ summary: 'Regions (市, 区县, 开发区) whose lists the catalog keeps' })
  list(@Query() query: ListRegionsQuery) {
    return this.regions.list(query);
  }

  @Get(':code')
  @CanRead()
  @ApiOkResponse({ type: RegionView })
  @ApiErrors(400, 404)
  get(@Param('code', RegionCodePipe) code: string) {
    return this.regions.get(code);
  }

  @Put(':code')
  @CanMaintain()
  @ApiOkResponse({ type: RegionView })
  @ApiErrors(400)
  @ApiOperation({ summary: 'Create or update a region (工改办)' })
  upsert(@Param('code', RegionCodePipe) code: string, @Body() body: UpsertRegionDto) {
    return this.regions.upsert(code, body);
  }
}
