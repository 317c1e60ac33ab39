import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { env } from '@/lib/env';
import { rolesWith, type Operation } from '@/lib/api/openapi';
import { apiDocument } from '@/lib/api/resources';
import { anchorFor, PropertiesTable, Prose, TypeLabel, type Schema } from '@/components/api-docs/schema-view';
import styles from '@/components/api-docs/api-docs.module.css';

export const metadata: Metadata = { title: 'API' };

const opAnchor = (op: Operation) => `op-${op.method}-${op.path.replace(/[^a-z0-9]+/gi, '-')}`;

export default async function ApiDocsPage() {
  const ctx = await requirePageContext();
  const { document, operations } = apiDocument();
  const schemas = ((document.components as { schemas: Record<string, Schema> }).schemas ?? {}) as Record<string, Schema>;
  const tags = [...new Set(operations.map((o) => o.tag))];
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Stanceboard API</h1>
          <div className="sub">
            Version 1, under <code>/api/v1</code>. Generated from the same schemas that check the forms, so the rules are the same.{' '}
            <a href="/api/v1/openapi.json">OpenAPI 3.1 document (JSON)</a>
          </div>
        </div>
      </div>

      <div className="panel">
        <h2>Getting started</h2>
        <Prose
          text={
            'Create a personal token under API tokens, then send it with every request as `Authorization: Bearer sb_…`. ' +
            `A token works only in the workspace it was made in (here: ${ctx.workspaceName}), with the lower of the role chosen for it and your own current role. ` +
            'Signed in, your browser session works too (same-origin requests only).'
          }
        />
        <pre className={styles.pre}>{`curl -H "Authorization: Bearer $STANCEBOARD_TOKEN" \\
  "https://<this server>/api/v1/assessments?issue=<issue id>&limit=100"

curl -X PATCH -H "Authorization: Bearer $STANCEBOARD_TOKEN" -H "Content-Type: application/json" \\
  -d '{"version": 3, "position": 72}' "https://<this server>/api/v1/assessments/<id>"

curl -X POST -H "Authorization: Bearer $STANCEBOARD_TOKEN" -H "Content-Type: text/csv" \\
  --data-binary @readings.csv "https://<this server>/api/v1/import/assessments?mode=check"`}</pre>
        <Prose
          text={
            '- Lists are cursor-paginated: pass `nextCursor` back as `cursor` until it is null; keep the other parameters the same. `?format=csv` answers every matching row as CSV.\n' +
            '- Writes take JSON. PATCH changes only the fields you send; PUT replaces the record. Both need the `version` you read: if someone saved since, the answer is 409 with the record as stored now (`error.details.current`).\n' +
            '- DELETE is a soft delete: the record can be restored in the app.\n' +
            '- Errors are `{ "error": { "code", "message", "fieldErrors" } }`: 401 not authenticated, 403 role too low, 404 not in this workspace, 409 conflict, 413 too large, 422 invalid input (fieldErrors says which field), 429 rate limited (see Retry-After).\n' +
            `- Each token (or signed-in user) may make ${env().API_RATE_LIMIT_PER_MINUTE} requests a minute.`
          }
        />
        <p className="small muted">
          <Link href="/settings/tokens">Manage your API tokens</Link> · <Link href="/import">Import and export in the app</Link>
        </p>
        <nav className={styles.toc} aria-label="Sections">
          {tags.map((t) => (
            <a key={t} href={`#tag-${t.replace(/\W+/g, '-')}`}>
              {t}
            </a>
          ))}
          <a href="#schemas">Schemas</a>
        </nav>
      </div>

      {tags.map((tag) => (
        <section key={tag} className="panel" id={`tag-${tag.replace(/\W+/g, '-')}`} aria-labelledby={`h-${tag.replace(/\W+/g, '-')}`}>
          <h2 id={`h-${tag.replace(/\W+/g, '-')}`}>{tag}</h2>
          {operations
            .filter((o) => o.tag === tag)
            .map((op) => (
              <OperationView key={`${op.method} ${op.path}`} op={op} />
            ))}
        </section>
      ))}

      <section className="panel" id="schemas" aria-labelledby="h-schemas">
        <h2 id="h-schemas">Schemas</h2>
        <p className="small muted">Records as the API answers them, and the bodies it accepts (Input for POST, Replace for PUT, Patch for PATCH).</p>
        {Object.entries(schemas).map(([name, schema]) => (
          <div key={name} className={styles.schema} id={anchorFor(name)}>
            <h3>{name}</h3>
            {typeof schema.description === 'string' && <p className="small">{schema.description}</p>}
            <PropertiesTable schema={schema} />
          </div>
        ))}
      </section>
    </>
  );
}

