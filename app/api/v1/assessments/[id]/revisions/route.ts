import { assessmentRevisionsRoute } from '@/lib/api/resources/assessments';

export const GET = assessmentRevisionsRoute;
