import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { RegionsModule } from '../regions/regions.module';
import { csvBodyParser } from '../import-export/raw-text-body';
import { ItemListDeps } from '../versioning/item-list-deps';
import { SupervisionItemsController } from './supervision-items.controller';
import { SupervisionItemsService } from './supervision-items.service';

@Module({
  imports: [RegionsModule, DepartmentsModule],
  controllers: [SupervisionItemsController],
  providers: [ItemListDeps, SupervisionItemsService],
  exports: [SupervisionItemsService],
})
export class SupervisionItemsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(csvBodyParser).forRoutes({ path: 'supervision-items/import', method: RequestMethod.POST });
  }
}
