// Where the running stack is (npm start) and how to speak to it as a desk would.
const fs = require('fs');
const path = require('path');
const jwt = require('jsonwebtoken');

const { ROOT, urls, profileName } = require('./profile');

function token(department, roles, region = '210300', user = `bench-${department}`) {
  const keyFile = process.env.JWT_PRIVATE_KEY_FILE || path.join(ROOT, '.local/keys/jwt-private.pem');
  return jwt.sign({ sub: user, dept: department, region, roles }, fs.readFileSync(keyFile, 'utf8'), {
    algorithm: 'RS256',
    issuer: 'cityworks',
    audience: 'cityworks',
    expiresIn: '2h',
  });
}

/** Refuses to measure a stack that is not up: the figures would mean nothing. */
async function assertUp(services) {
  for (const name of services) {
    const res = await fetch(`${urls[name]}/health`).catch(() => null);
    if (!res || !res.ok)
      throw new Error(
        `${name} is not ready at ${urls[name]} — start the system first with \`${profileName === 'cluster' ? 'npm run start:cluster' : 'npm start'}\``,
      );
  }
}

/** A valid 统一社会信用代码 (GB 32100 check character) drawn at random. */
function randomUscc(region = '210302') {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let body = '91' + region;
  while (body.length < 17) body += chars[Math.floor(Math.random() * 10)];
  const sum = [...body].reduce((s, c, i) => s + chars.indexOf(c) * weights[i], 0);
  return body + chars[(31 - (sum % 31)) % 31];
}

module.exports = { ROOT, urls, token, assertUp, randomUscc };
