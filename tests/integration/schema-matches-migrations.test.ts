// A database migrated from empty must be exactly what schema.prisma describes, so that the hand-kept SQL
// migrations and the Prisma client never drift apart (and `prisma migrate diff` elsewhere finds nothing).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import internals from '@prisma/internals';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@/lib/db/server';
import { query } from './helpers/databases';

type DMMF = Awaited<ReturnType<typeof internals.getDMMF>>;
let dmmf: DMMF;
/** `Unsupported("type")` fields (database-kept columns such as search vectors): the DMMF leaves them out. */
let unsupported: { model: string; field: string; type: string; optional: boolean }[];
const url = () => process.env.DATABASE_URL!;

beforeAll(async () => {
  const schema = readFileSync(path.join(REPO_ROOT, 'prisma/schema.prisma'), 'utf8');
  dmmf = await internals.getDMMF({ datamodel: schema });
  unsupported = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].flatMap(([, model, body]) =>
    [...body!.matchAll(/^\s+(\w+)\s+Unsupported\("([^"]+)"\)(\?)?/gm)].map(([, field, type, optional]) => ({
      model: model!,
      field: field!,
      type: type!,
      optional: optional === '?',
    })),
  );
});

function tableOf(modelName: string): string {
  const model = dmmf.datamodel.models.find((m) => m.name === modelName)!;
  return model.dbName ?? model.name;
}

function columnOf(modelName: string, fieldName: string): string {
  const field = dmmf.datamodel.models.find((m) => m.name === modelName)!.fields.find((f) => f.name === fieldName);
  if (!field && unsupported.some((u) => u.model === modelName && u.field === fieldName)) return fieldName;
  return field!.dbName ?? field!.name;
}

function expectedType(field: DMMF['datamodel']['models'][number]['fields'][number]): string {
  if (field.isList) return `ARRAY:_${field.kind === 'enum' ? field.type : scalarUdt(field.type, field.nativeType)}`;
  if (field.kind === 'enum') return `USER-DEFINED:${field.type}`;
  const native = field.nativeType?.[0];
  switch (field.type) {
    case 'String':
      return native === 'Uuid' ? 'uuid' : 'text';
    case 'Int':
      return 'integer';
    case 'BigInt':
      return 'bigint';
    case 'Float':
      return 'double precision';
    case 'Boolean':
      return 'boolean';
    case 'Json':
      return 'jsonb';
    case 'DateTime':
      if (native === 'Date') return 'date';
      return `${native === 'Timestamptz' ? 'timestamp with time zone' : 'timestamp without time zone'}(${field.nativeType?.[1]?.[0] ?? '3'})`;
    default:
      throw new Error(`No mapping for Prisma type ${field.type}`);
  }
}

function scalarUdt(type: string, native: unknown): string {
  if (type === 'String') return (native as string[] | null)?.[0] === 'Uuid' ? 'uuid' : 'text';
  return ({ Int: 'int4', Float: 'float8', Boolean: 'bool' } as Record<string, string>)[type] ?? type.toLowerCase();
}

describe('the migrated database matches prisma/schema.prisma', () => {
  it('has exactly the tables of the schema', async () => {
    const rows = await query<{ table_name: string }>(
      url(),
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(dmmf.datamodel.models.map((m) => m.dbName ?? m.name).sort());
  });

  it('has the same enums with the same values in the same order', async () => {
    const rows = await query<{ name: string; values: string[] }>(
      url(),
      `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1`,
    );
    const expected = dmmf.datamodel.enums
      .map((e) => ({ name: e.dbName ?? e.name, values: e.values.map((v) => v.dbName ?? v.name) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(rows).toEqual(expected);
  });

  it('has every column with its type and nullability, and no others', async () => {
    const rows = await query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; datetime_precision: number | null }>(
      url(),
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, datetime_precision
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const actual = rows
      .map((r) => {
        let type = r.data_type;
        if (type === 'USER-DEFINED' || type === 'ARRAY') type = `${type}:${r.udt_name}`;
        if (type.startsWith('timestamp')) type = `${type}(${r.datetime_precision})`;
        return `${r.table_name}.${r.column_name} ${type} ${r.is_nullable === 'YES' ? 'NULL' : 'NOT NULL'}`;
      })
      .sort();
    const expected = dmmf.datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
          .map((f) => {
            // Prisma creates scalar lists as nullable columns.
            const nullable = !f.isRequired || f.isList;
            return `${model.dbName ?? model.name}.${f.dbName ?? f.name} ${expectedType(f)} ${nullable ? 'NULL' : 'NOT NULL'}`;
          }),
      )
      .concat(unsupported.map((u) => `${tableOf(u.model)}.${u.field} ${u.type} ${u.optional ? 'NULL' : 'NOT NULL'}`))
      .sort();
    expect(actual).toEqual(expected);
  });

  it('has the primary keys, unique constraints and indexes of the schema, named as Prisma names them', async () => {
    const rows = await query<{ table: string; index: string; unique: boolean; primary: boolean; columns: string[] }>(
      url(),
      `SELECT t.relname AS table, i.relname AS index, ix.indisunique AS unique, ix.indisprimary AS primary,
              array_agg(a.attname::text ORDER BY k.ord) AS columns
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
        GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary`,
    );
    const actual = rows.map((r) => `${r.table} ${r.index} ${r.primary ? 'PRIMARY' : r.unique ? 'UNIQUE' : 'INDEX'} (${r.columns.join(',')})`).sort();
    const expected = dmmf.datamodel.indexes
      .map((ix) => {
        const table = tableOf(ix.model);
        const columns = ix.fields.map((f) => columnOf(ix.model, f.name));
        const suffix = ix.type === 'id' ? 'pkey' : ix.type === 'unique' ? 'key' : 'idx';
        const name = ix.dbName ?? (ix.type === 'id' ? `${table}_pkey` : `${table}_${columns.join('_')}_${suffix}`);
        const kind = ix.type === 'id' ? 'PRIMARY' : ix.type === 'unique' ? 'UNIQUE' : 'INDEX';
        return `${table} ${name} ${kind} (${columns.join(',')})`;
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it('has every foreign key with its referential action', async () => {
    const rows = await query<{ name: string; table: string; columns: string[]; ref_table: string; ref_columns: string[]; on_delete: string }>(
      url(),
      `SELECT c.conname AS name, t.relname AS table, rt.relname AS ref_table,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS ref_columns,
              c.confdeltype AS on_delete
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class rt ON rt.oid = c.confrelid
        WHERE c.contype = 'f'`,
    );
    const action: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };
    const actual = rows
      .map((r) => `${r.name}: ${r.table}(${r.columns.join(',')}) -> ${r.ref_table}(${r.ref_columns.join(',')}) ON DELETE ${action[r.on_delete]}`)
      .sort();
    const expected = dmmf.datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((f) => f.kind === 'object' && (f.relationFromFields?.length ?? 0) > 0)
          .map((f) => {
            const table = model.dbName ?? model.name;
            const from = f.relationFromFields!.map((name) => columnOf(model.name, name));
            const to = f.relationToFields!.map((name) => columnOf(f.type, name));
            const required = f.relationFromFields!.every((name) => model.fields.find((x) => x.name === name)!.isRequired);
            const onDelete = f.relationOnDelete ?? (required ? 'Restrict' : 'SetNull');
            return `${table}_${from.join('_')}_fkey: ${table}(${from.join(',')}) -> ${tableOf(f.type)}(${to.join(',')}) ON DELETE ${onDelete}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});
