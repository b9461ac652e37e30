#!/usr/bin/env node
// The bare engine for HTTP figures: a NestJS app with one route answering a small JSON body, no
// guards, no database — what any route of the services costs before it does its own work.
// Usage: node bare-nest-server.js <port>; prints "listening <port>" when ready.
require('reflect-metadata');
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
Get(':id')(BareController.prototype, 'read', Object.getOwnPropertyDescriptor(BareController.prototype, 'read'));
Param('id')(BareController.prototype, 'read', 0);
Post()(BareController.prototype, 'write', Object.getOwnPropertyDescriptor(BareController.prototype, 'write'));
Body()(BareController.prototype, 'write', 0);

class BareModule {}
Module({ controllers: [BareController] })(BareModule);

(async () => {
  const app = await NestFactory.create(BareModule, { logger: false });
  const port = Number(process.argv[2] ?? 3099);
  await app.listen(port, '127.0.0.1');
  process.stdout.write(`listening ${port}\n`);
})();
