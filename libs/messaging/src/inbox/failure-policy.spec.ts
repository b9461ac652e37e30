import { BadRequestException, ConflictException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { RuleViolation } from '@cityworks/platform';
import { MalformedEventError } from '../kafka/kafka-message';
import { isPermanentFailure, PermanentEventError } from './failure-policy';

function queryFailed(code: string): QueryFailedError {
  const error = new QueryFailedError('SELECT 1', [], new Error(`pg ${code}`));
  Object.assign(error, { code });
  return error;
}

describe('which failures park an event', () => {
  it.each([
    ['a malformed payload', new MalformedEventError('not JSON')],
    ['a handler saying so', new PermanentEventError('lacks applicationId')],
    ['a broken business rule', new RuleViolation('already decided')],
    ['a 4xx from service code', new ConflictException('exists')],
    ['a 404', new NotFoundException('no such task')],
    ['a 400', new BadRequestException('bad')],
    ['a value too long for its column', queryFailed('22001')],
    ['a CHECK constraint', queryFailed('23514')],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('parks %s', (_, error) => {
    expect(isPermanentFailure(error)).toBe(true);
  });

  it.each([
    ['Temporal unavailable', Object.assign(new Error('14 UNAVAILABLE: Connection refused'), { code: 14 })],
    ['Postgres refusing connections', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' })],
    ['Postgres shutting down', queryFailed('57P01')],
    ['a deadlock', queryFailed('40P01')],
    ['a serialization failure', queryFailed('40001')],
    ['a unique-key race', queryFailed('23505')],
    ['a 503 from service code', new ServiceUnavailableException()],
    ['any other error', new Error('Failed to start Workflow')],
  ])('keeps retrying %s', (_, error) => {
    expect(isPermanentFailure(error)).toBe(false);
  });
});
