// The web widget's setup in the Channels view (issue 14, seed 003 "Embed chatbots on
// website"): which flow it starts, how it looks (title, colour, greeting), which websites
// may embed it; the snippet and the full-page chat URL to copy; and a live preview — the
// real full-page chat from the public listener in a frame, reloaded after each save.
import { useEffect, useState, type FormEvent } from 'react';
import type { FieldProblem } from '../../../runtime/shared/api-error';
import type { FlowSummary } from '../../../runtime/shared/flow-document';
import { widgetChatUrl, widgetSnippet, type WidgetSettings } from '../../../runtime/shared/widget';
import { api, ApiRequestError } from '../../api/client';
import { widgetApi } from '../../api/widget';
import { describedBy, Field } from '../../inspector/Field';
import { UrlCopy } from '../../inspector/UrlCopy';
import type { ChannelSetupProps } from './channel-setup-props';

interface Draft {
  flowId: string;
  title: string;
  colour: string;
  greeting: string;
  /** One origin a line, as typed. */
  origins: string;
}

const draftOf = (settings: WidgetSettings): Draft => ({
  flowId: settings.flowId,
  title: settings.title,
  colour: settings.colour,
  greeting: settings.greeting,
  origins: settings.allowedOrigins.join('\n'),
});

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function WidgetSetup({ onChanged }: ChannelSetupProps) {
  const [saved, setSaved] = useState<WidgetSettings>();
  const [draft, setDraft] = useState<Draft>();
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  const [urls, setUrls] = useState<{ public: string; tunnel?: string }>();
  const [loadError, setLoadError] = useState<string>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [previewKey, setPreviewKey] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([widgetApi.settings(controller.signal), api.listFlows(), api.status()]).then(
      ([settings, list, status]) => {
        setSaved(settings);
        setDraft(draftOf(settings));
        setFlows(list);
        setUrls(status.urls);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoadError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => controller.abort();
  }, []);

  if (loadError) {
    return (
      <p className="error" role="alert" data-testid="widget-setup-error">
        Could not load the widget settings: {loadError}
      </p>
    );
  }
  if (!draft || !saved || !urls) return <p className="muted">Loading the web widget…</p>;

  const problemAt = (path: string) =>
    problems.find((problem) => problem.path === path || problem.path.startsWith(`${path}[`))
      ?.message;
  const change = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    if (save.kind !== 'saving') setSave({ kind: 'idle' });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSave({ kind: 'saving' });
    setProblems([]);
    try {
      const next = await widgetApi.save({
        flowId: draft.flowId,
        title: draft.title,
        colour: draft.colour,
        greeting: draft.greeting,
        allowedOrigins: draft.origins
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
      });
      setSaved(next);
      setDraft(draftOf(next));
      setSave({ kind: 'saved' });
      setPreviewKey((key) => key + 1);
      onChanged();
    } catch (error) {
      if (error instanceof ApiRequestError && Array.isArray(error.details)) {
        setProblems(error.details as FieldProblem[]);
      }
      setSave({
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  // Websites reach the widget through the public tunnel; the preview frame, locally.
  const publicBase = urls.tunnel ?? urls.public;
  const published = flows.filter((flow) => flow.publishedVersion !== null);
  const chosen = flows.find((flow) => flow.id === saved.flowId);

  return (
    <div className="widget-setup" data-testid="widget-setup">
      <form className="widget-setup-form" onSubmit={(event) => void submit(event)} noValidate>
        <Field
          id="widget-flow"
          label="Flow it starts"
          hint="A visitor's first message starts this flow (its published version)."
          error={problemAt('flowId')}
        >
          <select
            id="widget-flow"
            value={draft.flowId}
            data-testid="widget-flow"
            {...describedBy('widget-flow', problemAt('flowId'), 'hint')}
            onChange={(event) => change({ flowId: event.target.value })}
          >
            <option value="">Choose a flow…</option>
            {flows.map((flow) => (
              <option key={flow.id} value={flow.id}>
                {flow.name}
                {flow.publishedVersion === null ? ' (not published yet)' : ''}
              </option>
            ))}
          </select>
        </Field>
        {published.length === 0 && (
          <p className="muted" data-testid="widget-no-published">
            Publish a flow first: the widget runs published flows only.
          </p>
        )}
        <Field id="widget-title" label="Title" error={problemAt('title')}>
          <input
            id="widget-title"
            value={draft.title}
            maxLength={60}
            data-testid="widget-title-input"
            {...describedBy('widget-title', problemAt('title'), undefined)}
            onChange={(event) => change({ title: event.target.value })}
          />
        </Field>
        <Field id="widget-colour" label="Colour" error={problemAt('colour')}>
          <div className="widget-colour">
            <input
              id="widget-colour"
              type="color"
              value={/^#[0-9a-f]{6}$/i.test(draft.colour) ? draft.colour : '#2563eb'}
              data-testid="widget-colour"
              onChange={(event) => change({ colour: event.target.value })}
            />
            <input
              aria-label="Colour as hex"
              className="monospace"
              value={draft.colour}
              maxLength={7}
              data-testid="widget-colour-hex"
              {...describedBy('widget-colour', problemAt('colour'), undefined)}
              onChange={(event) => change({ colour: event.target.value })}
            />
          </div>
        </Field>
        <Field
          id="widget-greeting"
          label="Greeting"
          hint="Shown above the conversation before the visitor writes."
          error={problemAt('greeting')}
        >
          <textarea
            id="widget-greeting"
            rows={2}
            value={draft.greeting}
            maxLength={500}
            data-testid="widget-greeting-input"
            {...describedBy('widget-greeting', problemAt('greeting'), 'hint')}
            onChange={(event) => change({ greeting: event.target.value })}
          />
        </Field>
        <Field
          id="widget-origins"
          label="Websites that may embed it"
          hint="One origin a line, e.g. https://shop.example.com. Empty: any website."
          error={problemAt('allowedOrigins')}
        >
          <textarea
            id="widget-origins"
            rows={3}
            className="monospace"
            value={draft.origins}
            spellCheck={false}
            data-testid="widget-origins"
            {...describedBy('widget-origins', problemAt('allowedOrigins'), 'hint')}
            onChange={(event) => change({ origins: event.target.value })}
          />
        </Field>
        <div className="widget-setup-actions">
          <button
            type="submit"
            className="primary"
            disabled={save.kind === 'saving'}
            data-testid="widget-save"
          >
            {save.kind === 'saving' ? 'Saving…' : 'Save'}
          </button>
          <span role="status" className="muted" data-testid="widget-save-status">
            {save.kind === 'saved' ? 'Saved: the widget uses these settings now.' : ''}
          </span>
        </div>
        {save.kind === 'failed' && (
          <p className="error" role="alert" data-testid="widget-save-error">
            {save.message}
          </p>
        )}
      </form>

      {chosen ? (
        <div className="widget-publish" data-testid="widget-publish">
          <UrlCopy
            id="widget-snippet"
            label="Snippet"
            hint={
              urls.tunnel
                ? 'Paste it before </body> on every page of your website.'
                : 'Paste it before </body> on your website. Start the public URL (tunnel) first so websites can reach it: this address works on this computer only.'
            }
            url={widgetSnippet(publicBase, chosen.id)}
            testId="widget-snippet"
          />
          <UrlCopy
            id="widget-chat-url"
            label="Full-page chat"
            hint="A link to the chat on its own page."
            url={widgetChatUrl(publicBase, chosen.id)}
            testId="widget-chat-url"
          />
          <div className="field">
            <div className="field-label-row">
              <span>Live preview</span>
            </div>
            <iframe
              key={previewKey}
              className="widget-preview"
              title="Web widget preview"
              src={widgetChatUrl(urls.public, chosen.id)}
              data-testid="widget-preview"
            />
            <p className="muted">
              A real conversation: it runs the flow and shows in Chats like any visitor’s.
            </p>
          </div>
        </div>
      ) : (
        <p className="muted" data-testid="widget-not-set-up">
          Choose the flow and save: the snippet, the full-page chat and the preview appear here.
        </p>
      )}
    </div>
  );
}
