/** The public methods of an activities object, bound, as Temporal's worker expects them. */
export function activityMethods(instance: object): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const methods: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  let proto = Object.getPrototypeOf(instance);
  while (proto && proto !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const value: unknown = (instance as Record<string, unknown>)[name];
      if (name === 'constructor' || name.startsWith('_') || typeof value !== 'function' || methods[name]) continue;
      if (['onModuleInit', 'onModuleDestroy', 'onApplicationBootstrap', 'onApplicationShutdown', 'beforeApplicationShutdown'].includes(name)) continue;
      methods[name] = value.bind(instance);
    }
    proto = Object.getPrototypeOf(proto);
  }
  return methods;
}
