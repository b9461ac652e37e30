#!/usr/bin/env node
// The bare engine for HTTP figures: a NestJS app with one route answering a small JSON body, no
// guards, no database — what any route of the services costs before it does its own work.
// It keeps the services' request-duration histogram (and /metrics), so the service's own time
// can be set beside the bare route's, read the same way.
// Usage: node bare-nest-server.js <port>; prints "listening <port>" when ready (needs a build).
require('reflect-metadata');
const { register } = require('prom-client');
const { requestDuration } = require('../../../dist/libs/platform/src/http/request-duration.middleware');
const { NestFactory } = require('@nestjs/core');
const { Module, Controller, Get, Post, Param, Body } = require('@nestjs/common');

class BareController {
  read(id) {
    return { id, grade: 'B', jointPunishment: false };
  }
  write(body) {
    return { id: '00000000-0000-4000-8000-000000000000', received: Object.keys(body ?? {}).length };
  }
}
Controller('bare')(BareController);

class MetricsController {
  metrics() {
    return register.metrics();
  }
}
Controller('metrics')(MetricsController);
Get()(MetricsController.prototype, 'metrics', Object.getOwnPropertyDescriptor(MetricsController.prototype, 'metrics'));
Get(':id')(BareController.prototype, 'read', Object.getOwnPropertyDescriptor(BareController.prototype, 'read'));
Param('id')(BareController.prototype, 'read', 0);
Post()(BareController.prototype, 'write', Object.getOwnPropertyDescriptor(BareController.prototype, 'write'));
Body()(BareController.prototype, 'write', 0);

class BareModule {}
Module({ controllers: [BareController, MetricsController] })(BareModule);

(async () => {
  const app = await NestFactory.create(BareModule, { logger: false });
  app.use(requestDuration());
  const port = Number(process.argv[2] ?? 3099);
  await app.listen(port, '127.0.0.1');
  process.stdout.write(`listening ${port}\n`);
})();
