import 'reflect-metadata';
import { bootstrapService } from '@cityworks/platform';
import { AppModule } from './app.module';

void bootstrapService(AppModule, {
  title: 'Complaints service 投诉举报服务',
  description: '投诉举报 from web, hotline, mini-program, 12345 and the national platform; acknowledged and answered by working-day deadlines (有诉必应)',
  defaultPort: 3005,
});
