// Tests run against the real servers but never against the running system's data: their own
// database, their own Kafka topics and their own Temporal namespace (all created by
// deploy/local/test.sh). Variables already set win, so CI can point elsewhere.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

process.env.NODE_ENV ??= 'test';
process.env.DATABASE_URL ??= 'postgres://cityworks:cityworks@127.0.0.1:5433/cityworks_test';
process.env.KAFKA_TOPIC_PREFIX ??= 'test.';
process.env.TEMPORAL_NAMESPACE ??= 'cityworks-test';
process.env.RATE_LIMIT_PER_MINUTE ??= '100000';

// A signing key pair of the tests' own: services verify with the public half, the testing
// lib's tokenFor() signs with the private half.
const keyDir = path.join(__dirname, '.local/keys');
const privateFile = path.join(keyDir, 'test-jwt-private.pem');
const publicFile = path.join(keyDir, 'test-jwt-public.pem');
if (!fs.existsSync(privateFile) || !fs.existsSync(publicFile)) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  fs.mkdirSync(keyDir, { recursive: true });
  fs.writeFileSync(privateFile + '.tmp', privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  fs.writeFileSync(publicFile + '.tmp', publicKey.export({ type: 'spki', format: 'pem' }));
  fs.renameSync(privateFile + '.tmp', privateFile);
  fs.renameSync(publicFile + '.tmp', publicFile);
}
process.env.JWT_PUBLIC_KEY_FILE ??= publicFile;
process.env.JWT_PRIVATE_KEY_FILE ??= privateFile;
