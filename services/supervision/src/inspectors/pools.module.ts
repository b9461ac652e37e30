import { Module } from '@nestjs/common';
import { ExpertsController, InspectorsController } from './pools.controller';
import { PoolsService } from './pools.service';
import { PoolMembersRepository } from './persistence/pool-members.repository';

/** 执法人员库 and 专家库 */
@Module({
  controllers: [InspectorsController, ExpertsController],
  providers: [PoolsService, PoolMembersRepository],
  exports: [PoolMembersRepository],
})
export class PoolsModule {}
