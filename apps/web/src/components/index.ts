// Shared UI pieces with no knowledge of a feature: badges, indicators, command preview, fields, errors.
// May import lib/ only.
export { BackendBadge } from './backend-badge';
export { CommandPreview } from './command-preview';
export { ActionError, FieldError } from './error-text';
export { Field } from './field';
export { TextField } from './text-field';
export { LiveIndicator } from './live-indicator';
export { Segmented } from './segmented';
export { SignInScreen } from './sign-in-screen';
export { Sparkline } from './sparkline';
