/**
 * The backtest figures on the shipped real decisions (data/backtest/), shown on the track-record
 * page beside the workspace's own record. Regenerate after a model change with
 * `npm run backtest -- data/backtest/<name>.csv --json data/backtest/<name>.results.json` for each file.
 */
import carEmissions from '../../data/backtest/eu-car-emissions-1994.results.json';
import ktabChina from '../../data/backtest/ktab-china-2014.results.json';
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
  {
    label: 'China upstream oil and gas reform, KTAB 2014 (2 decisions, 60 actor rows)',
    source:
      'Inputs: Efird, Lester & Wise (2016), J. East Asian Studies 16, Tables 2-3, as KTAB’s SOE-Policy.csv and SOE-Competitive.csv; ' +
      'outcome: a third party’s post-hoc coding of what happened by about 2017, not published by the source (data/backtest/README.md)',
    report: ktabChina as ShippedBacktest['report'],
  },
];
