// A static map of which exported lib functions reach the database and whether each is guarded by
// authorize(ctx, …). Read by the authorization matrix (tests/integration/authorization-matrix.test.ts).
//
// Units: every top-level function of lib/**/*.ts (declarations, `const f = (…) => …`, and values built
// around functions: `const GET = apiRoute(…, async ({ ctx }) => …)`, object literals of methods, classes).
// A unit touches the database itself when it refers to db() or readDb() (lib/db/index.ts), builds a
// Prisma or pg client, or takes a client as a parameter (`tx: Tx`). It reaches the database when it
// touches it or refers to (calls, or passes along) a unit that reaches it. Reference, not only call:
// `runFormAction(formData, switchWorkspace, …)` reaches what switchWorkspace reaches.
//
// A unit is guarded when
// - it takes the caller's Ctx and calls authorize() itself (the rule of every domain function), or
// - it does not touch the database itself and everything it reaches the database through is guarded
//   (a delegate: a CSV export built on guarded queries, an API resource's methods, runFormAction; the
//   Ctx they pass along comes from the guard chain's first step, which is on the allow-list), or
// - it is on the allow-list, which says why (sign-in, sessions, migrations, the guard chain itself…).
import ts from 'typescript';

export interface Unit {
  file: string;
  name: string;
  exported: boolean;
  /** A function (its own parameters say whether it takes a Ctx), or a value composed around functions. */
  kind: 'function' | 'composition';
  takesCtx: boolean;
  callsAuthorize: boolean;
  touchesDb: boolean;
  /** Keys (`file#name`) of the units it refers to. */
  refs: Set<string>;
}

export interface Verdict {
  key: string;
  unit: Unit;
  reachesDb: boolean;
  guarded: boolean;
  /** Why not, for the failure message. */
  reason?: string;
}

const key = (file: string, name: string) => `${file}#${name}`;

/** lib/x, lib/x.ts, lib/x/index.ts */
export function resolveModule(from: string, spec: string, files: Set<string>): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = joinPosix(dirnamePosix(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) if (files.has(candidate)) return candidate;
  return null;
}
const dirnamePosix = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf('/')));
function joinPosix(dir: string, rel: string): string {
  const parts = dir ? dir.split('/') : [];
  for (const piece of rel.split('/')) {
    if (piece === '.' || piece === '') continue;
    if (piece === '..') parts.pop();
    else parts.push(piece);
  }
  return parts.join('/');
}

const CLIENT_TYPE = /\b(Tx|Db|TransactionClient|PrismaClient|PoolClient|Pool|Client)\b/;
const CTX_TYPE = /\bCtx\b/;

interface FileInfo {
  /** Local name → import source (file or package) and the name exported there ('*' for a namespace). */
  imports: Map<string, { module: string; name: string; resolved: string | null }>;
  /** Exported name → local unit name, or a re-export. */
  exports: Map<string, { local?: string; from?: string; name?: string }>;
  starExports: string[];
  units: Map<string, { unit: Unit; node: ts.Node }>;
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function functionOf(expr: ts.Expression | undefined): ts.FunctionLikeDeclaration | null {
  if (!expr) return null;
  while (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr)) expr = expr.expression;
  return ts.isArrowFunction(expr) || ts.isFunctionExpression(expr) ? expr : null;
}

function takesCtx(fn: ts.FunctionLikeDeclaration, source: ts.SourceFile): boolean {
  return fn.parameters.some((p) => (p.type ? CTX_TYPE.test(p.type.getText(source)) : ts.isIdentifier(p.name) && p.name.text === 'ctx'));
}

function takesClient(fn: ts.FunctionLikeDeclaration, source: ts.SourceFile): boolean {
  return fn.parameters.some((p) => p.type !== undefined && CLIENT_TYPE.test(p.type.getText(source)));
}

