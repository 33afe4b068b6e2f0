// MethodsField — value: the HTTP methods a webhook URL accepts (at least one; the schema
// says so). Other methods are answered 405 by the runtime.
import { webhookMethods, type WebhookMethod } from '../../runtime/shared/webhook-trigger';
import { FieldGroup } from './Field';

export interface MethodsFieldProps {
  id: string;
  value: readonly WebhookMethod[];
  error: string | undefined;
  onChange: (methods: WebhookMethod[]) => void;
}

export function MethodsField({ id, value, error, onChange }: MethodsFieldProps) {
  return (
    <FieldGroup id={id} label="Methods" hint="Other methods are refused with 405." error={error}>
      <div className="method-checks">
        {webhookMethods.map((method) => (
          <label key={method} className="method-check">
            <input
              type="checkbox"
              checked={value.includes(method)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? webhookMethods.filter((m) => m === method || value.includes(m))
                    : value.filter((m) => m !== method),
                )
              }
            />
            {method}
          </label>
        ))}
      </div>
    </FieldGroup>
  );
}
