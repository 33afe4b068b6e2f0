// A call's body, query and headers as an expandable tree (Listen and Logs, seed 001). Next
// to every field: Map (adds a mapping with that field's path, after asking for the
// variable name inline, or where else the path goes: a Customer & Chat binding row) and
// copy-path (`body.data[0].name`). Fields already mapped show their variable.
import { useId, useState } from 'react';
import type { PathSegment } from '../../../runtime/paths/path-syntax';
import { copyText } from '../../ui/copy-text';
import { CheckIcon, CopyIcon } from '../../ui/icons';
import { MapPrompt, type MapTarget } from './MapPrompt';
import { childrenOf, isBranch, pathText, previewValue } from './payload-paths';

export interface PayloadRoot {
  name: 'body' | 'query' | 'headers' | 'params';
  value: unknown;
  /**
   * Paths start inside this root instead of at its name: an HTTP response's body is read
   * from its root (`data.userId`, `$[0].userId`, seed 002), not from `body.…`.
   */
  bare?: boolean;
  /** Open at first (the body is; headers usually are not). */
  open?: boolean;
}

export interface MapAction {
  /** The variable name to offer for a field. */
  suggest: (segments: readonly PathSegment[]) => string;
  /** Paths already mapped, with their variable. */
  mapped: ReadonlyMap<string, string>;
  /** Adds the mapping; returns what is wrong instead, if something is. */
  add: (path: string, variable: string) => string | undefined;
  /** Other places the path can go, offered in the Map prompt. */
  targets?: readonly MapTarget[];
  /** Paths those places read already, with what reads them. */
  bound?: ReadonlyMap<string, string>;
  /** Puts the path in the target with this key; returns what is wrong instead. */
  fill?: (path: string, targetKey: string) => string | undefined;
}

interface Props {
  roots: readonly PayloadRoot[];
  /** Without it the tree offers copy-path only (a node without mappings). */
  map?: MapAction;
  label: string;
}

/** Rows shown per branch before "… N more" (a 10 000-item array stays usable). */
const MAX_CHILDREN = 100;
const OPEN_DEPTH = 3;

export function PayloadTree({ roots, map, label }: Props) {
  const [prompt, setPrompt] = useState<string>();
  const [status, setStatus] = useState('');
  const copy = async (path: string) => {
    setStatus(
      (await copyText(path))
        ? `Copied ${path}`
        : 'Could not copy: select the path and press Ctrl+C',
    );
  };
  const context: RowContext = { map, prompt, setPrompt, copy, status };
  return (
    <div className="payload-tree">
      <ul className="tree-level" aria-label={label}>
        {roots.map((root) => (
          <TreeRow
            key={root.name}
            context={context}
            segments={root.bare ? [] : [{ type: 'key', key: root.name }]}
            label={root.name}
            value={root.value}
            depth={0}
            initiallyOpen={root.open ?? true}
          />
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}

interface RowContext {
  map: MapAction | undefined;
  prompt: string | undefined;
  setPrompt: (path: string | undefined) => void;
  copy: (path: string) => Promise<void>;
  status: string;
}

interface RowProps {
  context: RowContext;
  segments: PathSegment[];
  label: string;
  value: unknown;
  depth: number;
  initiallyOpen: boolean;
}

function TreeRow({ context, segments, label, value, depth, initiallyOpen }: RowProps) {
  const branch = isBranch(value);
  const [open, setOpen] = useState(initiallyOpen && branch);
  const path = pathText(segments);
  const childListId = useId();
  const mappedTo = context.map?.mapped.get(path);
  const boundTo = context.map?.bound?.get(path);
  const copied = context.status === `Copied ${path}`;
  const children = open ? childrenOf(segments, value) : [];
  return (
    <li className="tree-item" data-path={path}>
      <div className={`tree-row${context.prompt === path ? ' is-prompting' : ''}`}>
        {branch ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={open}
            aria-controls={open ? childListId : undefined}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${path}`}
            onClick={() => setOpen(!open)}
          >
            <span aria-hidden>{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="tree-toggle" aria-hidden />
        )}
        <span className={`tree-key${depth === 0 ? ' is-root' : ''}`}>{label}</span>
        <span
          className={`tree-value type-${valueType(value)}`}
          title={branch ? undefined : previewValue(value)}
        >
          {previewValue(value)}
        </span>
        {mappedTo && (
          <span className="tree-mapped" title={`Mapped to the variable ${mappedTo}`}>
            → {mappedTo}
          </span>
        )}
        {boundTo && (
          <span className="tree-mapped tree-bound" title={`Read by the ${boundTo}`}>
            → {boundTo}
          </span>
        )}
        <span className="tree-actions">
          {context.map && (
            <button
              type="button"
              className="tree-map"
              aria-label={`Map ${path}`}
              aria-expanded={context.prompt === path}
              title={`Map ${path} to a flow variable`}
              onClick={() => context.setPrompt(context.prompt === path ? undefined : path)}
            >
              Map
            </button>
          )}
          <button
            type="button"
            className={`icon-button tree-copy${copied ? ' is-done' : ''}`}
            aria-label={`Copy the path ${path}`}
            title={`Copy ${path}`}
            onClick={() => void context.copy(path)}
          >
            {copied ? <CheckIcon /> : <CopyIcon />}
          </button>
        </span>
      </div>
      {context.map && context.prompt === path && (
        <MapPrompt
          path={path}
          suggestion={context.map.suggest(segments)}
          onAdd={(variable) => {
            const problem = context.map?.add(path, variable);
            if (!problem) context.setPrompt(undefined);
            return problem;
          }}
          onCancel={() => context.setPrompt(undefined)}
          targets={context.map.fill ? context.map.targets : undefined}
          onFill={(key) => {
            const problem = context.map?.fill?.(path, key);
            if (!problem) context.setPrompt(undefined);
            return problem;
          }}
        />
      )}
      {open && (
        <ul className="tree-level" id={childListId}>
          {children.slice(0, MAX_CHILDREN).map((child) => (
            <TreeRow
              key={child.label}
              context={context}
              segments={child.segments}
              label={child.label}
              value={child.value}
              depth={depth + 1}
              initiallyOpen={depth + 1 < OPEN_DEPTH}
            />
          ))}
          {children.length === 0 && <li className="tree-empty muted">empty</li>}
          {children.length > MAX_CHILDREN && (
            <li className="tree-empty muted">… and {children.length - MAX_CHILDREN} more</li>
          )}
        </ul>
      )}
    </li>
  );
}

function valueType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
