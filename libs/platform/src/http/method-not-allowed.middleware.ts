import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Nest mounts middleware for every route (`forRoutes('*')`) as a route answering every method: not a resource. */
const EVERY_METHOD = 30;

interface RouteLayer {
  route?: { methods: Record<string, boolean> };
  matchers?: ((path: string) => false | { params?: Record<string, unknown> })[];
}

/**
 * A path that exists answers 405 with `Allow` for a method it does not have (Nest would say 404,
 * as if the path did not exist). Reads the routes from the Express router at request time, so it
 * covers every controller of every service. OPTIONS is left alone (no CORS here: it stays 404).
 */
export function methodNotAllowed(app: INestApplication): RequestHandler {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: RouteLayer[] }; _router?: { stack: RouteLayer[] } };
  return (req: Request, res: Response, next: NextFunction) => {
    const stack = (express.router ?? express._router)?.stack ?? [];
    // a literal segment wins over a parameter: /stage-templates/required-items is that
    // resource, not the template of a project type called "required-items"
    let fewestParams = Infinity;
    let allowed = new Set<string>();
    for (const layer of stack) {
      const routeMethods = layer.route?.methods ?? {};
      const methods = Object.keys(routeMethods).filter((m) => routeMethods[m]);
      if (!methods.length || methods.length >= EVERY_METHOD || methods.includes('_all')) continue;
      const match = layer.matchers?.map((m) => m(req.path)).find(Boolean);
      if (!match) continue;
      const params = Object.keys(match.params ?? {}).length;
      if (params > fewestParams) continue;
      if (params < fewestParams) {
        fewestParams = params;
        allowed = new Set();
      }
      for (const method of methods) allowed.add(method.toUpperCase());
    }
    if (!allowed.size || allowed.has(req.method) || req.method === 'OPTIONS' || (req.method === 'HEAD' && allowed.has('GET'))) return next();
    if (allowed.has('GET')) allowed.add('HEAD');
    const allow = [...allowed].sort().join(', ');
    res.setHeader('Allow', allow);
    res.status(405).json({ statusCode: 405, error: 'Method Not Allowed', message: `${req.method} is not allowed here; allowed: ${allow}` });
  };
}
