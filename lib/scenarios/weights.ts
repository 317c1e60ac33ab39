// A reading's weight in a baseline is the stance dashboard's (lib/stance/weights.ts readingWeight):
// one table for charts, current positions and scenario baselines. What only scenarios need:

/**
 * The capability the model uses for an actor when no reading up to the as-of date gives one. The
 * model needs a number; 50 is the middle of the scale, so the actor neither dominates nor vanishes.
 * Every place that uses it says so ("default 50"), and the analyst can override it.
 */
export const DEFAULT_CAPABILITY = 50;

/**
 * Weight of the single synthetic reading of an actor the analyst added with all three values (not
 * in the baseline): as much as a HIGH-confidence reading from a completely reliable source, so the
 * uncertainty run jitters it by about +/-2.9 points (lib/decision-models JITTER_SD / sqrt(3)).
 */
export const ADDED_ACTOR_WEIGHT = 3;
