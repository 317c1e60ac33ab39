import { resolveIssueRoute } from '@/lib/api/resources/issues';

export const POST = resolveIssueRoute;
