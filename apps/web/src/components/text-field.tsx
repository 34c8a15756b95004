import { Field } from './field';

interface TextFieldProps {
  label: string;
  /** What is wrong with the value, shown under it and announced. */
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  /** A number typed as text, so a half-typed value is kept and the agent names what is wrong with it. */
  numeric?: boolean;
  placeholder?: string;
  /** A sentence on what the value means, under the input. */
  hint?: string | undefined;
}

/** The one-line input of most forms here: a labelled <input> with the agent's error under it. */
export function TextField({
  label,
  error,
  value,
  onChange,
  numeric = false,
  placeholder,
  hint,
}: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint}>
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
