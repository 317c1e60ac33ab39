import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { env } from '@/lib/env';
import { apiDocument } from '@/lib/api/resources';
import { anchorFor, PropertiesTable, Prose, type Schema } from '@/components/api-docs/schema-view';
import { OperationView } from '@/components/api-docs/operation-view';
import styles from '@/components/api-docs/api-docs.module.css';

export const metadata: Metadata = { title: 'API' };

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
