// The HTTP Request's inspector (seed 002): Test Request at the top ("on the top right of
// the node settings"), then what is sent, what is kept of the answer, what counts as a
// failure and the options. One scrolling form rather than tabs, so every field a problem
// names can be focused (use-reveal-problem) and read in order by keyboard.
import { useMemo, useState } from 'react';
import type { httpRequestConfigSchema } from '../../../runtime/nodes/http-request/definition';
import { useMissingSecretProblems } from '../../store/use-checked-problems';
import type { InspectorProps } from '../inspector-props';
import { httpProblems } from './http-problems';
import { OptionsSection } from './OptionsSection';
import { RequestSection } from './RequestSection';
import { ResponseSection } from './ResponseSection';
import { TestRequest } from './TestRequest';
import { mappingChecks, type TestOutcome } from './test-request-view';

type Props = InspectorProps<typeof httpRequestConfigSchema>;

const SECRET_FIELD = /^headers\[(\d+)\]\.secretId$/;

export function HttpRequestInspector(rawProps: Props) {
  const { nodeId, config } = rawProps;
  const missingSecretProblems = useMissingSecretProblems(nodeId);
  const problems = useMemo(
    () => httpProblems(config, nodeId, rawProps.problems, missingSecretProblems),
    [config, nodeId, rawProps.problems, missingSecretProblems],
  );
  const missingSecrets = useMemo(() => {
    const ids = new Set<string>();
    for (const problem of missingSecretProblems) {
      const index = SECRET_FIELD.exec(problem.path)?.[1];
      const id = index === undefined ? undefined : config.headers[Number(index)]?.secretId;
      if (id) ids.add(id);
    }
    return ids;
  }, [missingSecretProblems, config.headers]);
  // The last Test Request's answer: the mapping rows are checked against it as they change.
  const [outcome, setOutcome] = useState<TestOutcome>();
  const checks = useMemo(
    () => mappingChecks(config.response.mappings, outcome),
    [config.response.mappings, outcome],
  );
  const props: Props = { ...rawProps, problems };
  return (
    <div className="http-inspector" data-testid="http-inspector">
      <TestRequest props={props} outcome={outcome} checks={checks} onOutcome={setOutcome} />
      <RequestSection props={props} missingSecrets={missingSecrets} />
      <ResponseSection props={props} checks={checks} />
      <OptionsSection props={props} />
    </div>
  );
}
