import { importAssessmentsRoute } from '@/lib/api/import-routes';

/** The file is the body; ?mode=check|commit&createMissing=true&format=auto|csv|json&sha256=… */
export const POST = importAssessmentsRoute;
