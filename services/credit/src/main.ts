import 'reflect-metadata';
import { bootstrapService } from '@cityworks/platform';
import { AppModule } from './app.module';

void bootstrapService(AppModule, {
  title: 'Credit service 信用服务',
  description: '信用记录 (守信/失信), grades A–D and the 联合惩戒 list: "一处失信、处处受限"',
  defaultPort: 3004,
});
