import 'reflect-metadata';
import { bootstrapService } from '@cityworks/platform';
import { AppModule } from './app.module';

void bootstrapService(AppModule, {
  title: 'Approval service 审批服务',
  description: '工程建设项目 and 办件: acceptance, clock-stops, decisions, 告知承诺',
  defaultPort: 3002,
});
