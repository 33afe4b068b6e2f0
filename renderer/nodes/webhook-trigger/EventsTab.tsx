// The Events tab (seed 001): where the event type is, and one case per expected value.
// Each case is an orange output on the node; unmatched events leave by the gray Else.
// Removing a case removes its connections, with a notice that offers Undo (editor store).
import type { webhookTriggerConfigSchema } from '../../../runtime/nodes/webhook-trigger/definition';
import { ListenIcon } from '../../ui/icons';
import { ListEditor, PathField, TemplateField, TextField } from '../../inspector/fields';
import { newId } from '../../store/editor-store';
import { problemAt, type InspectorProps } from '../inspector-props';

type Props = InspectorProps<typeof webhookTriggerConfigSchema>;

export function EventsTab({ props, onListen }: { props: Props; onListen: () => void }) {
  const { config, nodeId, problems } = props;
  const events = config.events;
  const setEvents = (change: Partial<typeof events>) =>
    props.onChange({ ...config, events: { ...events, ...change } });
  return (
    <>
      <p className="muted tab-intro">
        Route by event type: each case gets its own output, anything else leaves by Else.
      </p>
      <PathField
        id={`${nodeId}-events.path`}
        label="Event path"
        placeholder="body.event"
        hint="Where the event type is in the payload, e.g. body.event or body.type."
        value={events.path ?? ''}
        error={problemAt(problems, 'events.path')}
        onChange={(path) => setEvents({ path: path === '' ? undefined : path })}
      />
      <ListEditor
        id={`${nodeId}-events.cases`}
        label="Cases"
        hint="The value must equal the event exactly; it may contain {{variables}}."
        itemName="case"
        addLabel="Add case"
        max={50}
        emptyText="No cases: the node has one Next output."
        value={events.cases}
        problems={problems}
        path="events.cases"
        // The id is the output handle: it stays when label or value change, so edges stay.
        newRow={() => ({ id: newId('case'), label: '', value: '' })}
        onChange={(cases) => setEvents({ cases })}
        renderRow={(item, row) => (
          <div className="case-row">
            <TextField
              id={`${row.rowId}-label`}
              label="Label"
              placeholder="e.g. Purchase approved"
              maxLength={100}
              value={item.label}
              error={row.errorFor('label')}
              onChange={(label) => row.update({ ...item, label })}
            />
            <TemplateField
              id={`${row.rowId}-value`}
              label="Value"
              placeholder="e.g. order_approved"
              hint=""
              maxLength={500}
              value={item.value}
              error={row.errorFor('value') ?? row.errorFor('id')}
              onChange={(value) => row.update({ ...item, value })}
            />
          </div>
        )}
      />
      <p className="field-hint">
        Not sure what the sender calls its events?{' '}
        <button type="button" className="link-button" onClick={onListen}>
          <ListenIcon /> Listen to a real call
        </button>
      </p>
    </>
  );
}
