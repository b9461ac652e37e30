import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { csvTextBody } from '@cityworks/platform';
import { SubjectsController } from './subjects.controller';
import { SubjectsService } from './subjects.service';
import { SubjectsRepository } from './persistence/subjects.repository';
import { SubjectCreditGradeHandler, SubjectProjectOwnerHandler } from './events/subject-events.handlers';

/** 监管对象库 */
@Module({
  controllers: [SubjectsController],
  providers: [SubjectsService, SubjectsRepository, SubjectCreditGradeHandler, SubjectProjectOwnerHandler],
  exports: [SubjectsService, SubjectsRepository],
})
export class SubjectsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(csvTextBody(process.env.SUPERVISION_IMPORT_LIMIT ?? '5mb')).forRoutes({ path: 'subjects/import', method: RequestMethod.POST });
  }
}
