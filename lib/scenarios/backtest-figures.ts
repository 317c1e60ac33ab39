/**
 * The backtest figures on the shipped real decisions (data/backtest/), shown on the track-record
 * page beside the workspace's own record. Regenerate after a model change with
 * `npm run backtest -- data/backtest/eu-car-emissions-1994.csv --json data/backtest/eu-car-emissions-1994.results.json`.
 */
import carEmissions from '../../data/backtest/eu-car-emissions-1994.results.json';
import type { BacktestReport } from '../decision-models/backtest';

export interface ShippedBacktest {
  label: string;
  source: string;
  report: Pick<BacktestReport, 'decisions' | 'actors' | 'folds' | 'models' | 'notes'>;
}

export const SHIPPED_BACKTESTS: ShippedBacktest[] = [
  {
    label: 'EC emission standards for medium-sized cars (1 decision, 10 actors)',
    source: 'Bueno de Mesquita (1994), p. 78; outcome 8.833 years as quoted by Scholz, Calbert & Smith (2011)',
    report: carEmissions as ShippedBacktest['report'],
  },
];
