import { Module } from '@nestjs/common';
import { PublicStatisticsController } from './public-statistics.controller';
import { PublicStatisticsService } from './public-statistics.service';

@Module({ controllers: [PublicStatisticsController], providers: [PublicStatisticsService] })
export class PublicStatisticsModule {}
