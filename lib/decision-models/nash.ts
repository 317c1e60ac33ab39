import type { ModelActor } from './types';
import { actorWeights, SCALE_MAX, SCALE_MIN, validateActors } from './validate';

/**
 * The asymmetric Nash bargaining solution on one issue dimension.
 *
 * J. F. Nash (1950), "The bargaining problem", Econometrica 18(2): 155-162, generalised to unequal
 * bargaining power by E. Kalai (1977), "Nonsymmetric Nash solutions and replications of 2-person
 * bargaining", International Journal of Game Theory 6(3): 129-133. The outcome maximises
 *
 *   N(x) = Σ_i w_i · log(u_i(x) − u_i(d)),   w_i = c_i · s_i,
 *
 * with quadratic utilities u_i(x) = −(x − x_i)² and the disagreement point d taken, for each actor,
 * as the end of the scale farthest from its position (failing to agree is the worst outcome it can
 * imagine), so u_i(x) − u_i(d) = D_i² − (x − x_i)², D_i = max(x_i − 0, 100 − x_i). This is the
 * formulation of the Nash solution applied to EU decisions by G. Schneider, D. Finke & S. Bailer
 * (2010), "Bargaining power in the European Union: an evaluation of competing game-theoretic models",
 * Political Studies 58(1): 85-103 (there with the status quo as disagreement point, which our
 * inputs do not record). C. H. Achen (2006, in The European Union Decides, ch. 4) shows that when
 * the disagreement point is far from the positions the first-order condition reduces to the
 * capability × salience weighted mean (the compromise model); `nashBargaining` keeps the exact
 * solution, which pulls towards actors whose disagreement point is near (those at the centre of the scale).
 *
 * N is strictly concave on the positions' range (a sum of logs of concave quadratics), so its
 * derivative falls monotonically from ≥ 0 at the lowest position to ≤ 0 at the highest: bisection
 * finds the maximum to 1e-9 points.
 */
export function nashBargaining(actors: ModelActor[]): number {
  validateActors(actors, 'nashBargaining');
  const weights = actorWeights(actors, 'nashBargaining');
  const carried = actors.map((a, i) => ({ x: a.position, w: weights[i] as number })).filter((a) => a.w > 0);
  let low = Math.min(...carried.map((a) => a.x));
  let high = Math.max(...carried.map((a) => a.x));
  if (high - low < 1e-12) return low;
  const reach = carried.map((a) => Math.max(a.x - SCALE_MIN, SCALE_MAX - a.x) ** 2);
  // dN/dx = Σ w_i · 2(x_i − x) / (D_i² − (x − x_i)²); positive below the maximum, negative above.
  const slope = (x: number) => carried.reduce((s, a, k) => s + (a.w * 2 * (a.x - x)) / Math.max(1e-12, (reach[k] as number) - (x - a.x) ** 2), 0);
  for (let i = 0; i < 200 && high - low > 1e-9; i++) {
    const mid = (low + high) / 2;
    if (slope(mid) > 0) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
