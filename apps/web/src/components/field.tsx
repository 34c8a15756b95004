import { useId, type ReactNode } from 'react';
import { FieldError } from './error-text';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  /** The agent's sentence about this field, shown under it and announced. */
  error: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A labelled form control with its error under it. The error sits outside the <label> so the control's
 * accessible name stays the label alone; aria-describedby links the error to the control.
 */
export function Field({ label, error, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': error ? errorId : undefined })}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
