import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { WebAssets } from './web-assets';

// the pages load only their own bundle; Element Plus sets inline styles, ECharts draws on canvas
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'self'",
].join('; ');

/**
 * The built pages: the 工改办 console at `/`, the public 公示 page at `/gongshi/`. Hashed assets
 * are cached for a year, the HTML never (a new build is picked up at once).
 */
export function serveWebAssets(app: INestApplication, assets: WebAssets): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/api/') && !req.path.startsWith('/docs')) res.setHeader('content-security-policy', CSP);
    next();
  });
  app.use(
    express.static(assets.dir, {
      index: 'index.html',
      setHeaders: (res, file) => res.setHeader('cache-control', /[\\/]assets[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    }),
  );
  if (!assets.built) {
    app.use('/', (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path !== '/') return next();
      res.status(503).type('text/plain; charset=utf-8').send(`门户页面尚未构建: no build at ${assets.dir} (run deploy/local/build.sh)`);
    });
  }
}
