import type { endConfigSchema } from '../../../runtime/nodes/end/definition';
import type { InspectorProps } from '../inspector-props';

export function EndInspector(_props: InspectorProps<typeof endConfigSchema>) {
  return <p className="muted">The run ends here. Nothing to configure.</p>;
}
