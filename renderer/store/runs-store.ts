// The open flow's runs (the Runs panel): the list, newest first and paged; the selected
// run with its steps; and the path it took, which the canvas draws (run-path.ts).
import { create } from 'zustand';
import type { GraphProblem } from '../../runtime/shared/publishing';
import type { Run, RunSummary } from '../../runtime/shared/run';
import { api, ApiRequestError } from '../api/client';
import { outcomeOf, type RunOutcome } from '../panels/runs/run-outcomes';
import { useEditor } from './editor-store';
import { errorText } from './notices-store';
import { problemsInDetails } from './problems';
import { runPath, type RunPath } from './run-path';

export const RUNS_PAGE = 20;
/** The API's largest page: a refresh re-reads at most this many of the loaded runs. */
const MAX_PAGE = 200;

interface RunsData {
  /** Which runs the list shows; the runtime filters (run-outcomes.ts). */
  outcome: RunOutcome;
  runs: RunSummary[];
  /** `before` for the next, older page; undefined when there is none. */
  next: string | undefined;
  /** The list has been answered once for this flow. */
  loaded: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: string | undefined;
  selectedId: string | undefined;
  detail: Run | undefined;
  detailLoading: boolean;
  detailError: string | undefined;
  /** What the canvas highlights: the selected run's path. */
  path: RunPath | undefined;
  starting: boolean;
  startError: string | undefined;
  /** Why the draft cannot run (422), each one a way to its node. */
  startProblems: GraphProblem[];
  cancelling: boolean;
  cancelError: string | undefined;
}

interface RunsState extends RunsData {
  /** The flow the list belongs to. */
  flowId: string | undefined;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** Shows only runs with this outcome, from the first page. */
  setOutcome: (outcome: RunOutcome) => Promise<void>;
  select: (runId: string) => Promise<void>;
  /** Closes the detail and clears the highlight. */
  close: () => void;
  runNow: (draft: boolean) => Promise<void>;
  cancel: () => Promise<void>;
  dismissStartProblems: () => void;
}

/** Only the newest answer of each kind counts (the flow may change meanwhile). */
let listSeq = 0;
let detailSeq = 0;

function pathOf(run: Run | undefined): RunPath | undefined {
  if (!run) return undefined;
  const { nodes, edges } = useEditor.getState();
  return runPath(run, edges, new Set(nodes.map((node) => node.id)));
}

/** The detail is out of date when the list says the run moved on. */
function stale(detail: Run | undefined, summary: RunSummary | undefined): boolean {
  if (!detail || !summary) return false;
  return detail.status !== summary.status || detail.steps.length !== summary.stepCount;
}

const initial: RunsData = {
  outcome: 'all',
  runs: [],
  next: undefined,
  loaded: false,
  loading: false,
  loadingMore: false,
  error: undefined,
  selectedId: undefined,
  detail: undefined,
  detailLoading: false,
  detailError: undefined,
  path: undefined,
  starting: false,
  startError: undefined,
  startProblems: [],
  cancelling: false,
  cancelError: undefined,
};

