import { rolesWith, type Operation } from '@/lib/api/openapi';
import { DataTable } from '@/components/ui/data-table';
import { anchorFor, Prose, TypeLabel, type Schema } from './schema-view';
import styles from './api-docs.module.css';

const opAnchor = (op: Operation) => `op-${op.method}-${op.path.replace(/[^a-z0-9]+/gi, '-')}`;

/** One API operation: method and path, the permission it needs, its parameters, body and answers. */
export function OperationView({ op }: { op: Operation }) {
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
        <div className="small mt-6">
          <Prose text={op.description} />
        </div>
      )}
      <div className={styles.block}>
        {op.parameters && op.parameters.length > 0 && (
          <>
            <h4>Parameters</h4>
            <DataTable
              className={styles.props}
              rows={op.parameters}
              rowKey={(p) => `${p.in}-${p.name}`}
              columns={[
                {
                  key: 'name',
                  header: 'Name',
                  className: 'mono',
                  cell: (p) => (
                    <>
                      {String(p.name)}
                      {p.required ? ' *' : ''}
                    </>
                  ),
                },
                { key: 'in', header: 'In', cell: (p) => String(p.in) },
                { key: 'type', header: 'Type', cell: (p) => <TypeLabel schema={(p.schema ?? {}) as Schema} /> },
                {
                  key: 'notes',
                  header: 'Notes',
                  className: 'small',
                  cell: (p) => {
                    const schema = (p.schema ?? {}) as Schema;
                    return [
                      p.description as string | undefined,
                      schema.minimum !== undefined && schema.maximum !== undefined ? `${schema.minimum}–${schema.maximum}` : null,
                      schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : null,
                    ]
                      .filter(Boolean)
                      .join(' · ');
                  },
                },
              ]}
            />
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
