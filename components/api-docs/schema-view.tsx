import type { ReactNode } from 'react';
import styles from './api-docs.module.css';

// Renders JSON Schema (as generated from the zod schemas) as tables a person can read. No third-party UI.

export type Schema = Record<string, unknown>;

const refName = (ref: string) => ref.split('/').pop() ?? ref;

export function anchorFor(name: string) {
  return `schema-${name}`;
}

/** "string (uuid)", "one of LOW, MODERATE, HIGH", "array of Actor", "number or null" */
export function TypeLabel({ schema }: { schema: Schema | undefined }): ReactNode {
  if (!schema) return 'any';
  if (typeof schema.$ref === 'string') {
    const name = refName(schema.$ref);
    return <a href={`#${anchorFor(name)}`}>{name}</a>;
  }
  const anyOf = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (anyOf) {
    return anyOf.map((s, i) => (
      <span key={i}>
        {i > 0 && ' or '}
        <TypeLabel schema={s} />
      </span>
    ));
  }
  if (Array.isArray(schema.enum)) return `one of ${(schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  if ('const' in schema) return `exactly ${JSON.stringify(schema.const)}`;
  const type = Array.isArray(schema.type) ? (schema.type as string[]).join(' or ') : (schema.type as string | undefined);
  if (type === 'array') {
    return (
      <>
        array of <TypeLabel schema={schema.items as Schema | undefined} />
      </>
    );
  }
  if (type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object' && !schema.properties) {
    return (
      <>
        map of <TypeLabel schema={schema.additionalProperties as Schema} />
      </>
    );
  }
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  return `${type ?? 'any'}${format}`;
}

function constraints(schema: Schema): string[] {
  const out: string[] = [];
  const inner = ((schema.anyOf as Schema[] | undefined)?.find((s) => s.type !== 'null') ?? schema) as Schema;
  if (inner.minimum !== undefined && inner.maximum !== undefined) out.push(`${inner.minimum}–${inner.maximum}`);
  else if (inner.minimum !== undefined) out.push(`≥ ${inner.minimum}`);
  else if (inner.maximum !== undefined) out.push(`≤ ${inner.maximum}`);
  if (typeof inner.maxLength === 'number') out.push(`up to ${inner.maxLength} characters`);
  if (inner.minLength === 1) out.push('not empty');
  // A format (date, date-time, uuid) says it better than its regular expression.
  if (typeof inner.pattern === 'string' && typeof inner.format !== 'string' && inner.pattern.length <= 60) out.push(`pattern ${inner.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

/** The properties of an object schema as a table; nested objects are shown inline beneath their row. */
export function PropertiesTable({ schema, depth = 0 }: { schema: Schema; depth?: number }) {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const names = Object.keys(properties);
  if (!names.length) {
    return (
      <p className="small muted">
        <TypeLabel schema={schema} />
      </p>
    );
  }
  return (
    <table className={`data ${styles.props}`}>
      <thead>
        <tr>
          <th>Field</th>
          <th>Type</th>
          <th>Required</th>
          <th>Notes</th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => {
          const p = properties[name]!;
          const nested = nestedObject(p);
          return (
            <tr key={name}>
              <td className="mono">{name}</td>
              <td>
                <TypeLabel schema={nested && nested !== p ? { ...p, items: { type: 'object' } } : p} />
                {nested && depth < 3 && (
                  <div className={styles.nested}>
                    <PropertiesTable schema={nested} depth={depth + 1} />
                  </div>
                )}
              </td>
              <td>{required.has(name) ? 'yes' : ''}</td>
              <td className="small">
                {[typeof p.description === 'string' ? p.description : null, ...constraints(p)].filter(Boolean).join(' · ')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** An inline object schema (or array of one) worth expanding. */
function nestedObject(p: Schema): Schema | null {
  if (p.type === 'object' && p.properties) return p;
  const items = p.items as Schema | undefined;
  if (p.type === 'array' && items?.type === 'object' && items.properties) return items;
  if (p.type === 'object' && typeof p.additionalProperties === 'object' && (p.additionalProperties as Schema).properties) return p.additionalProperties as Schema;
  return null;
}

/** A few lines of Markdown as the API descriptions use it: paragraphs, "- " lists and `code`. */
export function Prose({ text }: { text: string }) {
  const inline = (s: string) =>
    s.split(/(`[^`]+`)/g).map((part, i) => (part.startsWith('`') && part.endsWith('`') ? <code key={i}>{part.slice(1, -1)}</code> : part));
  return (
    <>
      {text.split(/\n\n+/).map((block, i) => {
        const lines = block.split('\n');
        if (lines.every((l) => l.startsWith('- '))) {
          return (
            <ul key={i} className={styles.list}>
              {lines.map((l, j) => (
                <li key={j}>{inline(l.slice(2))}</li>
              ))}
            </ul>
          );
        }
        const [head, ...rest] = lines;
        if (rest.length && rest.every((l) => l.startsWith('- '))) {
          return (
            <div key={i}>
              <p>{inline(head!)}</p>
              <ul className={styles.list}>
                {rest.map((l, j) => (
                  <li key={j}>{inline(l.slice(2))}</li>
                ))}
              </ul>
            </div>
          );
        }
        return <p key={i}>{inline(block)}</p>;
      })}
    </>
  );
}
