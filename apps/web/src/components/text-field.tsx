import { Field } from './field';

interface TextFieldProps {
  label: string;
  /** The agent's sentence about this field, shown under it and announced. */
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  /** A number typed as text, so a half-typed value is kept and the agent names what is wrong with it. */
  numeric?: boolean;
  placeholder?: string;
}

/** The one-line input of most forms here: a labelled <input> with the agent's error under it. */
export function TextField({ label, error, value, onChange, numeric = false, placeholder }: TextFieldProps) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <input
          {...control}
          {...(numeric ? { inputMode: 'numeric' as const } : {})}
          {...(placeholder === undefined ? {} : { placeholder })}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
