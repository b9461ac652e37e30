#!/usr/bin/env node
// Mints an access token for local use, signed with the dev key (.local/keys/jwt-private.pem):
//   npm run token -- --user zhang.san --department AS-ZJJ --region 210302 --roles supervision-officer
//   curl -H "authorization: Bearer $(npm run -s token -- --roles reform-office)" http://127.0.0.1:3002/applications
const fs = require('fs');
const path = require('path');
const jwt = require('jsonwebtoken');

const ROLES = ['approval-officer', 'supervision-officer', 'inspector', 'credit-officer', 'complaint-handler', 'reform-office', 'auditor', 'system'];
const args = { user: 'dev-user', department: 'GGB', region: '210300', roles: 'reform-office', ttl: '8h' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const key = argv[i].replace(/^--/, '');
  if (!(key in args) || argv[i + 1] === undefined) {
    console.error(`usage: mint-token [--user ID] [--department CODE] [--region CODE] [--roles r1,r2] [--ttl 8h]\nroles: ${ROLES.join(', ')}`);
    process.exit(2);
  }
  args[key] = argv[i + 1];
}
const roles = args.roles
  .split(',')
  .map((r) => r.trim())
  .filter(Boolean);
const unknown = roles.filter((r) => !ROLES.includes(r));
if (unknown.length) {
  console.error(`unknown role(s): ${unknown.join(', ')}; known: ${ROLES.join(', ')}`);
  process.exit(2);
}
const keyFile = process.env.JWT_PRIVATE_KEY_FILE || path.join(__dirname, '..', '.local/keys/jwt-private.pem');
if (!fs.existsSync(keyFile)) {
  console.error(`${keyFile} is missing: run bash deploy/local/dev-keys.sh (npm start does)`);
  process.exit(1);
}
const token = jwt.sign({ sub: args.user, dept: args.department, region: args.region, roles }, fs.readFileSync(keyFile, 'utf8'), {
  algorithm: 'RS256',
  issuer: 'cityworks',
  audience: 'cityworks',
  expiresIn: args.ttl,
});
process.stdout.write(token + '\n');
