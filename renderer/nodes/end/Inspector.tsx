import type { endConfigSchema } from '../../../runtime/nodes/end/definition';
import { ListEditor, TextField } from '../../inspector/fields';
import { bindList, type InspectorProps } from '../inspector-props';

export function EndInspector(props: InspectorProps<typeof endConfigSchema>) {
  return (
    <ListEditor
      label="Result variables"
      hint="Optional: these variables become the run's output."
      itemName="variable"
      max={50}
      emptyText="The run ends without a result."
      newRow={() => ''}
      renderRow={(name, row) => (
        <TextField
          id={`${row.rowId}-name`}
          label="Variable"
          monospace
          value={name}
          onChange={row.update}
        />
      )}
      {...bindList(props, 'result')}
    />
  );
}
