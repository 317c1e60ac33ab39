import type { ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** A labelled form control whose errors are announced and tied to it with aria-describedby. */
export function Field({
  label,
  name,
  errors,
  hint,
  className,
  children,
}: {
  label: string;
  name: string;
  errors?: string[];
  hint?: ReactNode;
  className?: string;
  children: (props: FieldControlProps) => ReactNode;
}) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, name, 'aria-invalid': Boolean(errors?.length), 'aria-describedby': describedBy })}
      {hint && (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      )}
      <div id={errorId} className="error" aria-live="polite">
        {errors?.map((message) => <div key={message}>{message}</div>)}
      </div>
    </div>
  );
}
