export * from './wait-for';
export * from './service-app';
export * from './temporal-test-server';
export * from './auth';
export * from './uscc';
export * from './health';