/** Builds the units of every file, with their references resolved to other units. */
export function scanUnits(sources: Map<string, string>): Map<string, Unit> {
  const files = new Set(sources.keys());
  const infos = new Map<string, FileInfo>();

  for (const [file, text] of sources) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const info: FileInfo = { imports: new Map(), exports: new Map(), starExports: [], units: new Map() };
    infos.set(file, info);
    const addUnit = (name: string, node: ts.Node, exported: boolean, fn: ts.FunctionLikeDeclaration | null, clientParam = false) => {
      const unit: Unit = {
        file,
        name,
        exported,
        kind: fn ? 'function' : 'composition',
        takesCtx: fn ? takesCtx(fn, source) : false,
        callsAuthorize: false,
        touchesDb: clientParam || (fn ? takesClient(fn, source) : false),
        refs: new Set(),
      };
      info.units.set(name, { unit, node });
      if (exported) info.exports.set(name, { local: name });
    };

    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        if (statement.importClause?.isTypeOnly) continue;
        const specifier = statement.moduleSpecifier.text;
        const resolved = resolveModule(file, specifier, files);
        const clause = statement.importClause;
        if (clause?.name) info.imports.set(clause.name.text, { module: specifier, name: 'default', resolved });
        const bindings = clause?.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) info.imports.set(bindings.name.text, { module: specifier, name: '*', resolved });
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) {
            if (element.isTypeOnly) continue;
            info.imports.set(element.name.text, { module: specifier, name: (element.propertyName ?? element.name).text, resolved });
          }
        }
      } else if (ts.isExportDeclaration(statement)) {
        if (statement.isTypeOnly) continue;
        const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? resolveModule(file, statement.moduleSpecifier.text, files) : null;
        if (!statement.exportClause) {
          if (from) info.starExports.push(from);
        } else if (ts.isNamedExports(statement.exportClause)) {
          for (const element of statement.exportClause.elements) {
            const inner = (element.propertyName ?? element.name).text;
            info.exports.set(element.name.text, from ? { from, name: inner } : { local: inner });
          }
        }
      } else if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
        addUnit(statement.name.text, statement, hasExportModifier(statement), statement);
      } else if (ts.isClassDeclaration(statement) && statement.name) {
        addUnit(statement.name.text, statement, hasExportModifier(statement), null);
      } else if (ts.isVariableStatement(statement)) {
        const exported = hasExportModifier(statement);
        for (const declaration of statement.declarationList.declarations) {
          if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
          const fn = functionOf(declaration.initializer);
          if (fn) addUnit(declaration.name.text, declaration, exported, fn);
          else if (exported) addUnit(declaration.name.text, declaration, true, null);
          else addUnit(declaration.name.text, declaration, false, null);
        }
      } else if (ts.isExportAssignment(statement)) {
        addUnit('default', statement, true, functionOf(statement.expression));
      }
    }
  }

  /** The unit an exported name of `file` stands for, following re-exports. */
  const resolveExport = (file: string, name: string, seen = new Set<string>()): string | null => {
    if (seen.has(`${file}:${name}`)) return null;
    seen.add(`${file}:${name}`);
    const info = infos.get(file);
    if (!info) return null;
    const entry = info.exports.get(name);
    if (entry?.local !== undefined) {
      if (info.units.has(entry.local)) return key(file, entry.local);
      const imported = info.imports.get(entry.local);
      return imported?.resolved ? resolveExport(imported.resolved, imported.name, seen) : null;
    }
    if (entry?.from) return resolveExport(entry.from, entry.name!, seen);
    for (const star of info.starExports) {
      const found = resolveExport(star, name, seen);
      if (found) return found;
    }
    return null;
  };

  const units = new Map<string, Unit>();
  for (const [file, info] of infos) {
    for (const [name, { unit, node }] of info.units) {
      units.set(key(file, name), unit);
      const visit = (n: ts.Node) => {
        if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) {
          const text = n.text;
          // Matched by name, without scopes: a local that shadows a module-level function counts as a
          // reference to it, which errs towards "reaches the database", never away from it.
          const local = info.units.get(text);
          const imported = info.imports.get(text);
          if (local && text !== name) unit.refs.add(key(file, text));
          else if (imported) {
            if (imported.name === 'authorize' && imported.resolved === 'lib/auth/context.ts' && ts.isCallExpression(n.parent) && n.parent.expression === n) {
              unit.callsAuthorize = true;
            }
            if (imported.resolved && imported.name !== '*') {
              const target = resolveExport(imported.resolved, imported.name);
              if (target) unit.refs.add(target);
            }
            if (imported.resolved && imported.name === '*' && ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n) {
              const target = resolveExport(imported.resolved, n.parent.name.text);
              if (target) unit.refs.add(target);
            }
            // pg itself (a connection or pool of its own), or a new Prisma client.
            if (imported.module === 'pg' || imported.module.startsWith('pg/')) unit.touchesDb = true;
            if (/(^@prisma\/adapter-pg$|generated\/prisma)/.test(imported.module) && imported.name !== 'Prisma' && ts.isNewExpression(n.parent) && n.parent.expression === n) unit.touchesDb = true;
          }
          if (file === 'lib/auth/context.ts' && text === 'authorize' && ts.isCallExpression(n.parent) && n.parent.expression === n && name !== 'authorize') unit.callsAuthorize = true;
        }
        ts.forEachChild(n, visit);
      };
      // The declaration's own name is not a reference.
      if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) ts.forEachChild(node, (child) => (child === node.name ? undefined : visit(child)));
      else if (ts.isVariableDeclaration(node)) {
        if (node.initializer) visit(node.initializer);
      } else ts.forEachChild(node, visit);
    }
  }
  const roots = ['db', 'readDb'].map((name) => key('lib/db/index.ts', name));
  for (const root of roots) {
    const unit = units.get(root);
    if (unit) unit.touchesDb = true;
  }
  for (const unit of units.values()) if (roots.some((root) => unit.refs.has(root))) unit.touchesDb = true;
  return units;
}

