// The model library moved to lib/decision-models (so that it cannot be confused with lib/scenarios,
// the scenario records). This path keeps working for scripts and code outside the app.
export * from '../decision-models';
