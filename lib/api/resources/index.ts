import 'server-only';
import { buildApiDocument } from '../openapi';
import type { ApiResource } from '../resource';
import { actorsResource } from './actors';
import { assessmentsResource } from './assessments';
import { interestsResource } from './interests';
import { issuesResource } from './issues';
import { opinionsResource } from './opinions';
import { scenariosResource } from './scenarios';
import { sourcesResource } from './sources';

export const API_RESOURCES = [actorsResource, issuesResource, sourcesResource, interestsResource, assessmentsResource, opinionsResource, scenariosResource] as unknown as ApiResource<{
  id: string;
}>[];

/** The OpenAPI document and its operations (built once per process). */
export function apiDocument() {
  return buildApiDocument(API_RESOURCES);
}
