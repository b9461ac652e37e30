import 'reflect-metadata';
import { bootstrapService } from '@cityworks/platform';
import { AppModule } from './app.module';

void bootstrapService(AppModule, {
  title: 'Supervision service 监管服务',
  description: '审管联动 tasks, 监管结果反馈, inspections and supervision actions',
  defaultPort: 3003,
});