function OperationView({ op }: { op: Operation }) {
  const body = op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined;
  return (
    <div className={styles.op} id={opAnchor(op)}>
      <div className={styles.opHead}>
        <span className={`${styles.method} ${styles[op.method]}`}>{op.method}</span>
        <span className={styles.path}>/api/v1{op.path}</span>
        <span>{op.summary}</span>
      </div>
      <div className={styles.perm}>
        Needs <code>{op.permission}</code>: {rolesWith(op.permission)}
      </div>
      {op.description && (
        <div className="small" style={{ marginTop: 6 }}>
          <Prose text={op.description} />
        </div>
      )}
      <div className={styles.block}>
        {op.parameters && op.parameters.length > 0 && (
          <>
            <h4>Parameters</h4>
            <table className={`data ${styles.props}`}>
              <thead>
                <tr>
                  <th>Name</th>
                  <th>In</th>
                  <th>Type</th>
                  <th>Notes</th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => {
                  const schema = (p.schema ?? {}) as Schema;
                  return (
                    <tr key={`${p.in}-${p.name}`}>
                      <td className="mono">
                        {String(p.name)}
                        {p.required ? ' *' : ''}
                      </td>
                      <td>{String(p.in)}</td>
                      <td>
                        <TypeLabel schema={schema} />
                      </td>
                      <td className="small">
                        {[
                          p.description as string | undefined,
                          schema.minimum !== undefined && schema.maximum !== undefined ? `${schema.minimum}–${schema.maximum}` : null,
                          schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
        {body?.content && (
          <>
            <h4>Body</h4>
            {Object.entries(body.content).map(([type, c]) => (
              <div key={type} className="small">
                <code>{type}</code>: {c.schema ? <TypeLabel schema={c.schema} /> : 'the file'}
              </div>
            ))}
          </>
        )}
        <h4>Responses</h4>
        <ul className={styles.list}>
          {Object.entries(op.responses)
            .filter(([code]) => Number(code) < 400)
            .map(([code, r]) => {
              const content = (r.content ?? {}) as Record<string, { schema?: Schema }>;
              const json = content['application/json']?.schema;
              return (
                <li key={code} className="small">
                  <strong>{code}</strong> {String(r.description ?? '')}
                  {json && (
                    <>
                      {' '}
                      — <TypeLabel schema={json} />
                      {json.type === 'object' && json.properties ? (
                        <>
                          {' '}
                          with{' '}
                          {Object.entries(json.properties as Record<string, Schema>).map(([k, v], i) => (
                            <span key={k}>
                              {i > 0 && ', '}
                              <code>{k}</code>: <TypeLabel schema={v} />
                            </span>
                          ))}
                        </>
                      ) : null}
                    </>
                  )}
                </li>
              );
            })}
          <li className="small">
            Errors ({<a href={`#${anchorFor('Error')}`}>Error</a>}):{' '}
            {Object.entries(op.responses)
              .filter(([code]) => Number(code) >= 400)
              .map(([code, r]) => (
                <abbr key={code} title={String(r.description ?? '')} className={styles.code}>
                  {code}
                </abbr>
              ))}
          </li>
        </ul>
      </div>
    </div>
  );
}
