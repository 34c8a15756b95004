import { errorMessage } from '../lib/api/api-error';

// Errors from the agent, in the agent's words, shown where the user acted: next to the field (FieldError)
// or under the button (ActionError). role="alert" so screen readers announce them.
export function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div className="action-error" role="alert">
      {errorMessage(error)}
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {message}
    </span>
  );
}
