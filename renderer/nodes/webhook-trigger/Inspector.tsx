// A minimal inspector so the inspectors map compiles; the full General / Security / Events
// tabs (seed 001) belong to the designer work. It shows the URL path the trigger answers on.
import type { webhookTriggerConfigSchema } from '../../../runtime/nodes/webhook-trigger/definition';
import { webhookPaths } from '../../../runtime/shared/webhook-trigger';
import { problemAt, type InspectorProps } from '../inspector-props';

export function WebhookTriggerInspector({
  config,
  problems,
}: InspectorProps<typeof webhookTriggerConfigSchema>) {
  const error = problemAt(problems, 'webhookId');
  return (
    <div className="field">
      <p className="muted">Webhook URL path</p>
      <code data-testid="webhook-trigger-path">
        {config.webhookId ? webhookPaths.trigger(config.webhookId) : 'No URL generated yet'}
      </code>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
