import type { buttonsConfigSchema } from '../../../runtime/nodes/buttons/definition';
import { Field } from '../../inspector/fields';
import { newId } from '../../store/editor-store';
import { problemAt, type InspectorProps } from '../inspector-props';

export function ButtonsInspector({
  nodeId,
  config,
  problems,
  onChange,
}: InspectorProps<typeof buttonsConfigSchema>) {
  const buttons = config.buttons;
  const setButtons = (next: typeof buttons) => onChange({ ...config, buttons: next });
  return (
    <>
      <Field id={`${nodeId}-prompt`} label="Question" error={problemAt(problems, 'prompt')}>
        <textarea
          id={`${nodeId}-prompt`}
          rows={3}
          value={config.prompt}
          onChange={(event) => onChange({ ...config, prompt: event.target.value })}
        />
      </Field>
      <fieldset className="field">
        <legend>Buttons (each has its own output)</legend>
        {buttons.map((button, index) => (
          <Field
            key={button.id}
            id={`${nodeId}-button-${button.id}`}
            label={`Button ${index + 1}`}
            error={problemAt(problems, `buttons[${index}]`)}
          >
            <input
              id={`${nodeId}-button-${button.id}`}
              value={button.label}
              maxLength={80}
              onChange={(event) =>
                setButtons(
                  buttons.map((item) =>
                    item.id === button.id ? { ...item, label: event.target.value } : item,
                  ),
                )
              }
            />
            <button
              type="button"
              className="link"
              disabled={buttons.length <= 1}
              onClick={() => setButtons(buttons.filter((item) => item.id !== button.id))}
            >
              Remove
            </button>
          </Field>
        ))}
        <button
          type="button"
          disabled={buttons.length >= 10}
          onClick={() => setButtons([...buttons, { id: newId('b'), label: 'Option' }])}
        >
          Add button
        </button>
      </fieldset>
      <Field
        id={`${nodeId}-variable`}
        label="Save the chosen label in (optional)"
        error={problemAt(problems, 'variable')}
      >
        <input
          id={`${nodeId}-variable`}
          value={config.variable}
          onChange={(event) => onChange({ ...config, variable: event.target.value })}
        />
      </Field>
    </>
  );
}
