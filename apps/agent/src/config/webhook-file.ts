// `--webhooks FILE`: read once at start (before anything listens) and validated with the shared schema,
// so a typo stops the agent with the file, the field and what to write instead of silently sending nothing.
import { readFileSync } from 'node:fs';
import { AppError, webhookSettingsSchema, type WebhookSettings } from '@ipvs-dashboard/shared';

function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { field: 'webhooks' });
}

export function loadWebhookSettings(file: string): WebhookSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(`--webhooks: cannot read ${file}: ${reason}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(
      `--webhooks: ${file} is not JSON (${reason}). Expected {"webhooks":[{"url":"https://..."}]}.`,
    );
  }
  const parsed = webhookSettingsSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`,
    );
    throw invalid(
      `--webhooks: ${file} is not a webhooks file: ${problems.join('; ')}. Expected {"webhooks":[{"url":"https://...","events"?:[...],"headers"?:{...}}]} (docs/api.md "Alerts").`,
    );
  }
  return parsed.data;
}
