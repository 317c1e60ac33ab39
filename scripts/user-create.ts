// npm run user:create -- --email ana@example.org --name "Ana Analyst" --workspace "Caucasus Desk" --role admin [--password …]
//
// Creates the workspace (by slug or name, or a new one named so), the user (or reuses the account with
// that email) and the membership. Without --password a one-time password is generated and printed once;
// the user must choose their own at first sign-in. Works under NODE_ENV=production (that is what it is for).
import { parseArgs } from 'node:util';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { Role } from '../lib/generated/prisma/enums';
import { hashPassword } from '../lib/auth/password';
import { migrate } from '../lib/db/migrate';
import { resolveDatabase } from '../lib/db/server';
import { generateOneTimePassword } from '../lib/members/one-time-password';
import { emailField, newPasswordField, passwordIsEmail } from '../lib/members/schema';

const USAGE = `Usage: npm run user:create -- --email <email> --name <full name> --workspace <name or slug> --role <admin|analyst|viewer> [--password <password>]

  --email      the sign-in email (an existing account is reused: it keeps its password and joins the workspace)
  --name       the person's name, as shown in the app (required for a new account)
  --workspace  an existing workspace's slug or name, or the name of a new workspace to create
  --role       admin, analyst or viewer
  --password   the password to set for a new account; without it a one-time password is printed once and
               must be replaced at first sign-in (prefer this: the password does not end up in your shell history)`;

class UsageError extends Error {}

function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

function readArgs(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        workspace: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const problems: string[] = [];
  const email = emailField.safeParse(values.email ?? '');
  if (!values.email) problems.push('--email is required');
  else if (!email.success) problems.push(`--email: ${email.error.issues[0]?.message ?? 'not a valid email address'}`);
  const name = (values.name ?? '').trim();
  if (name.length > 200) problems.push('--name must be at most 200 characters');
  const workspace = (values.workspace ?? '').trim();
  if (!workspace) problems.push('--workspace is required');
  else if (workspace.length > 200) problems.push('--workspace must be at most 200 characters');
  else if (!slugify(workspace)) problems.push('--workspace must contain letters or digits');
  const roleText = (values.role ?? '').trim().toUpperCase();
  const role = (Object.values(Role) as string[]).includes(roleText) ? (roleText as Role) : undefined;
  if (!values.role) problems.push('--role is required (admin, analyst or viewer)');
  else if (!role) problems.push(`--role must be admin, analyst or viewer (got "${values.role}")`);
  if (values.password !== undefined) {
    const password = newPasswordField.safeParse(values.password);
    if (!password.success) problems.push(`--password: ${password.error.issues[0]?.message}`);
    else if (email.success && passwordIsEmail(values.password, email.data)) problems.push('--password must not be the email address');
  }
  if (problems.length) throw new UsageError(problems.join('\n'));
  return { email: email.data!, name, workspace, role: role!, password: values.password };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof readArgs>;
  try {
    args = readArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }

  const database = await resolveDatabase();
  console.log(`Database: ${database.description}`);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 2 }) });
  try {
    await migrate(database.url, { log: console.log });

    const existingUser = await prisma.user.findUnique({ where: { email: args.email }, select: { id: true, name: true } });
    if (!existingUser && !args.name) {
      console.error(`There is no account for ${args.email} yet: give its owner's name with --name.\n\n${USAGE}`);
      return 2;
    }
    const oneTimePassword = !existingUser && args.password === undefined ? generateOneTimePassword() : undefined;
    const passwordHash = existingUser ? undefined : await hashPassword(oneTimePassword ?? args.password!);

    const slug = slugify(args.workspace);
    const outcome = await prisma.$transaction(async (tx) => {
      let workspace =
        (await tx.workspace.findUnique({ where: { slug: args.workspace.toLowerCase() } })) ??
        (await tx.workspace.findFirst({ where: { name: { equals: args.workspace, mode: 'insensitive' } }, orderBy: { createdAt: 'asc' } })) ??
        (await tx.workspace.findUnique({ where: { slug } }));
      const createdWorkspace = !workspace;
      workspace ??= await tx.workspace.create({ data: { name: args.workspace, slug } });

      const user =
        existingUser ??
        (await tx.user.create({
          data: { email: args.email, name: args.name, passwordHash: passwordHash!, mustChangePassword: Boolean(oneTimePassword) },
          select: { id: true, name: true },
        }));
      const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } } });
      if (membership) {
        return { workspace, createdWorkspace, user, membership: 'exists' as const, role: membership.role, disabled: Boolean(membership.disabledAt) };
      }
      const created = await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: args.role } });
      await tx.auditLog.create({
        data: {
          action: 'member.added',
          workspaceId: workspace.id,
          entityType: 'membership',
          entityId: created.id,
          details: { email: args.email, role: args.role, existingAccount: Boolean(existingUser), via: 'user:create' },
        },
      });
      return { workspace, createdWorkspace, user, membership: 'created' as const, role: args.role, disabled: false };
    });

    console.log(
      outcome.createdWorkspace
        ? `Created workspace "${outcome.workspace.name}" (slug ${outcome.workspace.slug}).`
        : `Using workspace "${outcome.workspace.name}" (slug ${outcome.workspace.slug}).`,
    );
    if (existingUser) {
      console.log(`${args.email} already had an account (${existingUser.name}); its password was not changed.`);
      if (args.password !== undefined) console.log('Note: --password was ignored for the existing account.');
    } else {
      console.log(`Created the account ${args.email} (${args.name}).`);
    }
    if (outcome.membership === 'exists') {
      console.log(
        `${args.email} was already a member of this workspace as ${outcome.role.toLowerCase()}${outcome.disabled ? ' (disabled)' : ''}: nothing changed. Use the Members page to change the role.`,
      );
    } else {
      console.log(`Added ${args.email} to "${outcome.workspace.name}" as ${outcome.role.toLowerCase()}.`);
    }
    if (oneTimePassword) {
      console.log(`\nOne-time password (shown only now; it must be replaced at first sign-in):\n\n    ${oneTimePassword}\n`);
    }
    return 0;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`user:create failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
