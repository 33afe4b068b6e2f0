import type { buttonsConfigSchema } from '../../../runtime/nodes/buttons/definition';
import { ListEditor, TemplateField, TextField } from '../../inspector/fields';
import { newId } from '../../store/editor-store';
import { bindField, bindList, type InspectorProps } from '../inspector-props';

export function ButtonsInspector(props: InspectorProps<typeof buttonsConfigSchema>) {
  return (
    <>
      <TemplateField label="Question" multiline rows={3} {...bindField(props, 'prompt')} />
      <ListEditor
        label="Buttons"
        hint="Each button continues on its own output."
        itemName="button"
        min={1}
        max={10}
        // The id is the output handle: it stays when the label changes, so edges stay too.
        newRow={() => ({ id: newId('b'), label: 'Option' })}
        renderRow={(button, row) => (
          <TextField
            id={`${row.rowId}-label`}
            label="Label"
            maxLength={80}
            value={button.label}
            error={row.errorFor('label')}
            onChange={(label) => row.update({ ...button, label })}
          />
        )}
        {...bindList(props, 'buttons')}
      />
      <TextField
        label="Save the chosen label in (optional)"
        monospace
        {...bindField(props, 'variable')}
      />
    </>
  );
}
