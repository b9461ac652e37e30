export * from './calendar-sync.module';
export * from './service-calendar';
export * from './calendar-arrangement-copy.entity';
export * from './calendar-arrangement-copies.migration';
export * from './calendar-arrangement.handler';
