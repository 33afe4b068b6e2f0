// Webhook event's inspector (seed 004 steps 3–5): the token callers present (choose or
// create one), the channel the person is on, and the request to send — the URL (local,
// and public while the tunnel is online) with a body filled with the flow's variables and
// the same as curl. Problems the runtime checks on publish (a deleted token, a token that
// cannot launch flows, a channel Hookflow does not have) are shown here as they are typed.
import { useEffect, useState } from 'react';
import {
  apiEventPath,
  apiEventProblems,
  type apiEventConfigSchema,
} from '../../../runtime/nodes/api-event/definition';
import type { ChannelSummary } from '../../../runtime/shared/channels';
import { levelAllows, type ProjectTokenInfo } from '../../../runtime/shared/project-tokens';
import { channelsApi } from '../../api/channels';
import { projectTokensApi } from '../../api/project-tokens';
import { SelectField } from '../../inspector/fields';
import { publishedNode } from '../../inspector/node-urls';
import { PublishedNodeUrls } from '../../inspector/PublishedNodeUrls';
import { useWebhookBases } from '../../inspector/use-webhook-bases';
import { useEditor } from '../../store/editor-store';
import { errorText } from '../../store/notices-store';
import { CopyButton } from '../../ui/CopyButton';
import { bindField, problemAt, type InspectorProps } from '../inspector-props';
import { eventCurl, eventRequestBody, peerIdHint } from './event-request';
import { TokenPicker } from './TokenPicker';

type Props = InspectorProps<typeof apiEventConfigSchema>;

export function ApiEventInspector(props: Props) {
  const { nodeId, config } = props;
  const [tokens, setTokens] = useState<ProjectTokenInfo[]>();
  const [channels, setChannels] = useState<ChannelSummary[]>();
  const [loadError, setLoadError] = useState<string>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const [listed, channelList] = await Promise.all([
          projectTokensApi.list(),
          channelsApi.list(),
        ]);
        if (!current) return;
        setTokens(listed.tokens);
        setChannels(channelList);
        setLoadError(undefined);
      } catch (error) {
        if (current) setLoadError(`Could not load the tokens and channels: ${errorText(error)}`);
      }
    })();
    return () => {
      current = false;
    };
  }, [version]);

  // The publish checks, with the lists this inspector has loaded.
  const checked = apiEventProblems(config, {
    ...(tokens ? { projectTokens: { info: (id) => tokens.find((token) => token.id === id) } } : {}),
    ...(channels ? { channels: { list: () => channels } } : {}),
  });
  const problems = [
    ...props.problems,
    ...checked.map((problem) => ({ path: problem.field ?? '', message: problem.message })),
  ];
  const channel = bindField({ ...props, problems }, 'channel');
  const chosen = channels?.find((item) => item.id === config.channel);
  return (
    <>
      <TokenPicker
        nodeId={nodeId}
        tokenId={config.tokenId}
        tokens={tokens?.filter((token) => levelAllows(token.level, 'block-execution'))}
        loadError={loadError}
        error={problemAt(problems, 'tokenId')}
        onSelect={(tokenId) => props.onChange({ ...config, tokenId })}
        onReload={() => setVersion((current) => current + 1)}
      />
      <SelectField
        label="Channel"
        hint={
          chosen
            ? channelHint(chosen)
            : 'Where the person is: the flow’s messages reach them there.'
        }
        options={(channels ?? []).map((item) => ({ value: item.id, label: item.label }))}
        {...channel}
      />
      <EventRequest nodeId={nodeId} channel={config.channel} />
    </>
  );
}

function channelHint(channel: ChannelSummary): string {
  const state =
    channel.status.state === 'connected'
      ? 'Connected.'
      : `Not connected: ${channel.status.action ?? channel.status.message ?? 'set it up in Channels'}. Calls get 409 until it is.`;
  const first = channel.canWriteFirst
    ? ''
    : ' The bot cannot write first here: a person who has not written to it gets 409 not_written_first.';
  return `${state}${first}`;
}

function EventRequest({ nodeId, channel }: { nodeId: string; channel: string }) {
  const flow = useEditor((state) => state.flow);
  const variables = useEditor((state) => state.variables);
  const { local, tunnel } = useWebhookBases();
  if (!flow) return null;
  const live = publishedNode(flow, nodeId)?.type === 'api-event';
  const path = apiEventPath(flow.id, nodeId);
  const body = eventRequestBody(channel, variables);
  const curl = eventCurl(`${tunnel ?? local ?? ''}${path}`, body);
  return (
    <section className="node-urls" aria-label="Request">
      <PublishedNodeUrls
        nodeId={nodeId}
        live={live}
        published={Boolean(flow.published)}
        url={(base) => `${base}${path}`}
        label="URL"
        pending="the URL"
        localHint="From this computer. Send a POST with the body below."
        testPrefix="api-event"
      />
      <div className="field-hint">
        <p>
          Request body (JSON): <code>peer_id</code> is {peerIdHint(channel)}; or send{' '}
          <code>chat_id</code> with a Hookflow chat id instead. <code>variables</code> become the
          run&apos;s variables.
        </p>
        <div className="listen-curl">
          <pre data-testid="api-event-body">{body}</pre>
          <CopyButton text={body} what="the request body" testId="api-event-body-copy" />
        </div>
        <p>The same with curl (put the token in place of &lt;token&gt;):</p>
        <div className="listen-curl">
          <pre data-testid="api-event-curl">{curl}</pre>
          <CopyButton text={curl} what="the curl command" testId="api-event-curl-copy" />
        </div>
        <p>
          Answers: 202 with the run and chat ids. 401 a missing or deleted token, 403 another token,
          404 an unknown chat, 409 when the person has not written to the bot or the channel is not
          connected — then no run starts.
        </p>
      </div>
    </section>
  );
}
