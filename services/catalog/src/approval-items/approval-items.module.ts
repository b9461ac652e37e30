import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { RegionsModule } from '../regions/regions.module';
import { csvBodyParser } from '../import-export/raw-text-body';
import { ItemListDeps } from '../versioning/item-list-deps';
import { ApprovalItemsController } from './approval-items.controller';
import { ApprovalItemsService } from './approval-items.service';

@Module({
  imports: [RegionsModule, DepartmentsModule],
  controllers: [ApprovalItemsController],
  providers: [ItemListDeps, ApprovalItemsService],
  exports: [ApprovalItemsService],
})
export class ApprovalItemsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(csvBodyParser).forRoutes({ path: 'approval-items/import', method: RequestMethod.POST });
  }
}