export const useRuns = create<RunsState>((set, get) => {
  const setDetail = (detail: Run) => {
    if (get().selectedId !== detail.id) return;
    set({ detail, detailError: undefined, path: pathOf(detail) });
  };
  const fetchDetail = async (runId: string) => {
    const seq = (detailSeq += 1);
    set({ detailLoading: true });
    try {
      const run = await api.getRun(runId);
      if (seq === detailSeq) setDetail(run);
    } catch (error) {
      if (seq === detailSeq && get().selectedId === runId) set({ detailError: errorText(error) });
    } finally {
      if (seq === detailSeq) set({ detailLoading: false });
    }
  };

  return {
    flowId: useEditor.getState().flowId,
    ...initial,

    refresh: async () => {
      const { flowId, outcome } = get();
      if (!flowId) return;
      const seq = (listSeq += 1);
      const loadedCount = get().runs.length;
      set({ loading: true });
      try {
        const page = await api.listRuns({
          flowId,
          ...outcomeOf(outcome).query,
          limit: Math.min(MAX_PAGE, Math.max(RUNS_PAGE, loadedCount)),
        });
        if (seq !== listSeq || get().flowId !== flowId || get().outcome !== outcome) return;
        const fresh = new Set(page.runs.map((run) => run.id));
        // Pages loaded beyond what one request re-reads stay, after the fresh ones.
        const older = loadedCount > MAX_PAGE ? get().runs.filter((run) => !fresh.has(run.id)) : [];
        const keepNext = older.length > 0 ? get().next : page.next;
        set({ runs: [...page.runs, ...older], next: keepNext, loaded: true, error: undefined });
        const { detail, selectedId } = get();
        const summary = page.runs.find((run) => run.id === selectedId);
        if (selectedId && (stale(detail, summary) || (detail && isLiveRun(detail)))) {
          void fetchDetail(selectedId);
        }
      } catch (error) {
        if (seq === listSeq) set({ error: errorText(error) });
      } finally {
        if (seq === listSeq) set({ loading: false });
      }
    },

    loadMore: async () => {
      const { flowId, outcome, next, loadingMore } = get();
      if (!flowId || !next || loadingMore) return;
      set({ loadingMore: true });
      try {
        const page = await api.listRuns({
          flowId,
          ...outcomeOf(outcome).query,
          limit: RUNS_PAGE,
          before: next,
        });
        if (get().flowId !== flowId || get().outcome !== outcome) return;
        const known = new Set(get().runs.map((run) => run.id));
        set({
          runs: [...get().runs, ...page.runs.filter((run) => !known.has(run.id))],
          next: page.next,
          error: undefined,
        });
      } catch (error) {
        set({ error: errorText(error) });
      } finally {
        set({ loadingMore: false });
      }
    },

    setOutcome: async (outcome) => {
      if (get().outcome === outcome) return;
      // A new list from its first page; the selected run stays open.
      set({ outcome, runs: [], next: undefined, loaded: false, error: undefined });
      await get().refresh();
    },

    select: async (runId) => {
      if (get().selectedId !== runId) {
        set({
          selectedId: runId,
          detail: undefined,
          detailError: undefined,
          path: undefined,
          cancelError: undefined,
        });
      }
      await fetchDetail(runId);
    },

    close: () => {
      detailSeq += 1;
      set({
        selectedId: undefined,
        detail: undefined,
        detailError: undefined,
        detailLoading: false,
        path: undefined,
        cancelError: undefined,
      });
    },

    runNow: async (draft) => {
      const flowId = get().flowId;
      if (!flowId || get().starting) return;
      set({ starting: true, startError: undefined, startProblems: [] });
      try {
        if (draft) {
          // The draft as the canvas shows it, not as it was at the last autosave.
          await useEditor.getState().saveNow();
          if (useEditor.getState().saveStatus === 'error') {
            set({ startError: useEditor.getState().saveError ?? 'The draft could not be saved' });
            return;
          }
        }
        const run = await api.startRun(flowId, { draft });
        if (get().flowId !== flowId) return;
        set({ selectedId: run.id, detail: undefined, detailError: undefined });
        setDetail(run);
        void get().refresh();
      } catch (error) {
        const problems =
          error instanceof ApiRequestError && error.code === 'invalid_flow'
            ? problemsInDetails(error.details)
            : undefined;
        set(
          problems
            ? { startProblems: problems, startError: errorText(error) }
            : { startError: errorText(error) },
        );
      } finally {
        set({ starting: false });
      }
    },

    cancel: async () => {
      const runId = get().selectedId;
      if (!runId || get().cancelling) return;
      set({ cancelling: true, cancelError: undefined });
      try {
        setDetail(await api.cancelRun(runId));
        void get().refresh();
      } catch (error) {
        set({ cancelError: errorText(error) });
      } finally {
        set({ cancelling: false });
      }
    },

    dismissStartProblems: () => set({ startProblems: [], startError: undefined }),
  };
});

export function isLiveRun(run: { status: string }): boolean {
  return run.status === 'running' || run.status === 'waiting';
}

// Another flow opened: its own runs, nothing highlighted. An edited graph: the path is
// redrawn over the edges the canvas has now.
useEditor.subscribe((state, previous) => {
  if (state.flowId !== previous.flowId) {
    listSeq += 1;
    detailSeq += 1;
    useRuns.setState({ flowId: state.flowId, ...initial });
    return;
  }
  const { detail } = useRuns.getState();
  if (detail && (state.edges !== previous.edges || state.nodes.length !== previous.nodes.length)) {
    useRuns.setState({ path: pathOf(detail) });
  }
});
