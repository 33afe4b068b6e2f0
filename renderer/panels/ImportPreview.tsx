// Before anything is imported: what Publish would report for the file in this data folder
// (the runtime's read-only preview). A file from another data folder carries only its
// secrets' ids, so a missing token shows up here, before "Import and publish".
import { useEffect, useState } from 'react';
import type { ImportPreview as Preview } from '../../runtime/shared/publishing';
import { api } from '../api/client';
import { errorText } from '../store/notices-store';
import { countProblems, problemCountText } from '../store/problems';
import { Spinner } from '../ui/icons';

type State =
  | { kind: 'checking' }
  | { kind: 'checked'; preview: Preview }
  | { kind: 'failed'; message: string };

export function ImportPreview({ document }: { document: unknown }) {
  // Each answer remembers its file: another file shows "checking" until its own arrives.
  const [answer, setAnswer] = useState<{ for: unknown; state: State }>();
  useEffect(() => {
    let current = true;
    api.previewImport(document).then(
      (preview) => current && setAnswer({ for: document, state: { kind: 'checked', preview } }),
      (error: unknown) =>
        current &&
        setAnswer({ for: document, state: { kind: 'failed', message: errorText(error) } }),
    );
    return () => {
      current = false;
    };
  }, [document]);

  const state: State = answer && answer.for === document ? answer.state : { kind: 'checking' };
  if (state.kind === 'checking') {
    return (
      <p className="muted import-preview" role="status" data-testid="import-preview">
        <Spinner /> Checking what publishing would report here…
      </p>
    );
  }
  // The import itself states a file's defects; this only says it could not check ahead.
  if (state.kind === 'failed') {
    return (
      <p className="muted import-preview" role="status" data-testid="import-preview">
        Could not check the file ahead of importing ({state.message}).
      </p>
    );
  }
  const { problems, publishes } = state.preview;
  const counts = countProblems(problems);
  const what = publishes === 'published' ? 'its published version' : 'its draft';
  if (problems.length === 0) {
    return (
      <p className="import-preview import-preview-ok" role="status" data-testid="import-preview">
        Ready to publish here ({what}): no problems.
      </p>
    );
  }
  return (
    <div
      className={`import-preview${counts.errors > 0 ? ' import-preview-errors' : ''}`}
      role="status"
      data-testid="import-preview"
    >
      <p>
        {counts.errors > 0
          ? `Publishing ${what} here would be refused: ${problemCountText(counts)}. Import makes a draft you can fix; Import and publish imports it as a draft.`
          : `Publishing ${what} here: ${problemCountText(counts)}.`}
      </p>
      <ul className="import-problems" data-testid="import-preview-problems">
        {problems.map((problem, index) => (
          <li key={index} className={`severity-${problem.severity}`}>
            {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
