// Test Request's sample values (TestRequest): where they can be filled in from (the latest
// run, the last call a trigger got), and one labelled input per path the request reads.
// Enter in a sample sends.
import type { SampleSource } from './sample-sources';

export interface Sources {
  run?: SampleSource | undefined;
  call?: SampleSource | undefined;
}

export function SourceButtons({
  sources,
  onUse,
}: {
  sources: Sources;
  onUse: (source: SampleSource) => void;
}) {
  const offered = [sources.run, sources.call].filter(
    (source): source is SampleSource => source !== undefined,
  );
  if (offered.length === 0) {
    return (
      <p className="muted test-sources">
        Type sample values. A run of this flow, or a call its Webhook Trigger’s Listen caught, would
        offer its values here.
      </p>
    );
  }
  return (
    <p className="test-sources">
      <span className="muted">Fill in from</span>
      {offered.map((source) => (
        <button
          key={source.label}
          type="button"
          className="link-button"
          data-testid="test-sample-source"
          onClick={() => onUse(source)}
        >
          {source.label}
        </button>
      ))}
    </p>
  );
}

export function SampleInput({
  id,
  path,
  value,
  onChange,
  onEnter,
}: {
  id: string;
  path: string;
  value: string;
  onChange: (text: string) => void;
  onEnter: () => void;
}) {
  return (
    <>
      <label htmlFor={id}>{path}</label>
      <input
        id={id}
        className="monospace"
        spellCheck={false}
        autoComplete="off"
        value={value}
        placeholder="(not set)"
        aria-label={`Sample value for ${path}`}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onEnter();
          }
        }}
      />
    </>
  );
}
