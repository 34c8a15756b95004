import { useId, type ReactNode } from 'react';
import { FieldError } from './error-text';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  /** What is wrong with the value, shown under it and announced. */
  error: string | undefined;
  /** A sentence on what the value means, under the control. */
  hint?: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A labelled form control with its error under it. The error sits outside the <label> so the control's
 * accessible name stays the label alone; aria-describedby links the error to the control.
 */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      <FieldError id={errorId} message={error} />
      {hint && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
    </div>
  );
}
