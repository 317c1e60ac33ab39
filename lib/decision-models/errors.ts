/** Thrown by `runUncertainty` when its `shouldCancel()` callback returns true. */
export class ScenarioCancelledError extends Error {
  /** Draws completed before the run was cancelled. */
  readonly completedDraws: number;

  constructor(completedDraws: number) {
    super(`Scenario run cancelled after ${completedDraws} draw(s)`);
    this.name = 'ScenarioCancelledError';
    this.completedDraws = completedDraws;
  }
}
