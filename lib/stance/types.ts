// The shapes the stance read side returns (lib/stance/series.ts and friends).
import type { Anchor } from '../issues/schema';
import type { ConfidenceLevel, ReliabilityGrade, SourceKindCode } from './weights';
import type { BucketChoice, BucketUnit, StanceFilters } from './schema';

export type { Anchor } from '../issues/schema';

export interface StanceIssue {
  id: string;
  title: string;
  description: string;
  anchors: Anchor[];
}

export interface StanceSource {
  id: string;
  title: string;
  outlet: string;
  kind: SourceKindCode;
  reliability: ReliabilityGrade;
  publishedAt: string;
}

/** One bucket of one actor's line. `value` is the statistic the filters chose (mean/median, weighted or not). */
export interface StanceBucket {
  /** First day of the bucket, YYYY-MM-DD. */
  start: string;
  /** First day after the bucket. */
  end: string;
  n: number;
  value: number;
  mean: number;
  median: number;
  weightedMean: number;
  /** Computed only when the line shows it, or when all statistics are asked for (CSV export). */
  weightedMedian: number | null;
  /** Sample standard deviation (n − 1); null for a single reading. */
  sdSample: number | null;
  sdPopulation: number;
  min: number;
  max: number;
  /** The bucket's sources: all of them for the CSV (allStatistics), else at most MAX_SOURCES_PER_BUCKET. */
  sourceIds: string[];
  sourceCount: number;
}

export interface StanceReading {
  id: string;
  date: string;
  position: number;
  sourceId: string;
  analyst: string | null;
  confidence: ConfidenceLevel;
  reliability: ReliabilityGrade;
  credibility: number;
}

export interface StanceSeries {
  issueId: string;
  actorId: string;
  actorName: string;
  /** The actor's style (colour, marker, dash) in every chart: see actorStyleIndexes. */
  styleIndex: number;
  /** Readings that match the filters. */
  total: number;
  /** Readings sent (after thinning). */
  shown: number;
  thinned: boolean;
  buckets: StanceBucket[];
  readings: StanceReading[];
}

export interface StanceSeriesResult {
  filters: StanceFilters;
  bucketRequested: BucketChoice;
  /** The unit used; coarser than requested when the requested one would exceed MAX_BUCKETS_PER_SERIES. */
  bucketUnit: BucketUnit;
  series: StanceSeries[];
  sources: Record<string, StanceSource>;
  /** Reading markers the whole chart may send (shared by its series). */
  maxReadings: number;
}
