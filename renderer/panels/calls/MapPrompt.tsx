// The small inline form Map opens under a tree row: the variable name for the new mapping,
// prefilled with a suggestion and selected so typing replaces it. Enter adds, Escape
// cancels and goes back to the Map button. Where the node offers other targets (the
// trigger's Customer & Chat binding), a second line puts the path there instead.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { VARIABLE_NAME_PATTERN } from '../../../runtime/shared/variable-name';

/** Somewhere besides a variable that a field's path can fill (a binding row). */
export interface MapTarget {
  key: string;
  label: string;
  /** Targets are listed under their group's heading. */
  group: string;
}

interface Props {
  path: string;
  suggestion: string;
  /** Returns what is wrong, or undefined when the mapping was added. */
  onAdd: (variable: string) => string | undefined;
  onCancel: () => void;
  targets?: readonly MapTarget[] | undefined;
  /** Returns what is wrong, or undefined when the path went into the target. */
  onFill?: (targetKey: string) => string | undefined;
}

export function MapPrompt({ path, suggestion, onAdd, onCancel, targets, onFill }: Props) {
  const [name, setName] = useState(suggestion);
  const [problem, setProblem] = useState<string>();
  const [target, setTarget] = useState('');
  const [fillProblem, setFillProblem] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  // The prompt goes away when done or cancelled: the keyboard goes back to its Map button.
  const whenClosed = (close: () => boolean) => {
    const row = form.current?.closest('.tree-item');
    if (close()) requestAnimationFrame(() => row?.querySelector<HTMLElement>('.tree-map')?.focus());
  };
  const backToButton = () =>
    whenClosed(() => {
      onCancel();
      return true;
    });
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      backToButton();
    }
  };

  const fill = () => {
    if (target === '') {
      setFillProblem('Choose which binding field gets this path');
      return;
    }
    whenClosed(() => {
      const wrong = onFill?.(target);
      setFillProblem(wrong);
      return wrong === undefined;
    });
  };

  return (
    <form
      ref={form}
      className="map-prompt"
      aria-label={`Map ${path}`}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        const variable = name.trim();
        if (!VARIABLE_NAME_PATTERN.test(variable)) {
          setProblem('Use letters, digits and "_" (not starting with a digit)');
          return;
        }
        whenClosed(() => {
          const wrong = onAdd(variable);
          setProblem(wrong);
          return wrong === undefined;
        });
      }}
    >
      <label htmlFor={id}>
        Save <code>{path}</code> in the variable
      </label>
      <div className="map-prompt-row">
        <input
          ref={input}
          id={id}
          className="monospace"
          value={name}
          maxLength={64}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setProblem(undefined);
          }}
        />
        <button type="submit">Add mapping</button>
        <button type="button" onClick={backToButton}>
          Cancel
        </button>
      </div>
      {problem && (
        <p className="field-error" id={`${id}-error`}>
          {problem}
        </p>
      )}
      {targets && targets.length > 0 && onFill && (
        <>
          <label htmlFor={`${id}-target`}>Or use it for</label>
          <div className="map-prompt-row">
            <select
              id={`${id}-target`}
              value={target}
              aria-invalid={fillProblem ? true : undefined}
              aria-describedby={fillProblem ? `${id}-target-error` : undefined}
              onChange={(event) => {
                setTarget(event.target.value);
                setFillProblem(undefined);
              }}
              onKeyDown={(event) => {
                // Enter on the list uses the choice (it would add the mapping otherwise).
                if (event.key !== 'Enter') return;
                event.preventDefault();
                fill();
              }}
            >
              <option value="">Choose a binding field…</option>
              {[...new Set(targets.map((option) => option.group))].map((group) => (
                <optgroup key={group} label={group}>
                  {targets
                    .filter((option) => option.group === group)
                    .map((option) => (
                      <option key={option.key} value={option.key}>
                        {option.label}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <button type="button" onClick={fill}>
              Use it
            </button>
          </div>
          {fillProblem && (
            <p className="field-error" id={`${id}-target-error`}>
              {fillProblem}
            </p>
          )}
        </>
      )}
    </form>
  );
}
