import 'reflect-metadata';
import { bootstrapService } from '@cityworks/platform';
import { AppModule } from './app.module';

void bootstrapService(AppModule, {
  title: 'Catalog service 清单服务',
  description:
    '审批事项清单 and 监管事项清单 with dated versions and 动态调整, regions and departments, stage templates, the working-day calendar, the demo city',
  defaultPort: 3001,
});
