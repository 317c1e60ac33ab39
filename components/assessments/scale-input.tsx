'use client';

import { useState } from 'react';
import type { Anchor } from '@/lib/issues/schema';
import { axisNumbers, ScaleKey } from '@/components/charts/scale-key';

/** A 0-100 input: a number box and a slider kept in step, with the scale's anchor labels underneath. */
export function ScaleInput({
  label,
  name,
  defaultValue,
  errors,
  anchors = [],
  optional = false,
  describe,
}: {
  label: string;
  name: string;
  defaultValue: string;
  errors?: string[];
  anchors?: Anchor[];
  optional?: boolean;
  describe: (value: number) => string;
}) {
  const [value, setValue] = useState(defaultValue);
  const id = `field-${name}`;
  const numeric = Number(value);
  const valid = value !== '' && Number.isFinite(numeric);
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="muted" style={{ fontWeight: 400 }}> (optional)</span>}
      </label>
      <div className="row" style={{ flexWrap: 'nowrap' }}>
        <input
          id={id}
          name={name}
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step="any"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={Boolean(errors?.length)}
          aria-describedby={`${id}-hint ${id}-error`}
          style={{ width: 96 }}
        />
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          value={valid ? Math.min(100, Math.max(0, numeric)) : 50}
          data-empty={valid ? undefined : ''}
          onChange={(e) => setValue(e.target.value)}
          aria-label={`${label} slider`}
          tabIndex={-1}
        />
      </div>
      {anchors.length > 0 && (
        <div className="scale-input-axis" aria-hidden="true">
          <div className="scale-line" />
          {axisNumbers(anchors.map((a) => a.value)).map((v) => (
            <span key={v} className={`scale-number${v <= 5 ? ' start' : v >= 95 ? ' end' : ''}`} style={{ left: `${v}%` }}>
              {v}
            </span>
          ))}
          {valid && numeric >= 0 && numeric <= 100 && <div className="scale-dot" style={{ left: `${numeric}%`, background: 'var(--accent)' }} />}
        </div>
      )}
      <div className="hint" id={`${id}-hint`}>{valid ? describe(numeric) : optional ? 'Leave empty if unknown' : 'A number from 0 to 100'}</div>
      {anchors.length > 0 && <ScaleKey anchors={anchors} />}
      <div className="error" id={`${id}-error`} aria-live="polite">{errors?.map((m) => <div key={m}>{m}</div>)}</div>
    </div>
  );
}
