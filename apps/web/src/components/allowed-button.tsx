import type { ButtonHTMLAttributes } from 'react';
import { useRefusal, type RequestShape } from '../lib/access/use-refusal';

interface AllowedButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** The request the button sends (method, path below /api/v1, body): what the token must be allowed. */
  request: RequestShape;
}

/** A button that the signed-in token's role may not use is disabled, and its title says why. */
export function AllowedButton({ request, disabled, title, ...rest }: AllowedButtonProps) {
  const refusal = useRefusal(request);
  return (
    <button
      type="button"
      {...rest}
      disabled={Boolean(disabled) || refusal !== null}
      title={refusal ?? title}
      data-refused={refusal === null ? undefined : 'true'}
    />
  );
}
