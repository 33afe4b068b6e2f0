// The request a Webhook event node's inspector shows to copy (seed 004 step 5 "Copy the
// specified URL and send a POST request … Copy the following JSON"): the body filled with
// the flow's variables, and the same as a curl command. The token is never in it: its
// value was shown once, when it was created.
import { PEER_ID_FIELD } from '../../../runtime/nodes/api-event/definition';

const SAMPLE_VALUES: Record<string, unknown> = {
  text: 'text',
  number: 0,
  boolean: true,
  object: {},
  list: [],
};

/** What to put in `peer_id` on each channel, for the hint beside the example. */
export const PEER_ID_HINTS: Record<string, string> = {
  'test-chat': 'the Test chat session id (tc_…; Chats lists the test chats flows have talked in)',
  telegram: 'the person’s Telegram chat id (Chats lists it once they have written to the bot)',
  widget: 'the visitor’s widget session (Chats lists it)',
};

export function peerIdHint(channel: string): string {
  return PEER_ID_HINTS[channel] ?? `the person’s id on ${channel} (Chats lists it)`;
}

export function eventRequestBody(
  channel: string,
  variables: readonly { name: string; type: string }[],
): string {
  const body = {
    [PEER_ID_FIELD]: `<${channel} id>`,
    variables: Object.fromEntries(
      variables.map((variable) => [variable.name, SAMPLE_VALUES[variable.type] ?? 'text']),
    ),
  };
  return JSON.stringify(body, null, 2);
}

/** Single quotes around the body, with any inside it escaped for a POSIX shell. */
export function eventCurl(url: string, body: string): string {
  const quoted = `'${body.replaceAll("'", `'\\''`)}'`;
  return [
    `curl -X POST '${url}'`,
    `  -H 'Authorization: Bearer <token>'`,
    `  -H 'content-type: application/json'`,
    `  -d ${quoted}`,
  ].join(' \\\n');
}
