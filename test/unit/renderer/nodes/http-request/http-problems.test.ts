import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bindNested, bindNestedList } from '../../../../../renderer/nodes/http-request/bind-nested';
import { httpProblems } from '../../../../../renderer/nodes/http-request/http-problems';

describe('httpProblems', () => {
  it('runs the publish checks as typed: URL, header names, paths, JSON body, statuses', () => {
    const problems = httpProblems(
      {
        url: 'ftp://x.test',
        headers: [{ name: 'Bad Name', value: 'x' }],
        body: { kind: 'json', text: '{"a": }' },
        failureStatuses: '404, 7',
        response: { mappings: [{ path: 'data[', variable: 'x' }] },
      },
      'n_1',
      [],
      [],
    );
    const byPath = new Map(problems.map((problem) => [problem.path, problem.message]));
    assert.equal(byPath.get('url'), 'Use an http:// or https:// URL');
    assert.match(byPath.get('headers[0].name') ?? '', /Not a valid header name/);
    assert.match(byPath.get('body.text') ?? '', /not valid JSON/);
    assert.match(byPath.get('failureStatuses') ?? '', /"7" is not a status code/);
    assert.match(byPath.get('response.mappings[0].path') ?? '', /Unclosed \[/);
  });

  it('keeps the schema’s problem for a field and adds the runtime’s missing secrets', () => {
    const problems = httpProblems(
      { url: '', timeoutSeconds: 0 },
      'n_1',
      [{ path: 'timeoutSeconds', message: 'At least 1 second' }],
      [{ path: 'headers[0].secretId', message: 'not in this Hookflow' }],
    );
    assert.deepEqual(problems, [
      { path: 'timeoutSeconds', message: 'At least 1 second' },
      { path: 'headers[0].secretId', message: 'not in this Hookflow' },
    ]);
  });

  it('says what a new node needs first', () => {
    assert.deepEqual(httpProblems({}, 'n_1', [], []), [
      { path: 'url', message: 'Enter the URL to call' },
    ]);
  });
});

describe('bindNested', () => {
  it('binds a grouped field by its full path, for ids and problems', () => {
    let changed: unknown;
    const props = {
      nodeId: 'n_1',
      config: { response: { format: 'auto', mappings: [] as string[] }, url: 'x' },
      problems: [
        { path: 'response.format', message: 'bad' },
        { path: 'response.mappings', message: 'At most 50' },
        { path: 'response.mappings[0].path', message: 'row' },
      ],
      onChange: (next: unknown) => {
        changed = next;
      },
    };
    const format = bindNested(props, 'response', 'format');
    assert.equal(format.id, 'n_1-response.format');
    assert.equal(format.error, 'bad');
    format.onChange('json');
    assert.deepEqual(changed, { response: { format: 'json', mappings: [] }, url: 'x' });
    const list = bindNestedList(props, 'response', 'mappings');
    assert.equal(list.error, 'At most 50');
    assert.equal(list.path, 'response.mappings');
  });
});
