'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { UncertaintyResult } from '@/lib/decision-models';
import type { Deterministic, FromWorker, RunSet, ToWorker } from './model-protocol';

export type RunStatus = 'idle' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'error';

export interface RunState {
  status: RunStatus;
  deterministic: Record<string, Deterministic> | null;
  distributions: Record<string, UncertaintyResult>;
  progress: { done: number; total: number };
  error: string | null;
  ms: number | null;
  /** The draws and seed of the run shown, so the result can be reproduced. */
  params: { draws: number; seed: number } | null;
  /** True when the worker did not stop on request and was terminated. */
  terminated: boolean;
}

const INITIAL: RunState = {
  status: 'idle',
  deterministic: null,
  distributions: {},
  progress: { done: 0, total: 0 },
  error: null,
  ms: null,
  params: null,
  terminated: false,
};

/** How long a cancelled run may take to stop on its own before its worker is terminated. */
const CANCEL_GRACE_MS = 1500;

/**
 * Runs the scenario model in a Web Worker (model.worker.ts): results arrive as messages, progress
 * is reported, and Cancel stops the run (or, failing that, terminates the worker).
 */
export function useModelRun() {
  const workerRef = useRef<Worker | null>(null);
  const runIdRef = useRef(0);
  const killTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, setState] = useState<RunState>(INITIAL);

  const clearKillTimer = () => {
    if (killTimer.current) clearTimeout(killTimer.current);
    killTimer.current = null;
  };

  const handle = useCallback((msg: FromWorker) => {
    if (msg.runId !== runIdRef.current) return; // a message of an earlier run
    switch (msg.type) {
      case 'deterministic':
        setState((s) => ({ ...s, deterministic: Object.fromEntries(msg.results.map((r) => [r.key, r])) }));
        break;
      case 'progress':
        setState((s) => ({ ...s, progress: { done: msg.done, total: msg.total } }));
        break;
      case 'distribution':
        setState((s) => ({ ...s, distributions: { ...s.distributions, [msg.key]: msg.result } }));
        break;
      case 'done':
        setState((s) => ({ ...s, status: 'done', ms: msg.ms, progress: { done: s.progress.total, total: s.progress.total } }));
        break;
      case 'cancelled':
        clearKillTimer();
        setState((s) => ({ ...s, status: 'cancelled', progress: { done: msg.done, total: msg.total } }));
        break;
      case 'error':
        setState((s) => ({ ...s, status: 'error', error: msg.message }));
        break;
    }
  }, []);

  const worker = useCallback((): Worker => {
    if (!workerRef.current) {
      const w = new Worker(new URL('./model.worker.ts', import.meta.url));
      w.onmessage = (event: MessageEvent<FromWorker>) => handle(event.data);
      w.onerror = (event) => {
        event.preventDefault();
        w.terminate();
        workerRef.current = null;
        setState((s) => ({ ...s, status: 'error', error: event.message || 'The model could not run in this browser.' }));
      };
      workerRef.current = w;
    }
    return workerRef.current;
  }, [handle]);

  const post = (message: ToWorker) => worker().postMessage(message);

  const start = (sets: RunSet[], draws: number, seed: number) => {
    clearKillTimer();
    if (state.status === 'running') post({ type: 'cancel', runId: runIdRef.current });
    const runId = ++runIdRef.current;
    const total = draws * sets.filter((s) => s.uncertain && s.uncertain.length > 0).length;
    setState({ ...INITIAL, status: 'running', progress: { done: 0, total }, params: { draws, seed } });
    post({ type: 'run', runId, sets, draws, seed });
  };

  const cancel = () => {
    if (state.status !== 'running') return;
    const runId = runIdRef.current;
    post({ type: 'cancel', runId });
    setState((s) => ({ ...s, status: 'cancelling' }));
    killTimer.current = setTimeout(() => {
      // Last resort: the run did not stop (one very long chunk); end the worker itself.
      if (runIdRef.current !== runId) return;
      workerRef.current?.terminate();
      workerRef.current = null;
      setState((s) => (s.status === 'cancelling' ? { ...s, status: 'cancelled', terminated: true } : s));
    }, CANCEL_GRACE_MS);
  };

  useEffect(
    () => () => {
      clearKillTimer();
      workerRef.current?.terminate();
      workerRef.current = null;
    },
    [],
  );

  return { state, start, cancel };
}
