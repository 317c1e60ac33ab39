// Static checks that every entry point of the app goes through its kind's adapter over the one request
// guard (lib/auth/guard.ts): server actions through the form adapter, pages and layouts through the
// page guard. (Route handlers are checked at run time: apiRoute marks what it builds.) Read by
// tests/integration/authorization-matrix.test.ts, which also feeds them made-up sources to prove they fail.
import ts from 'typescript';
import { resolveModule } from './database-reach';

export interface Finding {
  key: string;
  reason: string;
}

const parse = (file: string, text: string) =>
  ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

/** Local name → `file#name` of the import (`module#name` for a package). */
function importsOf(source: ts.SourceFile, files: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.importClause?.isTypeOnly) continue;
    const from = resolveModule(source.fileName, statement.moduleSpecifier.text, files) ?? statement.moduleSpecifier.text;
    const bindings = statement.importClause?.namedBindings;
    if (statement.importClause?.name) out.set(statement.importClause.name.text, `${from}#default`);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) if (!element.isTypeOnly) out.set(element.name.text, `${from}#${(element.propertyName ?? element.name).text}`);
    }
  }
  return out;
}

function unwrap(expression: ts.Expression): ts.Expression {
  let e = expression;
  while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

/** The imported function a call expression calls (`file#name`), or null for anything else. */
function calleeOf(expression: ts.Expression | undefined, imports: Map<string, string>): string | null {
  if (!expression) return null;
  const call = unwrap(expression);
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return null;
  return imports.get(call.expression.text) ?? null;
}

const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const isDefault = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

function functionOf(expression: ts.Expression | undefined): ts.FunctionLikeDeclaration | null {
  if (!expression) return null;
  let e = expression;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e) ? e : null;
}

/** A function's whole body as one call (`return f(…)`, or an arrow's expression body): that call, else null. */
function soleReturnedCall(fn: ts.FunctionLikeDeclaration): ts.Expression | null {
  const body = fn.body;
  if (!body) return null;
  if (!ts.isBlock(body)) return body;
  const [only, ...rest] = body.statements;
  if (!only || rest.length || !ts.isReturnStatement(only)) return null;
  return only.expression ?? null;
}

/** Functions of the file itself, by name (a module-level helper of the actions, like members' memberAction). */
function localFunctions(source: ts.SourceFile): Map<string, ts.FunctionLikeDeclaration> {
  const out = new Map<string, ts.FunctionLikeDeclaration>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) out.set(statement.name.text, statement);
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        const fn = functionOf(d.initializer);
        if (fn && ts.isIdentifier(d.name)) out.set(d.name.text, fn);
      }
    }
  }
  return out;
}

/**
 * The adapter a function is nothing but a call of: `return adapter(…)` with `adapter` imported, or
 * with a local function that is itself nothing but such a call. The adapter's key, else why not.
 */
function adapterCalled(fn: ts.FunctionLikeDeclaration, imports: Map<string, string>, locals: Map<string, ts.FunctionLikeDeclaration>, seen = new Set<string>()): string | null {
  const call = soleReturnedCall(fn);
  const callee = call ? unwrap(call) : null;
  if (!callee || !ts.isCallExpression(callee) || !ts.isIdentifier(callee.expression)) return null;
  const name = callee.expression.text;
  const local = locals.get(name);
  if (local) return seen.has(name) ? null : adapterCalled(local, imports, locals, new Set([...seen, name]));
  return imports.get(name) ?? null;
}

/**
 * Every export of each 'use server' file (each is an endpoint anyone can POST to) must be a function
 * whose whole body is `return adapter(…)`, `adapter` one of `adapters` (`file#name`) or a function of
 * the file that is itself just that: anything done before the adapter would run before the guard.
 */
export function actionsOutsideAdapters(actionFiles: Map<string, string>, files: Set<string>, adapters: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const needs = `its whole body must be \`return adapter(…)\` with one of ${[...adapters].map((a) => a.split('#')[1]).join(', ')}`;
  for (const [file, text] of actionFiles) {
    const source = parse(file, text);
    const imports = importsOf(source, files);
    const locals = localFunctions(source);
    const judge = (name: string, fn: ts.FunctionLikeDeclaration | null) => {
      const callee = fn && adapterCalled(fn, imports, locals);
      if (!callee || !adapters.has(callee)) findings.push({ key: `${file}#${name}`, reason: callee ? `returns ${callee}, not a form adapter; ${needs}` : needs });
    };
    for (const statement of source.statements) {
      if (ts.isFunctionDeclaration(statement) && isExported(statement)) judge(isDefault(statement) ? 'default' : (statement.name?.text ?? 'default'), statement);
      else if (ts.isVariableStatement(statement) && isExported(statement)) {
        for (const d of statement.declarationList.declarations) judge(ts.isIdentifier(d.name) ? d.name.text : d.name.getText(source), functionOf(d.initializer));
      } else if (ts.isExportAssignment(statement)) judge('default', functionOf(statement.expression));
      else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
        findings.push({ key: `${file}#${statement.exportClause?.getText(source) ?? '*'}`, reason: `re-exported; write each action in place: ${needs}` });
      }
    }
  }
  return findings;
}

/**
 * Pages and layouts: the default export's first statement must await `guard` (`file#name`), so nothing
 * is read or rendered for a caller the guard would turn away.
 */
export function pagesWithoutGuard(pageFiles: Map<string, string>, files: Set<string>, guard: string): Finding[] {
  const findings: Finding[] = [];
  for (const [file, text] of pageFiles) {
    const source = parse(file, text);
    const imports = importsOf(source, files);
    let component: ts.FunctionLikeDeclaration | null = null;
    for (const statement of source.statements) {
      if (ts.isFunctionDeclaration(statement) && isExported(statement) && isDefault(statement)) component = statement;
      else if (ts.isExportAssignment(statement)) {
        const local = ts.isIdentifier(statement.expression) ? statement.expression.text : null;
        component =
          functionOf(statement.expression) ??
          source.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === local) ??
          null;
      }
    }
    const first = component?.body && ts.isBlock(component.body) ? component.body.statements[0] : undefined;
    let awaited: ts.Expression | undefined;
    if (first && ts.isVariableStatement(first) && first.declarationList.declarations.length === 1) awaited = first.declarationList.declarations[0]!.initializer;
    else if (first && ts.isExpressionStatement(first)) awaited = first.expression;
    const callsGuard = awaited !== undefined && ts.isAwaitExpression(awaited) && calleeOf(awaited, imports) === guard;
    if (!callsGuard) {
      findings.push({
        key: file,
        reason: component ? `the default export's first statement must be \`await ${guard.split('#')[1]}(…)\`` : 'no default export function found to check',
      });
    }
  }
  return findings;
}

/** Files importing `name` from `from` (a file as resolved, or a package), e.g. who reads next-auth's session directly. */
export function importersOf(sources: Map<string, string>, files: Set<string>, from: string, name: string): string[] {
  return [...sources]
    .filter(([file, text]) => [...importsOf(parse(file, text), files).values()].includes(`${from}#${name}`))
    .map(([file]) => file);
}