/** Which units reach the database, and which of those are guarded (see the top of this file). */
export function judge(units: Map<string, Unit>, allowed: ReadonlySet<string>): Verdict[] {
  const reaches = new Map<string, boolean>();
  for (const [k, u] of units) reaches.set(k, u.touchesDb);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [k, u] of units) {
      if (reaches.get(k)) continue;
      if ([...u.refs].some((r) => reaches.get(r))) {
        reaches.set(k, true);
        changed = true;
      }
    }
  }

  const guarded = new Map<string, boolean>();
  const selfGuarded = (k: string, u: Unit) => allowed.has(k) || (u.kind === 'function' && u.takesCtx && u.callsAuthorize);
  for (const [k, u] of units) guarded.set(k, selfGuarded(k, u));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [k, u] of units) {
      if (guarded.get(k) || u.touchesDb) continue;
      if ([...u.refs].every((r) => !reaches.get(r) || guarded.get(r))) {
        guarded.set(k, true);
        changed = true;
      }
    }
  }

  return [...units].map(([k, unit]) => {
    const reachesDb = reaches.get(k)!;
    const ok = !reachesDb || guarded.get(k)!;
    let reason: string | undefined;
    if (!ok) {
      const unguarded = [...unit.refs].filter((r) => reaches.get(r) && !guarded.get(r));
      reason = [
        unit.touchesDb && unit.kind === 'function' && !unit.takesCtx ? 'takes no Ctx' : null,
        unit.touchesDb && !unit.callsAuthorize ? 'uses the database without calling authorize()' : null,
        unguarded.length ? `reaches the database through unguarded ${unguarded.join(', ')}` : null,
      ]
        .filter(Boolean)
        .join('; ');
    }
    return { key: k, unit, reachesDb, guarded: ok, reason };
  });
}
