// Starts the bare NestJS route in its own process (as the services run in theirs) and stops it.
const { spawn } = require('child_process');
const path = require('path');

async function withBareRoute(fn, port = Number(process.env.BENCH_BARE_PORT ?? 3099)) {
  const child = spawn(process.execPath, [path.join(__dirname, 'bare-nest-server.js'), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bare NestJS route exited with ${code}`)));
    child.stdout.on('data', (d) => String(d).includes('listening') && resolve());
  });
  try {
    return await fn(`http://127.0.0.1:${port}`);
  } finally {
    child.kill();
  }
}

module.exports = { withBareRoute };
