// Module hook for scripts/server.ts: lib/ marks its server code with `import 'server-only'`, which throws
// outside a React Server Components bundle. The server loads a few of lib's API routes itself
// (scripts/api-fast-path.ts), so here that marker resolves to the package's own empty entry, the one
// Next's server bundles get.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'server-only') return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
  return nextResolve(specifier, context);
}
