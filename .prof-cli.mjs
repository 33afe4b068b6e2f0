// runtime/cli/args.ts
import { parseArgs } from "node:util";
var UsageError = class extends Error {
  name = "UsageError";
};
function parseCommandArgs(args, options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
function parsePort(value, flag) {
  if (value === void 0) return void 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`${flag} needs a port number between 0 and 65535, not "${value}"`);
  }
  return port;
}

// runtime/cli/flow-file-commands.ts
import { readFile as readFile8 } from "node:fs/promises";
import { resolve as resolve6 } from "node:path";
import { z as z32 } from "zod";

// runtime/shared/api-error.ts
import { z } from "zod";
var apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional()
  })
});
function zodProblems(error) {
  return error.issues.map((issue) => ({
    path: issue.path.map(
      (part, index) => typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`
    ).join(""),
    message: issue.message
  }));
}

// runtime/api/api-error.ts
var ApiError = class extends Error {
  constructor(status, code, message, details, headers) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
    this.name = "ApiError";
  }
  status;
  code;
  details;
  headers;
};
function notFound(what, id) {
  return new ApiError(404, "not_found", `No ${what} with id "${id}"`);
}
function parseInput(schema, input) {
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = zodProblems(result.error);
    const first = problems[0];
    throw new ApiError(
      400,
      "invalid_input",
      first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "Invalid input",
      problems
    );
  }
  return result.data;
}

// runtime/api/import-export.ts
import { z as z18 } from "zod";

// runtime/nodes/buttons/definition.ts
import { z as z3 } from "zod";

// runtime/paths/path-syntax.ts
var NAME = /[\p{L}\p{M}\p{N}_$-]+/uy;
var WHOLE_NAME = /^[\p{L}\p{M}\p{N}_$-]+$/u;
var SPACE = /\s/;
var DIGITS = /^[0-9]+$/;
var NUMBER_LIKE = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[+-]?[0-9]+)?$/i;
function formatPathProblem(problem) {
  return `${problem.reason} at position ${problem.position}`;
}
function tryParsePath(text) {
  const result = scanPath(text);
  if (result.ok) return result;
  return { ok: false, message: formatPathProblem(result), position: result.position };
}
function scanPath(text) {
  if (text.length === 0) return { ok: false, reason: "Path is empty", position: 0 };
  const segments2 = [];
  let step;
  if (text[0] === "$" && (text.length === 1 || text[1] === "." || text[1] === "[")) {
    step = text[1] === "." ? readDotted(text, 1, segments2) : 1;
  } else if (text[0] === "[") {
    step = 0;
  } else {
    const end2 = matchName(text, 0);
    if (end2 === 0) return unexpected(text, 0);
    segments2.push({ type: "key", key: text.slice(0, end2) });
    step = end2;
  }
  while (typeof step === "number" && step < text.length) {
    const char = text[step];
    if (char === ".") step = readDotted(text, step, segments2);
    else if (char === "[") step = readBracket(text, step, segments2);
    else return unexpected(text, step);
  }
  return typeof step === "number" ? { ok: true, segments: segments2 } : { ok: false, ...step };
}
function readDotted(text, dot, segments2) {
  const end2 = matchName(text, dot + 1);
  if (end2 === dot + 1) {
    const next2 = text[dot + 1];
    if (next2 !== void 0 && SPACE.test(next2)) {
      return { reason: "Unexpected space", position: dot + 1 };
    }
    return { reason: "Expected a name after .", position: dot };
  }
  segments2.push({ type: "key", key: text.slice(dot + 1, end2) });
  return end2;
}
function readBracket(text, open8, segments2) {
  const quote = text[open8 + 1];
  if (quote === "'" || quote === '"') return readQuoted(text, open8, quote, segments2);
  const close = text.indexOf("]", open8 + 1);
  if (close < 0) return { reason: "Unclosed [", position: open8 };
  const content = text.slice(open8 + 1, close);
  const space = content.search(SPACE);
  if (space >= 0) return { reason: "Unexpected space", position: open8 + 1 + space };
  const position = open8 + 1;
  if (DIGITS.test(content)) {
    const index = Number(content);
    if (!Number.isSafeInteger(index)) return { reason: "Index is too large", position };
    segments2.push({ type: "index", index });
    return close + 1;
  }
  if (NUMBER_LIKE.test(content)) {
    return { reason: "Index must be a whole number (0 or more)", position };
  }
  if (isPathName(content) && content.length <= 40) {
    return { reason: `Keys in [ ] need quotes, like ['${content}'],`, position };
  }
  return { reason: "Expected an index or a quoted key inside [ ]", position };
}
function readQuoted(text, open8, quote, segments2) {
  const chunks = [];
  let start = open8 + 2;
  let j = start;
  for (; ; ) {
    const char = text[j];
    if (char === void 0) return { reason: "Unclosed quote", position: open8 + 1 };
    if (char === quote) break;
    if (char !== "\\") {
      j += 1;
      continue;
    }
    const escaped = text[j + 1];
    if (escaped === void 0) return { reason: "Unclosed quote", position: open8 + 1 };
    if (escaped !== "\\" && escaped !== "'" && escaped !== '"') {
      const shown = String.fromCodePoint(text.codePointAt(j + 1) ?? 0);
      return { reason: `Unknown escape \\${shown} (use \\\\, \\' or \\")`, position: j };
    }
    chunks.push(text.slice(start, j), escaped);
    j += 2;
    start = j;
  }
  chunks.push(text.slice(start, j));
  const after = j + 1;
  if (after >= text.length) return { reason: "Unclosed [", position: open8 };
  if (text[after] !== "]") return { reason: "Expected ] after the quoted key", position: after };
  segments2.push({ type: "key", key: chunks.join("") });
  return after + 1;
}
function matchName(text, from) {
  NAME.lastIndex = from;
  return NAME.test(text) ? NAME.lastIndex : from;
}
function unexpected(text, position) {
  const char = String.fromCodePoint(text.codePointAt(position) ?? 0);
  if (SPACE.test(char)) return { ok: false, reason: "Unexpected space", position };
  return { ok: false, reason: `Unexpected character ${JSON.stringify(char)}`, position };
}
function isPathName(key) {
  return WHOLE_NAME.test(key);
}
function printPath(segments2) {
  if (segments2.length === 0) return "$";
  let out = "";
  segments2.forEach((segment, position) => {
    const first = position === 0;
    if (segment.type === "index") {
      if (!Number.isSafeInteger(segment.index) || segment.index < 0) {
        throw new RangeError(`Path index must be a whole number, 0 or more: ${segment.index}`);
      }
      out += `${first ? "$" : ""}[${segment.index}]`;
    } else if (isPathName(segment.key) && !(first && segment.key === "$")) {
      out += first ? segment.key : `.${segment.key}`;
    } else {
      out += `${first ? "$" : ""}['${segment.key.replace(/[\\']/g, (c) => `\\${c}`)}']`;
    }
  });
  return out;
}

// runtime/paths/read-path.ts
var CANONICAL_INDEX = /^(?:0|[1-9][0-9]*)$/;
function readPath(root, path) {
  let segments2;
  if (typeof path === "string") {
    const scanned = scanPath(path);
    if (!scanned.ok) return void 0;
    segments2 = scanned.segments;
  } else {
    segments2 = path;
  }
  let current = root;
  try {
    for (const segment of segments2) {
      current = readStep(current, segment);
      if (current === void 0) return void 0;
    }
  } catch {
    return void 0;
  }
  return current;
}
function readStep(value, segment) {
  if (typeof value !== "object" || value === null) return void 0;
  if (Array.isArray(value)) {
    const index = segment.type === "index" ? segment.index : CANONICAL_INDEX.test(segment.key) ? Number(segment.key) : -1;
    return Number.isSafeInteger(index) && index >= 0 ? readOwn(value, String(index)) : void 0;
  }
  return readOwn(value, segment.type === "index" ? String(segment.index) : segment.key);
}
function readOwn(value, key) {
  return Object.hasOwn(value, key) ? Reflect.get(value, key) : void 0;
}

// runtime/paths/template.ts
var PARAM = /[A-Z_][A-Z0-9_]*/y;
function parseTemplate(text) {
  const parts = [];
  const problems = [];
  let pending = "";
  const flush = () => {
    if (pending !== "") parts.push({ type: "text", text: pending });
    pending = "";
  };
  let noCloseFrom = Infinity;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === "\\" && text.startsWith("{{", i + 1)) {
      pending += "{{";
      i += 3;
    } else if (char === "\\" && text[i + 1] === "$") {
      pending += "$";
      i += 2;
    } else if (char === "{" && text[i + 1] === "{") {
      const close = i >= noCloseFrom ? -1 : text.indexOf("}}", i + 2);
      if (close < 0) {
        noCloseFrom = Math.min(noCloseFrom, i);
        problems.push({ message: `Unclosed {{ at position ${i}`, position: i });
        pending += "{{";
        i += 2;
        continue;
      }
      const source = text.slice(i, close + 2);
      const inner = text.slice(i + 2, close);
      const path = inner.trim();
      if (path === "") {
        problems.push({ message: `Empty expression at position ${i}`, position: i });
        pending += source;
      } else {
        const scanned = scanPath(path);
        if (scanned.ok) {
          flush();
          parts.push({
            type: "expression",
            path: printPath(scanned.segments),
            segments: scanned.segments
          });
        } else {
          const leading = inner.length - inner.trimStart().length;
          const position = i + 2 + leading + scanned.position;
          problems.push({ message: formatPathProblem({ ...scanned, position }), position });
          pending += source;
        }
      }
      i = close + 2;
    } else if (char === "$" && matchParam(text, i + 1) > i + 1) {
      const end2 = matchParam(text, i + 1);
      flush();
      parts.push({ type: "param", name: text.slice(i + 1, end2) });
      i = end2;
    } else {
      pending += char;
      i += 1;
    }
  }
  flush();
  return { parts, problems };
}
function matchParam(text, from) {
  PARAM.lastIndex = from;
  return PARAM.test(text) ? PARAM.lastIndex : from;
}

// runtime/paths/interpolate.ts
function interpolate(template, scope) {
  const { parts } = parseTemplate(template);
  const [only] = parts;
  if (parts.length === 1 && only !== void 0 && only.type !== "text") {
    return resolve(only, scope);
  }
  return joinParts(parts, scope);
}
function interpolateText(template, scope) {
  return joinParts(parseTemplate(template).parts, scope);
}
function stringifyValue(value) {
  if (value === null || value === void 0) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    try {
      return JSON.stringify(value) ?? "";
    } catch {
      return "";
    }
  }
  if (typeof value === "function") return "";
  return String(value);
}
function joinParts(parts, scope) {
  let text = "";
  for (const part of parts) {
    text += part.type === "text" ? part.text : stringifyValue(resolve(part, scope));
  }
  return text;
}
function resolve(part, scope) {
  if (part.type === "expression") return readPath(scope, part.segments);
  const isObject = typeof scope === "object" && scope !== null;
  if (isObject && Object.hasOwn(scope, part.name)) {
    return readPath(scope, [{ type: "key", key: part.name }]);
  }
  return `$${part.name}`;
}

// runtime/shared/node-checks.ts
function requireFilled(value, field2, message) {
  return value.trim() === "" ? [{ field: field2, message }] : [];
}
function templateProblems(template, field2) {
  return parseTemplate(template).problems.map((problem) => ({ field: field2, message: problem.message }));
}
function hasTemplateReferences(template) {
  return parseTemplate(template).parts.some((part) => part.type !== "text");
}

// runtime/shared/node-definition.ts
function defineNode(definition) {
  return definition;
}
var defaultOutput = [{ id: "next", label: "Next", kind: "default" }];

// runtime/shared/variable-name.ts
import { z as z2 } from "zod";
var VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
var variableNameSchema = z2.string().regex(VARIABLE_NAME_PATTERN, 'Use letters, digits and "_" (not starting with a digit)');
var optionalVariableNameSchema = z2.union([z2.literal(""), variableNameSchema]);

// runtime/nodes/buttons/definition.ts
var buttonSchema = z3.object({
  /** The output handle's id: stable when the label changes, so edges stay connected. */
  id: z3.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use 1\u201364 letters, digits, "_" or "-"'),
  label: z3.string().trim().min(1, "Give the button a label").max(80, "Keep labels short")
});
var buttonsConfigSchema = z3.object({
  prompt: z3.string().max(4096, "Keep the question under 4096 characters").default(""),
  buttons: z3.array(buttonSchema).min(1, "Add at least one button").max(10, "Use at most 10 buttons").superRefine((buttons, ctx) => {
    const seen = /* @__PURE__ */ new Set();
    buttons.forEach((button, index) => {
      if (seen.has(button.id)) {
        ctx.addIssue({ code: "custom", path: [index, "id"], message: "Two buttons share an id" });
      }
      seen.add(button.id);
    });
  }).default([
    { id: "yes", label: "Yes" },
    { id: "no", label: "No" }
  ]),
  /** Optional: stores the chosen button's label. */
  variable: optionalVariableNameSchema.default("")
});
var buttonsDefinition = defineNode({
  type: "buttons",
  label: "Buttons",
  category: "messaging",
  description: "Asks a question with buttons; each button continues on its own path.",
  icon: "\u2630",
  configSchema: buttonsConfigSchema,
  outputs: (config) => config.buttons.map((button) => ({ id: button.id, label: button.label, kind: "case" })),
  isTrigger: false,
  needsChat: true,
  sideEffects: "repeatable",
  summary: (config) => config.buttons.map((button) => button.label).join(" \xB7 "),
  validate: (config) => [
    ...requireFilled(config.prompt, "prompt", "Write the question"),
    ...templateProblems(config.prompt, "prompt")
  ]
});

// runtime/nodes/collect-input/definition.ts
import { z as z4 } from "zod";
var inputValidations = ["text", "number", "email", "phone"];
var collectInputConfigSchema = z4.object({
  /** The question, a template. */
  prompt: z4.string().max(4096, "Keep the question under 4096 characters").default(""),
  /** Where the answer is stored (a number is stored as a number). */
  variable: optionalVariableNameSchema.default(""),
  validation: z4.enum(inputValidations).default("text"),
  retryMessage: z4.string().max(1e3, "Keep the message under 1000 characters").default("That doesn't look right. Please try again."),
  /** Wrong answers allowed after the first; one more leaves through `failure`. */
  maxRetries: z4.number().int().min(0).max(10).default(2)
});
var collectInputDefinition = defineNode({
  type: "collect-input",
  label: "Collect input",
  category: "messaging",
  description: "Asks a question, checks the reply (text, number, email, phone) and stores it.",
  icon: "\u270E",
  configSchema: collectInputConfigSchema,
  outputs: () => [
    { id: "next", label: "Answered", kind: "default" },
    { id: "failure", label: "Too many retries", kind: "failure" }
  ],
  isTrigger: false,
  needsChat: true,
  sideEffects: "repeatable",
  summary: (config) => config.variable ? `Asks for ${config.validation} \u2192 ${config.variable}` : "Asks a question",
  validate: (config) => [
    ...requireFilled(config.prompt, "prompt", "Write the question"),
    ...templateProblems(config.prompt, "prompt"),
    ...requireFilled(config.variable, "variable", "Choose the variable that stores the answer"),
    ...templateProblems(config.retryMessage, "retryMessage")
  ]
});

// runtime/nodes/condition/definition.ts
import { z as z5 } from "zod";
var conditionOperators = [
  "equals",
  "not_equals",
  "contains",
  "starts_with",
  "exists",
  "is_empty",
  "greater_than",
  "less_than",
  "regex"
];
var unaryOperators = ["exists", "is_empty"];
var conditionRuleSchema = z5.object({
  /** A path (`body.event`) or a template (`{{body.event}}`, `$TOKEN`). */
  left: z5.string().max(1e3).default(""),
  operator: z5.enum(conditionOperators).default("equals"),
  /** A template; for `regex` a pattern, optionally as `/pattern/flags`. */
  right: z5.string().max(1e3).default("")
});
var conditionConfigSchema = z5.object({
  match: z5.enum(["all", "any"]).default("all"),
  rules: z5.array(conditionRuleSchema).max(20, "Use at most 20 rules").default([])
});
function compileRulePattern(source) {
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(source);
  const pattern = literal?.[1] ?? source;
  const flags = literal?.[2] ?? "";
  const bad = [...flags].find((flag) => !"imsu".includes(flag));
  if (bad) return { problem: `The flag "${bad}" is not supported (use i, m, s or u)` };
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    return {
      problem: `Invalid regular expression: ${error instanceof Error ? error.message : ""}`
    };
  }
}
function ruleProblems(rule, index) {
  const at = `rules[${index}]`;
  const problems = [
    ...requireFilled(rule.left, `${at}.left`, "Say what to check"),
    ...templateProblems(rule.left, `${at}.left`),
    ...templateProblems(rule.right, `${at}.right`)
  ];
  if (rule.operator === "regex" && !hasTemplateReferences(rule.right)) {
    const compiled2 = compileRulePattern(rule.right);
    if (!(compiled2 instanceof RegExp)) {
      problems.push({ field: `${at}.right`, message: compiled2.problem });
    }
  }
  return problems;
}
var operatorText = {
  equals: "=",
  not_equals: "\u2260",
  contains: "contains",
  starts_with: "starts with",
  exists: "exists",
  is_empty: "is empty",
  greater_than: ">",
  less_than: "<",
  regex: "matches"
};
var conditionDefinition = defineNode({
  type: "condition",
  label: "Condition",
  category: "logic",
  description: "Checks rules against variables and the payload; continues on true or else.",
  icon: "\u25C7",
  configSchema: conditionConfigSchema,
  outputs: () => [
    { id: "true", label: "True", kind: "case" },
    { id: "else", label: "Else", kind: "else" }
  ],
  isTrigger: false,
  needsChat: false,
  sideEffects: "none",
  summary: (config) => {
    const [first] = config.rules;
    if (!first) return "No rules yet";
    const text = unaryOperators.includes(first.operator) ? `${first.left} ${operatorText[first.operator]}` : `${first.left} ${operatorText[first.operator]} ${first.right}`;
    const more = config.rules.length - 1;
    return more > 0 ? `${text} ${config.match === "all" ? "and" : "or"} ${more} more` : text;
  },
  validate: (config) => [
    ...config.rules.length === 0 ? [{ field: "rules", message: "Add at least one rule" }] : [],
    ...config.rules.flatMap(ruleProblems)
  ]
});

// runtime/nodes/delay/definition.ts
import { z as z6 } from "zod";
var delayUnits = ["seconds", "minutes", "hours", "days"];
var unitMs = {
  seconds: 1e3,
  minutes: 6e4,
  hours: 36e5,
  days: 864e5
};
var MAX_DELAY_MS = 30 * unitMs.days;
function delayMs(config) {
  return config.amount * unitMs[config.unit];
}
var delayConfigSchema = z6.object({
  amount: z6.number().finite().min(0, "Use 0 or more").default(1),
  unit: z6.enum(delayUnits).default("minutes")
}).refine((config) => delayMs(config) <= MAX_DELAY_MS, {
  path: ["amount"],
  message: "Wait at most 30 days"
});
var delayDefinition = defineNode({
  type: "delay",
  label: "Delay",
  category: "flow",
  description: "Waits for a while (up to 30 days), then continues. Survives restarts.",
  icon: "\u25F7",
  configSchema: delayConfigSchema,
  outputs: () => defaultOutput,
  isTrigger: false,
  needsChat: false,
  sideEffects: "none",
  summary: (config) => `Waits ${config.amount} ${config.unit}`
});

// runtime/nodes/end/definition.ts
import { z as z7 } from "zod";
var endConfigSchema = z7.object({
  /** The variables that become the run's output (what "respond when the flow finishes" returns). */
  result: z7.array(variableNameSchema).max(50, "Choose at most 50 variables").refine((names) => new Set(names).size === names.length, "A variable is listed twice").default([])
});
var endDefinition = defineNode({
  type: "end",
  label: "End",
  category: "flow",
  description: "Finishes the run, optionally with some variables as its result.",
  icon: "\u25A0",
  configSchema: endConfigSchema,
  outputs: () => [],
  isTrigger: false,
  needsChat: false,
  sideEffects: "none",
  summary: (config) => config.result.length === 0 ? "Ends the run" : `Result: ${config.result.join(", ")}`
});

// runtime/nodes/jump/definition.ts
import { z as z8 } from "zod";
var jumpConfigSchema = z8.object({
  /** `node`: continue at another node of this flow; `flow`: hand over to another flow. */
  to: z8.enum(["node", "flow"]).default("node"),
  nodeId: z8.string().max(64).default(""),
  flowId: z8.string().max(64).default("")
});
var jumpDefinition = defineNode({
  type: "jump",
  label: "Jump",
  category: "flow",
  description: "Continues at another node, or starts another flow (its published version) with these variables.",
  icon: "\u21AA",
  configSchema: jumpConfigSchema,
  outputs: () => [],
  isTrigger: false,
  needsChat: false,
  sideEffects: "none",
  summary: (config) => config.to === "node" ? config.nodeId ? `Jumps to node ${config.nodeId}` : "No target yet" : config.flowId ? `Starts flow ${config.flowId}` : "No flow chosen yet",
  continuesAt: (config) => config.to === "node" && config.nodeId ? [config.nodeId] : [],
  validate: (config, { graph, nodeId }) => {
    if (config.to === "flow") {
      return config.flowId.trim() === "" ? [{ field: "flowId", message: "Choose a flow" }] : [];
    }
    if (config.nodeId === "") return [{ field: "nodeId", message: "Choose the node to jump to" }];
    if (config.nodeId === nodeId) {
      return [{ field: "nodeId", message: "A jump to itself would loop forever" }];
    }
    if (!graph.nodes.some((node) => node.id === config.nodeId)) {
      return [{ field: "nodeId", message: `There is no node "${config.nodeId}" in this flow` }];
    }
    return [];
  }
});

// runtime/nodes/send-message/definition.ts
import { z as z9 } from "zod";
var sendMessageConfigSchema = z9.object({
  /** A template: `Hello {{name}}`. */
  text: z9.string().max(4096, "Keep the message under 4096 characters").default("")
});
var sendMessageDefinition = defineNode({
  type: "send-message",
  label: "Send message",
  category: "messaging",
  description: "Sends a text message to the person in the chat.",
  icon: "\u2709",
  configSchema: sendMessageConfigSchema,
  outputs: () => defaultOutput,
  isTrigger: false,
  needsChat: true,
  // A message sent twice after a crash is better than a conversation that dies.
  sideEffects: "repeatable",
  summary: (config) => config.text.trim() === "" ? "No message yet" : config.text,
  validate: (config) => [
    ...requireFilled(config.text, "text", "Write the message"),
    ...templateProblems(config.text, "text")
  ]
});

// runtime/nodes/set-variable/definition.ts
import { z as z10 } from "zod";
var setVariableConfigSchema = z10.object({
  variable: optionalVariableNameSchema.default(""),
  /** `value`: a template (`{{body.total}}` alone keeps its type); `path`: read from the run. */
  source: z10.enum(["value", "path"]).default("value"),
  value: z10.string().max(1e4, "Keep the value under 10000 characters").default(""),
  path: z10.string().max(500).default("")
});
var setVariableDefinition = defineNode({
  type: "set-variable",
  label: "Set variable",
  category: "data",
  description: "Stores a value, or something read from the payload, in a variable.",
  icon: "\u2254",
  configSchema: setVariableConfigSchema,
  outputs: () => defaultOutput,
  isTrigger: false,
  needsChat: false,
  sideEffects: "none",
  summary: (config) => config.variable === "" ? "No variable yet" : `${config.variable} = ${config.source === "path" ? config.path : config.value}`,
  validate: (config) => {
    const problems = requireFilled(config.variable, "variable", "Choose a variable");
    if (config.source === "value") return [...problems, ...templateProblems(config.value, "value")];
    const parsed = tryParsePath(config.path);
    return parsed.ok ? problems : [...problems, { field: "path", message: parsed.message }];
  }
});

// runtime/nodes/start/definition.ts
import { z as z13 } from "zod";

// runtime/shared/webhook-security.ts
import { z as z11 } from "zod";
var HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var headerNameSchema = z11.string().trim().min(1, "Enter a header name").max(100).regex(HEADER_NAME, "A header name uses letters, digits and - _ . only (no spaces or colons)");
var secretIdSchema = z11.string().trim().min(1).max(128);
var secretIdsSchema = z11.array(secretIdSchema).min(1, "Add a secret").max(5, "At most 5 secrets (rotation keeps the old ones only until senders switch)").refine((ids) => new Set(ids).size === ids.length, "Each secret may be listed once");
var hmacAlgorithmSchema = z11.enum(["sha1", "sha256", "sha512"]);
var toleranceSecondsSchema = z11.number().int().min(1).max(86400).default(300);
function providerAuthSchema(type) {
  return z11.object({
    type: z11.literal(type),
    secretIds: secretIdsSchema,
    /** Ignored by providers that sign no timestamp (GitHub, Shopify). */
    toleranceSeconds: toleranceSecondsSchema
  });
}
var hmacAuthSchema = z11.object({
  type: z11.literal("hmac"),
  algorithm: hmacAlgorithmSchema,
  source: z11.enum(["query", "header"]),
  /** The query parameter or header carrying the signature. */
  paramName: z11.string().trim().min(1, "Enter the parameter or header name").max(100),
  encoding: z11.enum(["hex", "base64"]).default("hex"),
  /** Text before the digest in the signature, e.g. `sha256=`. */
  prefix: z11.string().max(32).default(""),
  secretIds: secretIdsSchema
}).superRefine((config, context) => {
  if (config.source === "header" && !HEADER_NAME.test(config.paramName)) {
    context.addIssue({
      code: "custom",
      path: ["paramName"],
      message: "A header name uses letters, digits and - _ . only (no spaces or colons)"
    });
  }
});
var webhookAuthSchema = z11.discriminatedUnion("type", [
  z11.object({ type: z11.literal("public") }),
  z11.object({ type: z11.literal("bearer"), tokenSecretId: secretIdSchema }),
  z11.object({
    type: z11.literal("header"),
    headerName: headerNameSchema,
    tokenSecretId: secretIdSchema
  }),
  z11.object({
    type: z11.literal("query"),
    paramName: z11.string().trim().min(1).max(100).default("token"),
    tokenSecretId: secretIdSchema
  }),
  hmacAuthSchema,
  providerAuthSchema("standard-webhooks"),
  providerAuthSchema("stripe"),
  providerAuthSchema("github"),
  providerAuthSchema("shopify"),
  providerAuthSchema("slack")
]);
var webhookSecuritySchema = z11.object({
  auth: webhookAuthSchema.default({ type: "public" }),
  /** Addresses or CIDR ranges, IPv4 or IPv6; empty = any (checked by runtime/security/ip-allowlist). */
  ipAllowlist: z11.array(z11.string().max(100)).max(500).default([]),
  /** Origins like `https://app.kiwify.com.br`; empty = any. */
  originAllowlist: z11.array(z11.string().max(300)).max(100).default([])
});
function webhookAuthSecretIds(auth) {
  switch (auth.type) {
    case "public":
      return [];
    case "bearer":
    case "header":
    case "query":
      return [auth.tokenSecretId];
    default:
      return auth.secretIds;
  }
}
var providerPresets = {
  "standard-webhooks": {
    label: "Standard Webhooks / Svix",
    signatureHeaders: ["webhook-id", "webhook-timestamp", "webhook-signature"],
    timestamped: true,
    secretHint: "The endpoint signing secret, starting with whsec_ (svix-* headers are accepted too)"
  },
  stripe: {
    label: "Stripe",
    signatureHeaders: ["Stripe-Signature"],
    timestamped: true,
    secretHint: "The endpoint's signing secret (whsec_\u2026) from the Stripe dashboard or CLI"
  },
  github: {
    label: "GitHub",
    signatureHeaders: ["X-Hub-Signature-256"],
    timestamped: false,
    secretHint: "The Secret field of the GitHub webhook settings"
  },
  shopify: {
    label: "Shopify",
    signatureHeaders: ["X-Shopify-Hmac-Sha256"],
    timestamped: false,
    secretHint: "The app's client secret (or the store's webhook signing key)"
  },
  slack: {
    label: "Slack",
    signatureHeaders: ["X-Slack-Signature", "X-Slack-Request-Timestamp"],
    timestamped: true,
    secretHint: "The app's Signing Secret (Basic Information page)"
  }
};
var algorithmLabels = {
  sha1: "SHA-1",
  sha256: "SHA-256",
  sha512: "SHA-512"
};
function describeWebhookAuth(auth) {
  switch (auth.type) {
    case "public":
      return "Public";
    case "bearer":
      return "Bearer token";
    case "header":
      return `Token in header ${auth.headerName}`;
    case "query":
      return `Token in ?${auth.paramName}=`;
    case "hmac":
      return `HMAC ${algorithmLabels[auth.algorithm]} (${auth.source} ${auth.paramName})`;
    default:
      return `${providerPresets[auth.type].label} signature`;
  }
}

// runtime/shared/webhook-trigger.ts
import { z as z12 } from "zod";
var webhookMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
var webhookMethodsSchema = z12.array(z12.enum(webhookMethods)).min(1, "Accept at least one method").refine((methods2) => new Set(methods2).size === methods2.length, "Each method may be listed once");
var KIB = 1024;
var MIB = 1024 * 1024;
var DEFAULT_BODY_LIMIT_BYTES = MIB;
var MAX_BODY_LIMIT_BYTES = 25 * MIB;
var bodyLimitBytesSchema = z12.number().int().min(KIB, "The body limit must be at least 1 KiB").max(MAX_BODY_LIMIT_BYTES, "The body limit can be at most 25 MiB");
var WEBHOOK_ID_PATTERN = /^wh_[A-Za-z0-9_-]{22,64}$/;
var webhookIdSchema = z12.string().regex(WEBHOOK_ID_PATTERN, 'A webhook id is "wh_" and 22\u201364 letters, digits, "_" or "-"');
function newWebhookId() {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `wh_${btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
}
var requiredContentTypes = ["json", "form", "multipart", "xml", "text"];
var idempotencySchema = z12.object({
  source: z12.enum(["none", "header", "body-path"]).default("none"),
  /** The header name, or a path such as `body.id`. */
  name: z12.string().trim().max(300).optional()
}).superRefine((value, context) => {
  if (value.source !== "none" && !value.name) {
    context.addIssue({
      code: "custom",
      path: ["name"],
      message: value.source === "header" ? "Enter the header that carries the delivery id" : "Enter the body path of the delivery id (e.g. body.id)"
    });
  }
});
var MAX_RESPONSE_TIMEOUT_SECONDS = 30;
var webhookResponseSchema = z12.object({
  /** `accepted`: 202 once recorded; `when-finished`: 200 with variables once the run ends. */
  mode: z12.enum(["accepted", "when-finished"]).default("accepted"),
  variables: z12.array(z12.string().max(64)).max(50).default([]),
  timeoutSeconds: z12.number().int().min(1).max(MAX_RESPONSE_TIMEOUT_SECONDS).default(10)
});
var webhookPaths = {
  trigger: (webhookId) => `/webhooks/flow/${webhookId}`,
  callNode: (flowId, nodeId) => `/api/call_node/${flowId}/${nodeId}`
};
var callNodeChannels = ["test-chat"];

// runtime/nodes/start/definition.ts
var startConfigSchema = z13.object({
  triggerType: z13.enum(["manual", "webhook"]).default("manual"),
  // Used when triggerType is `webhook` (seed 000: `/api/call_node/{flowId}/{nodeId}`).
  // Optional rather than defaulted, so a manual Start's config stays `{ triggerType }`;
  // the ingress applies START_WEBHOOK_DEFAULTS.
  methods: webhookMethodsSchema.optional(),
  security: webhookSecuritySchema.optional(),
  bodyLimitBytes: bodyLimitBytesSchema.optional()
});
var START_WEBHOOK_DEFAULTS = {
  methods: ["GET", "POST"],
  bodyLimitBytes: 1024 * 1024
};
var startDefinition = defineNode({
  type: "start",
  label: "Start",
  category: "trigger",
  description: "Where a run begins: by hand (test chat) or by a call to its webhook URL.",
  icon: "\u25B6",
  configSchema: startConfigSchema,
  outputs: () => defaultOutput,
  isTrigger: true,
  needsChat: false,
  sideEffects: "none",
  summary: (config) => config.triggerType === "webhook" ? "Trigger: webhook" : "Trigger: manual"
});

// runtime/nodes/webhook-trigger/definition.ts
import { z as z14 } from "zod";
var VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
var variableName = z14.string().regex(VARIABLE_NAME, 'Use letters, digits and "_" (not starting with a digit)');
var CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;
var RESERVED_HANDLES = /* @__PURE__ */ new Set(["else", "next"]);
var webhookMappingSchema = z14.object({
  /** A path over the call: `body.user.name`, `body.data[0].email`, `query.ref`. */
  path: z14.string().trim().min(1, "Enter the field to read, e.g. body.user.name").max(300),
  variable: variableName
});
var webhookCaseSchema = z14.object({
  id: z14.string().regex(CASE_ID, 'A case id uses letters, digits, "_" or "-"'),
  label: z14.string().trim().max(100).default(""),
  /** The event value to match exactly; may contain `{{…}}` (interpolated per run). */
  value: z14.string().max(500)
});
var webhookTriggerConfigSchema = z14.object({
  /** Empty until the designer generates one (initialConfig); publish refuses an empty id. */
  webhookId: z14.union([webhookIdSchema, z14.literal("")]).default(""),
  methods: webhookMethodsSchema.default(["POST"]),
  mappings: z14.array(webhookMappingSchema).max(100).default([]),
  /** Saves the whole parsed body into this (object) variable. */
  saveFullBodyAs: variableName.optional(),
  security: webhookSecuritySchema.prefault({}),
  events: z14.object({
    /** Where the event type is, e.g. `body.event`. */
    path: z14.string().trim().max(300).optional(),
    cases: z14.array(webhookCaseSchema).max(50).default([])
  }).prefault({}),
  bodyLimitBytes: bodyLimitBytesSchema.default(DEFAULT_BODY_LIMIT_BYTES),
  requireContentType: z14.enum(requiredContentTypes).optional(),
  response: webhookResponseSchema.prefault({}),
  idempotency: idempotencySchema.prefault({})
}).superRefine((config, context) => {
  const seen = /* @__PURE__ */ new Set();
  config.events.cases.forEach((item, index) => {
    if (RESERVED_HANDLES.has(item.id) || seen.has(item.id)) {
      context.addIssue({
        code: "custom",
        path: ["events", "cases", index, "id"],
        message: RESERVED_HANDLES.has(item.id) ? `"${item.id}" is reserved; give the case another id` : `Another case already has the id "${item.id}"`
      });
    }
    seen.add(item.id);
  });
});
function webhookTriggerOutputs(config) {
  if (config.events.cases.length === 0) return defaultOutput;
  return [
    ...config.events.cases.map((item) => ({
      id: item.id,
      label: item.label || item.value || item.id,
      kind: "case"
    })),
    { id: "else", label: "Else", kind: "else" }
  ];
}
function webhookTriggerProblems(config) {
  const problems = [];
  if (config.webhookId === "") {
    problems.push({
      field: "webhookId",
      message: "This trigger has no URL yet: generate one in the General tab"
    });
  }
  const checkPath = (path, field2) => {
    if (path === void 0 || path === "") return;
    const parsed = tryParsePath(path);
    if (!parsed.ok) {
      problems.push({ field: field2, message: `"${path}" is not a valid path: ${parsed.message}` });
    }
  };
  config.mappings.forEach((mapping, index) => checkPath(mapping.path, `mappings[${index}].path`));
  checkPath(config.events.path, "events.path");
  if (config.events.cases.length > 0 && !config.events.path) {
    problems.push({
      field: "events.path",
      message: "Say where the event type is (e.g. body.event) so the cases can be matched"
    });
  }
  config.events.cases.forEach((item, index) => {
    for (const problem of parseTemplate(item.value).problems) {
      problems.push({ field: `events.cases[${index}].value`, message: problem.message });
    }
  });
  if (config.idempotency.source === "body-path") {
    checkPath(config.idempotency.name, "idempotency.name");
  }
  return problems;
}
var webhookTriggerDefinition = defineNode({
  type: "webhook-trigger",
  label: "Webhook Trigger",
  category: "trigger",
  description: "Starts the flow when an external system (a shop, CRM, payment provider) calls its URL.",
  icon: "\u26A1",
  configSchema: webhookTriggerConfigSchema,
  outputs: webhookTriggerOutputs,
  isTrigger: true,
  needsChat: false,
  sideEffects: "none",
  summary: (config) => {
    const cases = config.events.cases.length;
    return [
      config.methods.join("/"),
      describeWebhookAuth(config.security.auth),
      cases > 0 ? `${cases} event case${cases === 1 ? "" : "s"}` : void 0
    ].filter(Boolean).join(" \xB7 ");
  },
  validate: (config) => webhookTriggerProblems(config),
  initialConfig: () => ({ webhookId: newWebhookId() }),
  withFreshIds: (config) => ({ ...config, webhookId: newWebhookId() })
});

// runtime/nodes/definitions.ts
var nodeDefinitions = [
  startDefinition,
  webhookTriggerDefinition,
  sendMessageDefinition,
  collectInputDefinition,
  buttonsDefinition,
  conditionDefinition,
  setVariableDefinition,
  delayDefinition,
  jumpDefinition,
  endDefinition
];
var nodeTypes = nodeDefinitions.map((definition) => definition.type);
var byType = new Map(
  nodeDefinitions.map((definition) => [definition.type, definition])
);
function findNodeDefinition(type) {
  return byType.get(type);
}

// runtime/engine/validate-graph.ts
function validateGraph(graph, definitions = nodeDefinitions) {
  const byType2 = new Map(definitions.map((definition) => [definition.type, definition]));
  const problems = [];
  const error = (problem) => problems.push({ ...problem, severity: "error" });
  const nodes = /* @__PURE__ */ new Map();
  for (const node of graph.nodes) {
    if (nodes.has(node.id))
      error({ nodeId: node.id, message: `Two nodes share the id "${node.id}"` });
    else nodes.set(node.id, node);
  }
  const name = (node) => nodeName(node, byType2.get(node.type));
  const outputs = /* @__PURE__ */ new Map();
  const parsedConfigs = /* @__PURE__ */ new Map();
  for (const node of nodes.values()) {
    const definition = byType2.get(node.type);
    if (!definition) {
      error({ nodeId: node.id, message: `${name(node)}: unknown node type "${node.type}"` });
      continue;
    }
    const parsed = definition.configSchema.safeParse(node.data.config);
    if (!parsed.success) {
      for (const issue of zodProblems(parsed.error)) {
        error({
          nodeId: node.id,
          ...issue.path ? { field: issue.path } : {},
          message: `${name(node)}: ${issue.path ? `${issue.path}: ` : ""}${issue.message}`
        });
      }
      continue;
    }
    if (!isRecord(parsed.data)) {
      error({ nodeId: node.id, message: `${name(node)}: its config does not parse to an object` });
      continue;
    }
    parsedConfigs.set(node.id, parsed.data);
    outputs.set(node.id, definition.outputs(parsed.data));
  }
  const connected = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Map();
  for (const edge of graph.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    for (const [end2, node] of [
      ["source", source],
      ["target", target]
    ]) {
      if (!node) {
        error({
          edgeId: edge.id,
          message: `Edge ${edge.id}: its ${end2} node "${edge[end2]}" does not exist`
        });
      }
    }
    if (!source || !target) continue;
    const key = JSON.stringify([edge.source, edge.sourceHandle, edge.target]);
    const first = seen.get(key);
    if (first !== void 0) {
      error({
        nodeId: source.id,
        edgeId: edge.id,
        message: `Edge ${edge.id} repeats edge ${first}: ${name(source)} "${edge.sourceHandle}" \u2192 ${name(target)}`
      });
    } else {
      seen.set(key, edge.id);
    }
    if (byType2.get(target.type)?.isTrigger) {
      error({
        nodeId: target.id,
        edgeId: edge.id,
        message: `Edge ${edge.id} leads into ${name(target)}, a trigger: triggers start runs and take no input`
      });
    }
    const declared = outputs.get(source.id);
    if (!declared) continue;
    if (declared.some((handle) => handle.id === edge.sourceHandle)) {
      connected.add(JSON.stringify([source.id, edge.sourceHandle]));
    } else {
      error({
        nodeId: source.id,
        edgeId: edge.id,
        handle: edge.sourceHandle,
        message: declared.length === 0 ? `Edge ${edge.id} leaves ${name(source)}, which has no outputs` : `Edge ${edge.id} leaves ${name(source)} from output "${edge.sourceHandle}", which it does not have (it has ${declared.map((handle) => `"${handle.id}"`).join(", ")})`
      });
    }
  }
  const triggers = [...nodes.values()].filter((node) => byType2.get(node.type)?.isTrigger);
  if (triggers.length === 0) {
    const kinds = definitions.filter((definition) => definition.isTrigger).map((d) => d.label);
    error({
      message: `Add a trigger${kinds.length > 0 ? ` (${kinds.join(", ")})` : ""}: a flow needs a node where runs start`
    });
  } else {
    const jumps = /* @__PURE__ */ new Map();
    for (const [nodeId, config] of parsedConfigs) {
      const definition = byType2.get(nodes.get(nodeId)?.type ?? "");
      const targets = definition?.continuesAt?.(config);
      if (targets && targets.length > 0) jumps.set(nodeId, targets);
    }
    const reached = reachableFrom(
      triggers.map((node) => node.id),
      graph,
      jumps
    );
    for (const node of nodes.values()) {
      if (!reached.has(node.id)) {
        error({ nodeId: node.id, message: `${name(node)} cannot be reached from any trigger` });
      }
    }
  }
  for (const [nodeId, config] of parsedConfigs) {
    const node = nodes.get(nodeId);
    const definition = node && byType2.get(node.type);
    if (!node || !definition?.validate) continue;
    for (const problem of definition.validate(config, { graph, nodeId })) {
      error({
        nodeId,
        ...problem.field ? { field: problem.field } : {},
        message: `${name(node)}: ${problem.field ? `${problem.field}: ` : ""}${problem.message}`
      });
    }
  }
  for (const [nodeId, handles] of outputs) {
    const node = nodes.get(nodeId);
    if (!node) continue;
    for (const handle of handles) {
      if (connected.has(JSON.stringify([nodeId, handle.id]))) continue;
      problems.push({
        nodeId,
        handle: handle.id,
        message: `${name(node)}: output "${handle.label}" leads nowhere, so the run ends there`,
        severity: "warning"
      });
    }
  }
  return [
    ...problems.filter((problem) => problem.severity === "error"),
    ...problems.filter((problem) => problem.severity === "warning")
  ];
}
function hasErrors(problems) {
  return problems.some((problem) => problem.severity === "error");
}
function withParsedConfigs(graph, definitions = nodeDefinitions) {
  const byType2 = new Map(definitions.map((definition) => [definition.type, definition]));
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const parsed = byType2.get(node.type)?.configSchema.safeParse(node.data.config);
      if (!parsed?.success || !isRecord(parsed.data)) return node;
      return { ...node, data: { ...node.data, config: parsed.data } };
    })
  };
}
function nodeName(node, definition) {
  const label = node.data.label?.trim();
  return label ? `"${label}" (${node.id})` : `${definition?.label ?? node.type} (${node.id})`;
}
function reachableFrom(starts, graph, jumps) {
  const next2 = new Map([...jumps].map(([id, targets]) => [id, [...targets]]));
  for (const edge of graph.edges) {
    const targets = next2.get(edge.source);
    if (targets) targets.push(edge.target);
    else next2.set(edge.source, [edge.target]);
  }
  const reached = new Set(starts);
  const queue = [...starts];
  for (let id = queue.pop(); id !== void 0; id = queue.pop()) {
    for (const target of next2.get(id) ?? []) {
      if (reached.has(target)) continue;
      reached.add(target);
      queue.push(target);
    }
  }
  return reached;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// runtime/shared/flow-document.ts
import { z as z15 } from "zod";
var CURRENT_SCHEMA_VERSION = 1;
var idSchema = z15.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use 1\u201364 letters, digits, "_" or "-"');
var flowNameSchema = z15.string().trim().min(1, "Give the flow a name").max(120, "Keep the name under 120 characters");
var positionSchema = z15.object({ x: z15.number().finite(), y: z15.number().finite() });
var labelSchema = z15.string().max(200).optional();
var draftNodeSchema = z15.object({
  id: idSchema,
  type: z15.enum(nodeTypes),
  position: positionSchema,
  data: z15.object({
    label: labelSchema,
    config: z15.record(z15.string(), z15.unknown()).default({})
  })
});
var nodeSchema = z15.discriminatedUnion(
  "type",
  nodeDefinitions.map(
    (definition) => z15.object({
      id: idSchema,
      type: z15.literal(definition.type),
      position: positionSchema,
      data: z15.object({ label: labelSchema, config: definition.configSchema })
    })
  )
);
var edgeSchema = z15.object({
  id: idSchema,
  source: idSchema,
  sourceHandle: z15.string().min(1).max(64),
  target: idSchema
});
var variableSchema = z15.object({
  name: variableNameSchema,
  type: z15.enum(["text", "number", "boolean", "object", "list"]).default("text"),
  description: z15.string().max(500).optional()
});
var draftGraphSchema = z15.object({
  nodes: z15.array(draftNodeSchema).max(2e3),
  edges: z15.array(edgeSchema).max(5e3),
  variables: z15.array(variableSchema).max(500).default([])
});
var publishedSnapshotSchema = z15.object({
  version: z15.number().int().positive(),
  publishedAt: z15.string(),
  graph: draftGraphSchema
});
var flowDocumentSchema = z15.object({
  schemaVersion: z15.literal(CURRENT_SCHEMA_VERSION),
  id: idSchema,
  name: flowNameSchema,
  createdAt: z15.string(),
  updatedAt: z15.string(),
  /** Increases on every draft save; a stale write is refused (two tabs, one flow). */
  revision: z15.number().int().nonnegative(),
  draft: draftGraphSchema,
  published: publishedSnapshotSchema.nullable()
});
var createFlowInputSchema = z15.object({
  name: flowNameSchema,
  draft: draftGraphSchema.optional()
});
var updateFlowInputSchema = z15.object({
  name: flowNameSchema.optional(),
  draft: draftGraphSchema.optional(),
  /** The revision the client edited; omit to overwrite unconditionally (scripts). */
  revision: z15.number().int().nonnegative().optional()
}).refine((input) => input.name !== void 0 || input.draft !== void 0, {
  message: "Send a new name, a new draft, or both"
});

// runtime/shared/flow-file.ts
import { z as z16 } from "zod";
var FLOW_FILE_FORMAT = "hookflow-flow";
var flowFileSchema = z16.object({
  format: z16.literal(FLOW_FILE_FORMAT),
  /** The flow document schema version; older files are migrated on import. */
  schemaVersion: z16.literal(CURRENT_SCHEMA_VERSION),
  name: flowNameSchema,
  exportedAt: z16.string(),
  draft: draftGraphSchema,
  /** What was live when exported; absent for a flow that was never published. */
  published: publishedSnapshotSchema.optional()
}).meta({
  title: "Hookflow flow file",
  description: "A flow exported by Hookflow (`hookflow export`, GET /api/flows/{id}/export). Node configs are checked against their node type on publish, not by this schema."
});

// runtime/shared/publishing.ts
import { z as z17 } from "zod";
var graphProblemSchema = z17.object({
  nodeId: z17.string().optional(),
  edgeId: z17.string().optional(),
  /** Config path such as `cases[1].value`. */
  field: z17.string().optional(),
  /** The output handle concerned (an edge's `sourceHandle`, an output with no edge). */
  handle: z17.string().optional(),
  /** Names the node (label or type, and id) and the field: readable on its own. */
  message: z17.string(),
  severity: z17.enum(["error", "warning"])
});
var KEPT_VERSIONS = 10;
var publishInputSchema = z17.object({
  /** The revision the client sees; publishing a draft it has not seen is refused (409). */
  revision: z17.number().int().nonnegative().optional()
}).default({});
var duplicateInputSchema = z17.object({ name: flowNameSchema.optional() }).default({});
var importInputSchema = z17.object({
  /** A flow file (`format: "hookflow-flow"`); validated after migration. */
  document: z17.unknown().nonoptional('Send the flow file as "document"'),
  /** Make it live at once: see importFlow for what is published. */
  publish: z17.boolean().default(false),
  /** Overrides the name in the file. */
  name: flowNameSchema.optional()
});

// runtime/store/flow-migrations.ts
var migrations = {
  0: (doc) => ({ ...doc, schemaVersion: 1, revision: 0 })
};
function migrateFlowDocument(raw) {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
  let doc = { ...raw };
  let version = typeof doc.schemaVersion === "number" ? doc.schemaVersion : 0;
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) break;
    doc = step(doc);
    version += 1;
  }
  return doc;
}
function migrateFlowFile(raw) {
  return migrateFlowDocument(raw);
}
function declaredSchemaVersion(raw) {
  if (typeof raw !== "object" || raw === null || !("schemaVersion" in raw)) return void 0;
  return typeof raw.schemaVersion === "number" ? raw.schemaVersion : void 0;
}

// runtime/store/flows-store.ts
import { mkdir, readdir, rename as rename3 } from "node:fs/promises";
import { join as join2 } from "node:path";

// runtime/store/json-document.ts
import { readFile, rename as rename2 } from "node:fs/promises";
import { Low } from "lowdb";

// runtime/store/atomic-file.ts
import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
async function writeFileAtomic(path, contents) {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temp, "w", 384);
  try {
    await handle.writeFile(contents);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}
async function syncDirectory(path) {
  if (process.platform === "win32") return;
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// runtime/store/json-document.ts
var ValidatedJsonAdapter = class {
  constructor(options) {
    this.options = options;
  }
  options;
  #pending = Promise.resolve();
  async read() {
    const { path, schema, migrate, problems } = this.options;
    let text;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    let reason;
    try {
      const raw = JSON.parse(text);
      const parsed = schema.safeParse(migrate ? migrate(raw) : raw);
      if (parsed.success) return parsed.data;
      reason = `does not match the expected shape: ${parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "(root)"} ${issue.message}`).join("; ")}`;
    } catch (error) {
      reason = `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    }
    const keptAt = `${path}.corrupt-${(/* @__PURE__ */ new Date()).toISOString().replace(/[:.]/g, "-")}`;
    await rename2(path, keptAt);
    problems.add({ path, keptAt, reason: `${path} ${reason}` });
    return null;
  }
  /** Writes are serialized so an older snapshot can never land after a newer one. */
  write(data) {
    const text = `${JSON.stringify(data, null, 2)}
`;
    const next2 = this.#pending.then(() => writeFileAtomic(this.options.path, text));
    this.#pending = next2.catch(() => void 0);
    return next2;
  }
  settled() {
    return this.#pending;
  }
};
var JsonDocument = class _JsonDocument {
  constructor(low, adapter, path, loadedFromDisk) {
    this.low = low;
    this.adapter = adapter;
    this.path = path;
    this.loadedFromDisk = loadedFromDisk;
  }
  low;
  adapter;
  path;
  loadedFromDisk;
  #queue = Promise.resolve();
  /** Loads the file; a missing or corrupt file yields the defaults (the corrupt one is kept). */
  static async open(options) {
    const adapter = new ValidatedJsonAdapter(options);
    const low = new Low(adapter, options.defaults());
    const loaded = await adapter.read();
    low.data = loaded ?? options.defaults();
    return new _JsonDocument(low, adapter, options.path, loaded !== null);
  }
  get data() {
    return this.low.data;
  }
  /**
   * Applies a change and resolves once it is durably on disk. Updates run one at a time on
   * a copy; the copy replaces the in-memory document only after the write succeeded, so a
   * failed write (disk full, permissions) leaves memory and disk agreeing.
   */
  update(change) {
    const run = this.#queue.then(async () => {
      const draft = structuredClone(this.low.data);
      const result = change(draft);
      const next2 = result === void 0 ? draft : result;
      await this.adapter.write(next2);
      this.low.data = next2;
      return next2;
    });
    this.#queue = run.catch(() => void 0);
    return run;
  }
  /** Resolves when every write started so far has finished. */
  async settled() {
    await this.#queue;
    await this.adapter.settled();
  }
};
function isNotFound(error) {
  return typeof error === "object" && error !== null && "code" in error && error.code === "ENOENT";
}

// runtime/store/flows-store.ts
var FlowsStore = class _FlowsStore {
  constructor(dir, problems) {
    this.dir = dir;
    this.problems = problems;
  }
  dir;
  problems;
  #docs = /* @__PURE__ */ new Map();
  static async open(dataDir, problems) {
    const store = new _FlowsStore(join2(dataDir, "flows"), problems);
    await mkdir(store.dir, { recursive: true, mode: 448 });
    for (const name of await readdir(store.dir)) {
      const match = /^(.+)\.json$/.exec(name);
      if (!match?.[1] || !idSchema.safeParse(match[1]).success) continue;
      const doc = await store.#openDocument(match[1]);
      if (doc.loadedFromDisk && doc.data.id === match[1]) store.#docs.set(match[1], doc);
    }
    return store;
  }
  list() {
    return [...this.#docs.values()].map((doc) => doc.data);
  }
  get(id) {
    return this.#docs.get(id)?.data;
  }
  has(id) {
    return this.#docs.has(id);
  }
  async create(flow) {
    if (this.#docs.has(flow.id)) throw new Error(`Flow ${flow.id} already exists`);
    const doc = await this.#openDocument(flow.id);
    const saved = await doc.update(() => flow);
    this.#docs.set(flow.id, doc);
    return saved;
  }
  /** Applies a change to a stored flow; resolves with the saved flow, or undefined if unknown. */
  async update(id, change) {
    const doc = this.#docs.get(id);
    if (!doc) return void 0;
    return doc.update(change);
  }
  async delete(id) {
    const doc = this.#docs.get(id);
    if (!doc) return false;
    await doc.settled();
    this.#docs.delete(id);
    const trash = join2(this.dir, "deleted");
    await mkdir(trash, { recursive: true, mode: 448 });
    await rename3(doc.path, join2(trash, `${id}-${Date.now()}.json`));
    return true;
  }
  async settled() {
    await Promise.all([...this.#docs.values()].map((doc) => doc.settled()));
  }
  #openDocument(id) {
    return JsonDocument.open({
      path: join2(this.dir, `${id}.json`),
      schema: flowDocumentSchema,
      migrate: migrateFlowDocument,
      problems: this.problems,
      defaults: () => emptyFlow(id, "Untitled flow")
    });
  }
};
function emptyFlow(id, name, now = (/* @__PURE__ */ new Date()).toISOString()) {
  return {
    schemaVersion: 1,
    id,
    name,
    createdAt: now,
    updatedAt: now,
    revision: 0,
    draft: { nodes: [], edges: [], variables: [] },
    published: null
  };
}

// runtime/api/duplicate.ts
import { randomUUID } from "node:crypto";

// runtime/api/flows.ts
import { randomBytes as randomBytes2 } from "node:crypto";

// runtime/api/node-ids.ts
function nodeTypeChanges(published, draft) {
  const publishedTypes = new Map(published.nodes.map((node) => [node.id, node.type]));
  return draft.nodes.flatMap((node) => {
    const publishedType = publishedTypes.get(node.id);
    return publishedType === void 0 || publishedType === node.type ? [] : [{ nodeId: node.id, publishedType, draftType: node.type }];
  });
}
function assertNodeTypesKept(published, draft) {
  const changes = published ? nodeTypeChanges(published, draft) : [];
  const [first] = changes;
  if (!first) return;
  throw new ApiError(
    409,
    "node_id_changed",
    `Node "${first.nodeId}" is published as a "${first.publishedType}" node; its type cannot change to "${first.draftType}". Node ids are permanent (URLs are built from them): add a new node instead.`,
    { changes }
  );
}

// runtime/api/flows.ts
function newFlowId() {
  return `f_${randomBytes2(16).toString("base64url")}`;
}
function summarizeFlow(flow) {
  return {
    id: flow.id,
    name: flow.name,
    createdAt: flow.createdAt,
    updatedAt: flow.updatedAt,
    revision: flow.revision,
    nodeCount: flow.draft.nodes.length,
    publishedVersion: flow.published?.version ?? null,
    hasUnpublishedChanges: flow.published === null ? flow.draft.nodes.length > 0 : (
      // Published configs are stored parsed; compare the draft parsed the same way.
      JSON.stringify(flow.published.graph) !== JSON.stringify(withParsedConfigs(flow.draft))
    )
  };
}
function listFlows(ctx) {
  return ctx.flows.list().map(summarizeFlow).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
function getFlow(ctx, id) {
  const flow = ctx.flows.get(id);
  if (!flow) throw notFound("flow", id);
  return flow;
}
async function createFlow(ctx, input) {
  const { name, draft } = parseInput(createFlowInputSchema, input);
  const flow = emptyFlow(newFlowId(), name);
  if (draft) flow.draft = draft;
  assertGraphConsistent(flow.draft);
  return ctx.flows.create(flow);
}
async function updateFlow(ctx, id, input) {
  const patch = parseInput(updateFlowInputSchema, input);
  if (patch.draft) assertGraphConsistent(patch.draft);
  getFlow(ctx, id);
  const saved = await ctx.flows.update(id, (flow) => {
    if (patch.revision !== void 0 && patch.revision !== flow.revision) {
      throw revisionConflict(flow.revision);
    }
    if (patch.name !== void 0) flow.name = patch.name;
    if (patch.draft !== void 0) {
      assertNodeTypesKept(flow.published?.graph, patch.draft);
      flow.draft = patch.draft;
    }
    flow.revision += 1;
    flow.updatedAt = (/* @__PURE__ */ new Date()).toISOString();
  });
  if (!saved) throw notFound("flow", id);
  return saved;
}
async function deleteFlow(ctx, id) {
  if (!await ctx.flows.delete(id)) throw notFound("flow", id);
  ctx.events?.emit("flow-deleted", id);
  await ctx.versions.delete(id);
}
function revisionConflict(currentRevision) {
  return new ApiError(
    409,
    "revision_conflict",
    "This flow was changed elsewhere (another window?). Reload it to see the latest version.",
    { currentRevision }
  );
}
function assertGraphConsistent(graph, at = "draft") {
  const problems = [];
  const nodeIds = /* @__PURE__ */ new Set();
  graph.nodes.forEach((node, index) => {
    if (nodeIds.has(node.id)) {
      problems.push({
        path: `${at}.nodes[${index}].id`,
        message: `Duplicate node id "${node.id}"`
      });
    }
    nodeIds.add(node.id);
  });
  const edgeIds = /* @__PURE__ */ new Set();
  graph.edges.forEach((edge, index) => {
    if (edgeIds.has(edge.id)) {
      problems.push({
        path: `${at}.edges[${index}].id`,
        message: `Duplicate edge id "${edge.id}"`
      });
    }
    edgeIds.add(edge.id);
    for (const end2 of ["source", "target"]) {
      if (!nodeIds.has(edge[end2])) {
        problems.push({
          path: `${at}.edges[${index}].${end2}`,
          message: `Edge points to unknown node "${edge[end2]}"`
        });
      }
    }
  });
  const variableNames = /* @__PURE__ */ new Set();
  graph.variables.forEach((variable, index) => {
    if (variableNames.has(variable.name)) {
      problems.push({
        path: `${at}.variables[${index}].name`,
        message: `Duplicate variable "${variable.name}"`
      });
    }
    variableNames.add(variable.name);
  });
  if (problems.length > 0) {
    throw new ApiError(400, "invalid_input", problems[0]?.message ?? "Invalid graph", problems);
  }
}

// runtime/api/permanent-ids.ts
function configIdRenewer() {
  const fresh = /* @__PURE__ */ new Map();
  return (graph) => ({
    ...graph,
    nodes: graph.nodes.map((node) => {
      const definition = findNodeDefinition(node.type);
      if (!definition?.withFreshIds) return node;
      let fields = fresh.get(node.id);
      if (!fields) {
        const renewed = definition.withFreshIds(node.data.config);
        fields = Object.fromEntries(
          Object.entries(renewed).filter(([key, value]) => node.data.config[key] !== value)
        );
        fresh.set(node.id, fields);
      }
      return { ...node, data: { ...node.data, config: { ...node.data.config, ...fields } } };
    })
  });
}
function webhookIds(graph) {
  const ids = /* @__PURE__ */ new Map();
  for (const node of graph.nodes) {
    const id = node.type === "webhook-trigger" ? node.data.config.webhookId : void 0;
    if (typeof id === "string" && id !== "") ids.set(node.id, id);
  }
  return ids;
}
function webhookIdConflicts(flows, flowId, graph) {
  const mine = webhookIds(graph);
  if (mine.size === 0) return [];
  const owners = /* @__PURE__ */ new Map();
  for (const flow of flows.list()) {
    if (flow.id === flowId) continue;
    const graphs = flow.published ? [flow.draft, flow.published.graph] : [flow.draft];
    for (const other of graphs) {
      for (const id of webhookIds(other).values()) if (!owners.has(id)) owners.set(id, flow.name);
    }
  }
  const problems = [];
  const seen = /* @__PURE__ */ new Map();
  for (const [nodeId, id] of mine) {
    const owner = owners.get(id);
    const twin = seen.get(id);
    if (owner !== void 0 || twin !== void 0) {
      problems.push({
        nodeId,
        field: "webhookId",
        severity: "error",
        message: owner !== void 0 ? `This URL is already used by flow "${owner}"; generate a new one` : `This URL is also used by node ${twin} of this flow; generate a new one`
      });
    }
    seen.set(id, nodeId);
  }
  return problems;
}

// runtime/api/duplicate.ts
async function duplicateFlow(ctx, id, input) {
  const { name } = parseInput(duplicateInputSchema, input ?? {});
  const source = getFlow(ctx, id);
  const flow = emptyFlow(newFlowId(), uniqueFlowName(ctx, name ?? `Copy of ${source.name}`));
  flow.draft = configIdRenewer()(remapGraphIds(source.draft));
  return ctx.flows.create(flow);
}
function newGraphId(prefix) {
  return `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
}
function remapGraphIds(graph, newId = newGraphId) {
  const nodeIds = new Map(graph.nodes.map((node) => [node.id, newId("n")]));
  const remap = (id) => nodeIds.get(id) ?? id;
  return {
    nodes: graph.nodes.map((node) => ({
      ...node,
      id: remap(node.id),
      position: { ...node.position },
      data: { ...node.data, config: remapValues(node.data.config, nodeIds) }
    })),
    edges: graph.edges.map((edge) => ({
      ...edge,
      id: newId("e"),
      source: remap(edge.source),
      target: remap(edge.target)
    })),
    variables: graph.variables.map((variable) => ({ ...variable }))
  };
}
function uniqueFlowName(ctx, wanted) {
  const max = flowNameSchema.maxLength ?? 120;
  const taken = new Set(ctx.flows.list().map((flow) => flow.name));
  const base = wanted.trim().slice(0, max).trimEnd();
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, max - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
function remapValues(config, ids) {
  const walk = (value) => {
    if (typeof value === "string") return ids.get(value) ?? value;
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]));
    }
    return value;
  };
  return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, walk(value)]));
}

// runtime/api/publish.ts
function validateFlow(ctx, id) {
  return { problems: validateGraph(getFlow(ctx, id).draft) };
}
async function publishFlow(ctx, id, input) {
  const { revision } = parseInput(publishInputSchema, input ?? {});
  const flow = getFlow(ctx, id);
  if (revision !== void 0 && revision !== flow.revision) throw revisionConflict(flow.revision);
  return publishGraph(ctx, id, flow.draft);
}
async function publishGraph(ctx, id, graph) {
  const problems = [...validateGraph(graph), ...webhookIdConflicts(ctx.flows, id, graph)];
  if (hasErrors(problems)) throw invalidFlow(problems);
  const publishedAt = (/* @__PURE__ */ new Date()).toISOString();
  const snapshot = await ctx.versions.add(id, getFlow(ctx, id).published?.version ?? 0, {
    publishedAt,
    graph: withParsedConfigs(graph)
  });
  const saved = await ctx.flows.update(id, (flow) => {
    if (flow.published && flow.published.version > snapshot.version) return;
    flow.published = snapshot;
    flow.updatedAt = publishedAt;
  });
  if (!saved) throw notFound("flow", id);
  ctx.events?.emit("flow-published", id);
  return { flow: saved, warnings: problems };
}
async function unpublishFlow(ctx, id) {
  const wasPublished = getFlow(ctx, id).published !== null;
  const saved = await ctx.flows.update(id, (flow) => {
    if (flow.published === null) return;
    flow.published = null;
    flow.updatedAt = (/* @__PURE__ */ new Date()).toISOString();
  });
  if (!saved) throw notFound("flow", id);
  if (wasPublished) ctx.events?.emit("flow-unpublished", id);
  return saved;
}
async function listVersions(ctx, id) {
  const flow = getFlow(ctx, id);
  return (await keptVersions(ctx, flow)).map((snapshot) => ({
    version: snapshot.version,
    publishedAt: snapshot.publishedAt,
    nodeCount: snapshot.graph.nodes.length,
    live: snapshot.version === flow.published?.version
  }));
}
async function getVersion(ctx, id, version) {
  const flow = getFlow(ctx, id);
  if (!/^\d{1,9}$/.test(version)) {
    throw new ApiError(400, "invalid_input", `"${version}" is not a version number`);
  }
  const found = (await keptVersions(ctx, flow)).find(
    (snapshot) => snapshot.version === Number(version)
  );
  if (!found) {
    throw new ApiError(404, "not_found", `Version ${version} of this flow is not kept`);
  }
  return found;
}
function invalidFlow(problems, message, extraDetails = {}) {
  const errors = problems.filter((problem) => problem.severity === "error");
  return new ApiError(
    422,
    "invalid_flow",
    message ?? `${errors.length} ${errors.length === 1 ? "problem stops" : "problems stop"} this flow from being published`,
    { ...extraDetails, problems }
  );
}
async function keptVersions(ctx, flow) {
  const kept = await ctx.versions.list(flow.id);
  const live = flow.published;
  const all = live && !kept.some((snapshot) => snapshot.version === live.version) ? [...kept, live] : kept;
  return [...all].sort((a, b) => b.version - a.version);
}

// runtime/api/import-export.ts
function exportFlow(ctx, id) {
  const flow = getFlow(ctx, id);
  return {
    format: FLOW_FILE_FORMAT,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    name: flow.name,
    exportedAt: (/* @__PURE__ */ new Date()).toISOString(),
    draft: flow.draft,
    ...flow.published ? { published: flow.published } : {}
  };
}
function exportFileName(file) {
  const slug = file.name.replace(/[^A-Za-z0-9 _-]+/g, "").trim().replace(/\s+/g, "-").slice(0, 80);
  return `${slug || "flow"}.flow.json`;
}
async function importFlow(ctx, input) {
  const { document, publish, name } = parseInput(importInputSchema, input);
  const file = withFreshFileIds(parseFlowFile(document));
  const live = publish ? file.published?.graph ?? file.draft : void 0;
  if (live && file.published) assertDraftKeepsTypes(file.published.graph, file.draft);
  const flow = emptyFlow(newFlowId(), uniqueFlowName(ctx, name ?? file.name));
  flow.draft = file.draft;
  const created = await ctx.flows.create(flow);
  if (!live) {
    const problems = validateGraph(file.draft);
    if (file.published) problems.push(...await keepInHistory(ctx, created.id, file.published));
    return { flow: created, published: false, problems };
  }
  try {
    const { flow: published, warnings } = await publishGraph(ctx, created.id, live);
    return { flow: published, published: true, problems: warnings };
  } catch (error) {
    if (!(error instanceof ApiError && error.code === "invalid_flow")) throw error;
    const problems = validateGraph(live);
    const count = problems.filter((problem) => problem.severity === "error").length;
    throw invalidFlow(
      problems,
      `Imported "${created.name}" as a draft (flow ${created.id}), but ${count} ${count === 1 ? "problem stops" : "problems stop"} it from being published`,
      { flowId: created.id, importedAs: "draft" }
    );
  }
}
function withFreshFileIds(file) {
  const renew = configIdRenewer();
  return {
    ...file,
    draft: renew(file.draft),
    ...file.published ? { published: { ...file.published, graph: renew(file.published.graph) } } : {}
  };
}
function parseFlowFile(raw) {
  const looksLikeFile = typeof raw === "object" && raw !== null && "format" in raw;
  if (!looksLikeFile || raw.format !== FLOW_FILE_FORMAT) {
    throw new ApiError(
      400,
      "invalid_input",
      `This is not a Hookflow flow file: "format" must be "${FLOW_FILE_FORMAT}"`,
      [{ path: "document.format", message: `Expected "${FLOW_FILE_FORMAT}"` }]
    );
  }
  const version = declaredSchemaVersion(raw);
  if (version !== void 0 && version > CURRENT_SCHEMA_VERSION) {
    throw new ApiError(
      400,
      "unsupported_version",
      `This flow file was written by a newer Hookflow (schema version ${version}; this one reads up to ${CURRENT_SCHEMA_VERSION}). Update Hookflow to import it.`
    );
  }
  const { document } = parseInput(z18.object({ document: flowFileSchema }), {
    document: migrateFlowFile(raw)
  });
  assertGraphConsistent(document.draft, "document.draft");
  if (document.published) {
    assertGraphConsistent(document.published.graph, "document.published.graph");
  }
  return document;
}
function assertDraftKeepsTypes(published, draft) {
  const changes = nodeTypeChanges(published, draft);
  if (changes.length === 0) return;
  throw new ApiError(
    400,
    "invalid_input",
    `The file's draft changes the type of published node "${changes[0]?.nodeId}"; node ids are permanent`,
    changes.map((change) => ({
      path: "document.draft.nodes",
      message: `Node "${change.nodeId}" is published as "${change.publishedType}" but is "${change.draftType}" in the draft`
    }))
  );
}
async function keepInHistory(ctx, flowId, snapshot) {
  const problems = validateGraph(snapshot.graph);
  if (hasErrors(problems)) {
    return [
      {
        severity: "warning",
        message: "The file's published version does not validate in this Hookflow and was not kept; the draft was imported"
      }
    ];
  }
  await ctx.versions.add(flowId, 0, {
    publishedAt: snapshot.publishedAt,
    graph: withParsedConfigs(snapshot.graph)
  });
  return [];
}

// runtime/store/data-dir.ts
import { mkdir as mkdir2, rm as rm2, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join as join3, resolve as resolve2 } from "node:path";
function defaultDataDir(env = process.env) {
  if (env.HOOKFLOW_DATA_DIR) return resolve2(env.HOOKFLOW_DATA_DIR);
  const home = homedir();
  switch (process.platform) {
    case "win32":
      return join3(env.APPDATA ?? join3(home, "AppData", "Roaming"), "Hookflow");
    case "darwin":
      return join3(home, "Library", "Application Support", "Hookflow");
    default:
      return join3(env.XDG_CONFIG_HOME ?? join3(home, ".config"), "Hookflow");
  }
}
var DataDirError = class extends Error {
  constructor(dataDir, cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      `Hookflow cannot write to its data folder ${dataDir} (${detail}). Fix its permissions or choose another folder with --data-dir or HOOKFLOW_DATA_DIR.`
    );
    this.dataDir = dataDir;
    this.name = "DataDirError";
  }
  dataDir;
};
async function ensureWritableDataDir(dataDir) {
  const probe = join3(dataDir, `.write-probe-${process.pid}`);
  try {
    await mkdir2(dataDir, { recursive: true, mode: 448 });
    await writeFile(probe, "ok");
    await rm2(probe, { force: true });
  } catch (error) {
    throw new DataDirError(dataDir, error);
  }
}

// runtime/cli/offline-flows.ts
import { stat } from "node:fs/promises";

// runtime/logger.ts
function format(message, fields) {
  return fields && Object.keys(fields).length > 0 ? `${message} ${JSON.stringify(fields)}` : message;
}
var consoleLogger = {
  info: (message, fields) => console.log(`[hookflow] ${format(message, fields)}`),
  warn: (message, fields) => console.warn(`[hookflow] warning: ${format(message, fields)}`),
  error: (message, fields) => console.error(`[hookflow] error: ${format(message, fields)}`)
};
var silentLogger = { info() {
}, warn() {
}, error() {
} };

// runtime/store/data-dir-lock.ts
import { open as open2, readFile as readFile2, rm as rm3 } from "node:fs/promises";
import { join as join4 } from "node:path";
var LOCK_FILE = "runtime.lock";
var DataDirLockedError = class extends Error {
  constructor(dataDir, pid) {
    super(
      `Another Hookflow (pid ${pid}) is already using the data folder ${dataDir}. Open it with \`hookflow open\`, stop it first, or choose another folder with --data-dir.`
    );
    this.dataDir = dataDir;
    this.pid = pid;
    this.name = "DataDirLockedError";
  }
  dataDir;
  pid;
};
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return typeof error === "object" && error !== null && "code" in error && error.code === "EPERM";
  }
}
var heldHere = /* @__PURE__ */ new Set();
async function lockDataDir(dataDir) {
  const path = join4(dataDir, LOCK_FILE);
  if (heldHere.has(path)) throw new DataDirLockedError(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open2(path, "wx", 384);
      await handle.writeFile(String(process.pid));
      await handle.close();
      heldHere.add(path);
      return {
        release: async () => {
          heldHere.delete(path);
          await rm3(path, { force: true });
        }
      };
    } catch (error) {
      if (!(typeof error === "object" && error !== null && "code" in error && error.code === "EEXIST"))
        throw error;
      const pid = Number((await readFile2(path, "utf8").catch(() => "")).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      await rm3(path, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}`);
}

// runtime/store/flow-versions-store.ts
import { access, mkdir as mkdir3, rename as rename4 } from "node:fs/promises";
import { join as join5 } from "node:path";
import { z as z19 } from "zod";
var versionsFileSchema = z19.object({ versions: z19.array(publishedSnapshotSchema) });
var FlowVersionsStore = class _FlowVersionsStore {
  constructor(dir, problems) {
    this.dir = dir;
    this.problems = problems;
  }
  dir;
  problems;
  /** Opened on first use: most flows' versions are never read while the runtime runs. */
  #docs = /* @__PURE__ */ new Map();
  static async open(dataDir, problems) {
    const store = new _FlowVersionsStore(join5(dataDir, "flows"), problems);
    await mkdir3(store.dir, { recursive: true, mode: 448 });
    return store;
  }
  /** Kept versions, oldest first. */
  async list(flowId) {
    return (await this.#document(flowId)).data.versions;
  }
  /**
   * Records a new version and returns it. The number is one more than any version this
   * flow has had (`atLeast` is the live one, in case this file was lost), computed inside
   * the serialized update so two publishes at once get two numbers.
   */
  async add(flowId, atLeast, snapshot) {
    const doc = await this.#document(flowId);
    let added;
    await doc.update((file) => {
      const last = Math.max(atLeast, ...file.versions.map((kept) => kept.version));
      added = { ...snapshot, version: last + 1 };
      file.versions = [...file.versions, added].slice(-KEPT_VERSIONS);
    });
    if (!added) throw new Error("The version was not recorded");
    return added;
  }
  /** Moves the versions file to `flows/deleted/` beside the deleted flow. */
  async delete(flowId) {
    const opened = this.#docs.get(flowId);
    this.#docs.delete(flowId);
    if (opened) await (await opened).settled();
    const path = this.#path(flowId);
    try {
      await access(path);
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    const trash = join5(this.dir, "deleted");
    await mkdir3(trash, { recursive: true, mode: 448 });
    await rename4(path, join5(trash, `${flowId}-${Date.now()}.versions.json`));
  }
  async settled() {
    await Promise.all([...this.#docs.values()].map(async (opened) => (await opened).settled()));
  }
  #path(flowId) {
    return join5(this.dir, `${flowId}.versions.json`);
  }
  #document(flowId) {
    let opened = this.#docs.get(flowId);
    if (!opened) {
      opened = JsonDocument.open({
        path: this.#path(flowId),
        schema: versionsFileSchema,
        problems: this.problems,
        defaults: () => ({ versions: [] })
      });
      opened.catch(() => this.#docs.delete(flowId));
      this.#docs.set(flowId, opened);
    }
    return opened;
  }
};

// runtime/store/store-problems.ts
var StoreProblems = class {
  #items = [];
  add(problem) {
    this.#items.push({ ...problem, at: (/* @__PURE__ */ new Date()).toISOString() });
  }
  list() {
    return this.#items;
  }
};

// runtime/cli/offline-flows.ts
async function withOfflineFlows(dataDir, options, work) {
  if (options.create) {
    await ensureWritableDataDir(dataDir);
  } else if (!(await stat(dataDir).catch(() => void 0))?.isDirectory()) {
    throw new Error(`There is no Hookflow data folder at ${dataDir}`);
  }
  const lock = await lockDataDir(dataDir);
  try {
    const problems = new StoreProblems();
    const ctx = {
      flows: await FlowsStore.open(dataDir, problems),
      versions: await FlowVersionsStore.open(dataDir, problems)
    };
    for (const problem of problems.list()) {
      consoleLogger.warn(`${problem.reason}. The file was kept as ${problem.keptAt}.`);
    }
    try {
      return await work(ctx);
    } finally {
      await Promise.all([ctx.flows.settled(), ctx.versions.settled()]);
    }
  } finally {
    await lock.release();
  }
}

// runtime/cli/running-runtime.ts
import { readFile as readFile7 } from "node:fs/promises";
import { join as join19 } from "node:path";
import { z as z31 } from "zod";

// runtime/index.ts
import { rm as rm7 } from "node:fs/promises";
import { join as join18, resolve as resolve5 } from "node:path";

// runtime/shared/tunnel.ts
import { z as z20 } from "zod";
var tunnelDomainSchema = z20.string().trim().toLowerCase().regex(
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
  "Enter a host name like my-bot.ngrok.app (no https://, no path)"
);
var tunnelSettingsInputSchema = z20.object({
  /** ngrok authtoken; stored encrypted, never returned. Empty string removes it. */
  authtoken: z20.string().trim().max(200).optional(),
  /** Empty string clears the reserved domain. */
  domain: z20.union([tunnelDomainSchema, z20.literal("")]).optional(),
  autoStart: z20.boolean().optional()
}).refine((input) => Object.keys(input).length > 0, {
  message: "Send authtoken, domain or autoStart"
});

// runtime/api/tunnel.ts
var AUTHTOKEN_SECRET_ID = "s_ngrok_authtoken";
function tunnelConfig(ctx) {
  const settings = ctx.settings.get().tunnel;
  return {
    authtoken: ctx.secrets.reveal(AUTHTOKEN_SECRET_ID) || void 0,
    domain: settings.domain || void 0,
    autoStart: settings.autoStart
  };
}
function tunnelStatus(ctx) {
  return ctx.tunnel.status();
}
async function updateTunnelSettings(ctx, input) {
  const { authtoken, domain, autoStart } = parseInput(tunnelSettingsInputSchema, input);
  if (authtoken === "") await ctx.secrets.delete(AUTHTOKEN_SECRET_ID);
  else if (authtoken !== void 0)
    await ctx.secrets.set(AUTHTOKEN_SECRET_ID, "ngrok-authtoken", authtoken);
  if (domain !== void 0 || autoStart !== void 0) {
    await ctx.settings.update({
      tunnel: {
        ...domain !== void 0 ? { domain: domain || void 0 } : {},
        ...autoStart !== void 0 ? { autoStart } : {}
      }
    });
  }
  return ctx.tunnel.status();
}
function startTunnel(ctx) {
  return ctx.tunnel.start();
}
function stopTunnel(ctx) {
  return ctx.tunnel.stop();
}

// runtime/api/runtime-events.ts
import { EventEmitter } from "node:events";
var RuntimeEvents = class {
  constructor(onListenerError = () => {
  }) {
    this.onListenerError = onListenerError;
  }
  onListenerError;
  #emitter = new EventEmitter();
  /** Subscribes; returns the function that unsubscribes. */
  on(event, listener) {
    const safe = (...args) => {
      try {
        Promise.resolve(listener(...args)).catch(
          (error) => this.onListenerError(event, error)
        );
      } catch (error) {
        this.onListenerError(event, error);
      }
    };
    this.#emitter.on(event, safe);
    return () => this.#emitter.off(event, safe);
  }
  emit(event, ...args) {
    this.#emitter.emit(event, ...args);
  }
};

// runtime/channels/test-chat/session-store.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import { join as join6 } from "node:path";
import { z as z22 } from "zod";

// runtime/shared/test-chat.ts
import { z as z21 } from "zod";
var chatMessageSchema = z21.object({
  /** Increases by one per message in a session; `after=<seq>` pages by it. */
  seq: z21.number().int().positive(),
  from: z21.enum(["bot", "user"]),
  text: z21.string(),
  buttons: z21.array(z21.object({ id: z21.string(), label: z21.string() })).optional(),
  at: z21.string()
});
var testChatSessionSchema = z21.object({
  id: z21.string(),
  flowId: z21.string(),
  draft: z21.boolean(),
  /** The run talking in this session now (a Jump moves it to the new flow's run). */
  runId: z21.string(),
  createdAt: z21.string(),
  updatedAt: z21.string(),
  nextSeq: z21.number().int().positive(),
  messages: z21.array(chatMessageSchema)
});
var createTestChatInputSchema = z21.object({
  flowId: z21.string().min(1),
  /** Test the draft instead of the published version. */
  draft: z21.boolean().default(false)
});
var testChatReplySchema = z21.union([
  z21.object({ text: z21.string().trim().min(1, "Write a message").max(4096) }).strict(),
  z21.object({ buttonId: z21.string().min(1).max(64) }).strict()
]);

// runtime/channels/test-chat/session-store.ts
var chatsDocumentSchema = z22.object({
  testSessions: z22.array(testChatSessionSchema).default([])
});
var MAX_SESSIONS = 20;
var MAX_MESSAGES = 300;
var TestChatStore = class _TestChatStore {
  constructor(doc) {
    this.doc = doc;
  }
  doc;
  static async open(dataDir, problems) {
    const doc = await JsonDocument.open({
      path: join6(dataDir, "chats.json"),
      schema: chatsDocumentSchema,
      problems,
      defaults: () => ({ testSessions: [] })
    });
    return new _TestChatStore(doc);
  }
  get(id) {
    return this.doc.data.testSessions.find((session) => session.id === id);
  }
  async create(flowId, draft, runId) {
    const now = (/* @__PURE__ */ new Date()).toISOString();
    const session = {
      id: newSessionId(),
      flowId,
      draft,
      runId,
      createdAt: now,
      updatedAt: now,
      nextSeq: 1,
      messages: []
    };
    await this.doc.update((data) => {
      data.testSessions.push(session);
      data.testSessions.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
      data.testSessions.splice(0, Math.max(0, data.testSessions.length - MAX_SESSIONS));
    });
    return session;
  }
  /** Appends a message; resolves with it once it is on disk. */
  async append(id, message) {
    let added;
    await this.doc.update((data) => {
      const session = data.testSessions.find((item) => item.id === id);
      if (!session) return;
      const at = (/* @__PURE__ */ new Date()).toISOString();
      added = { seq: session.nextSeq, ...message, at };
      session.nextSeq += 1;
      session.updatedAt = at;
      session.messages.push(added);
      session.messages.splice(0, Math.max(0, session.messages.length - MAX_MESSAGES));
    });
    return added;
  }
  async setRun(id, runId) {
    await this.doc.update((data) => {
      const session = data.testSessions.find((item) => item.id === id);
      if (session) session.runId = runId;
    });
  }
  settled() {
    return this.doc.settled();
  }
};
function newSessionId() {
  return `tc_${randomBytes3(12).toString("base64url")}`;
}

// runtime/channels/test-chat/test-chat.ts
var TEST_CHAT_CHANNEL = "test-chat";
var TestChat = class _TestChat {
  constructor(store) {
    this.store = store;
    this.channel = { name: TEST_CHAT_CHANNEL, bind: (key) => this.bind(key) };
  }
  store;
  channel;
  #listeners = /* @__PURE__ */ new Map();
  /** Session → its current run, ahead of the store's write. */
  #runs = /* @__PURE__ */ new Map();
  #detach;
  #closed = false;
  static async open(dataDir, problems) {
    return new _TestChat(await TestChatStore.open(dataDir, problems));
  }
  /** The binding a run uses to talk in this session, or undefined if it no longer exists. */
  bind(sessionId) {
    if (!this.store.get(sessionId)) return void 0;
    const say = async (text, buttons) => {
      const message = await this.store.append(sessionId, {
        from: "bot",
        text,
        ...buttons ? { buttons: buttons.map(({ id, label }) => ({ id, label })) } : {}
      });
      if (!message) throw new Error("The test chat session no longer exists");
      this.publish(sessionId, { type: "message", message });
    };
    return {
      ref: { channel: TEST_CHAT_CHANNEL, key: sessionId },
      sendText: (text) => say(text),
      sendButtons: (text, buttons) => say(text, buttons)
    };
  }
  /** The run talking in the session now. */
  currentRun(sessionId) {
    return this.#runs.get(sessionId) ?? (this.store.get(sessionId)?.runId || void 0);
  }
  /**
   * Follows the session's runs: its first run, then each run a Jump hands the conversation
   * to. Known in memory at once (the engine reports a run before it executes anything) and
   * stored for restarts.
   */
  attach(engine) {
    this.#detach = engine.onUpdate((update) => {
      const { chat } = update;
      if (chat?.channel !== TEST_CHAT_CHANNEL) return;
      const { run } = update;
      const sessionId = chat.key;
      const current = this.currentRun(sessionId);
      const takesOver = run.id !== current && (run.trigger.type === "test-chat" && current === void 0 || run.trigger.type === "jump" && run.trigger.parentRunId === current);
      if (takesOver) {
        this.#runs.set(sessionId, run.id);
        void this.store.setRun(sessionId, run.id).catch(() => void 0);
      }
      this.publish(sessionId, { type: "status" });
    });
  }
  publish(sessionId, event) {
    for (const listener of this.#listeners.get(sessionId) ?? []) {
      try {
        listener(event);
      } catch {
      }
    }
  }
  subscribe(sessionId, listener) {
    if (this.#closed) {
      queueMicrotask(() => listener({ type: "closed" }));
      return () => void 0;
    }
    let set = this.#listeners.get(sessionId);
    if (!set) this.#listeners.set(sessionId, set = /* @__PURE__ */ new Set());
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(sessionId);
    };
  }
  /** Resolves at the session's next event, after `ms`, or when `signal` aborts. */
  nextEvent(sessionId, ms, signal) {
    if (this.#closed || signal.aborted) return Promise.resolve();
    return new Promise((resolve8) => {
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
        signal.removeEventListener("abort", done);
        resolve8();
      };
      const timer = setTimeout(done, ms);
      const unsubscribe = this.subscribe(sessionId, done);
      signal.addEventListener("abort", done);
    });
  }
  /** Ends every open stream and long-poll (the runtime is stopping). */
  close() {
    this.#closed = true;
    this.#detach?.();
    for (const [sessionId] of this.#listeners) this.publish(sessionId, { type: "closed" });
    this.#listeners.clear();
  }
  settled() {
    return this.store.settled();
  }
};

// runtime/shared/run.ts
import { z as z23 } from "zod";
var runStatusSchema = z23.enum(["running", "waiting", "completed", "failed"]);
var runModeSchema = z23.enum(["full", "headless"]);
var runTriggerSchema = z23.object({
  type: z23.enum(["manual", "webhook", "test-chat", "jump"]),
  /** The trigger node the run started from. */
  nodeId: z23.string(),
  /** The inbound call that started it (webhook runs). */
  callId: z23.string().optional(),
  /** The run that jumped into this flow (jump runs). */
  parentRunId: z23.string().optional(),
  /** The logged call this run replays (an admin re-ran it). */
  replayOf: z23.string().optional()
});
var waitKindSchema = z23.enum(["input", "timer", "webhook"]);
var waitSpecSchema = z23.object({
  kind: waitKindSchema,
  nodeId: z23.string(),
  key: z23.string(),
  since: z23.string(),
  until: z23.string().optional(),
  timeoutHandle: z23.string().optional(),
  /** What the waiting node needs when it resumes (e.g. how many retries so far). */
  state: z23.record(z23.string(), z23.unknown()).optional()
});
var resumeEventSchema = z23.discriminatedUnion("kind", [
  z23.object({ kind: z23.literal("input"), text: z23.string(), buttonId: z23.string().optional() }),
  z23.object({ kind: z23.literal("timer") }),
  z23.object({ kind: z23.literal("webhook"), payload: z23.unknown().optional() }),
  z23.object({ kind: z23.literal("timeout") })
]);
var runStepSchema = z23.object({
  nodeId: z23.string(),
  nodeType: z23.string(),
  startedAt: z23.string(),
  endedAt: z23.string(),
  /** What the node received from outside: the reply that ended a wait. */
  input: z23.unknown().optional(),
  outputHandle: z23.string().optional(),
  /** Why the node did not execute (headless runs skip chat nodes). */
  skipped: z23.string().optional(),
  error: z23.string().optional()
});
var runFields = {
  id: z23.string(),
  flowId: z23.string(),
  flowVersion: z23.union([z23.literal("draft"), z23.number().int().positive()]),
  trigger: runTriggerSchema,
  mode: runModeSchema,
  status: runStatusSchema,
  variables: z23.record(z23.string(), z23.unknown()),
  startedAt: z23.string(),
  endedAt: z23.string().optional(),
  error: z23.string().optional(),
  waiting: waitSpecSchema.optional(),
  /** The End node's chosen variables. */
  output: z23.record(z23.string(), z23.unknown()).optional(),
  /** Set when a Jump handed the conversation to another flow's run. */
  jumpedTo: z23.object({ flowId: z23.string(), runId: z23.string() }).optional()
};
var runSchema = z23.object({ ...runFields, steps: z23.array(runStepSchema) });
var runSummarySchema = z23.object({ ...runFields, stepCount: z23.number().int() });
var RUN_ID_PATTERN = /^r_[A-Za-z0-9_-]{6,64}$/;

// runtime/engine/durability.ts
import { createHash, randomBytes as randomBytes4 } from "node:crypto";
function newRunId() {
  return `r_${randomBytes4(16).toString("base64url")}`;
}
function jumpRunId(parentId, stepNumber) {
  const digest = createHash("sha256").update(`${parentId}/jump/${stepNumber}`).digest("base64url");
  return `r_${digest.slice(0, 22)}`;
}
var stoppedWhileRunning = (node) => `Hookflow stopped while this run was running (at node ${node})`;

// runtime/engine/engine-support.ts
var EngineError = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
    this.name = "EngineError";
  }
  code;
};
var MAX_JUMPS = 16;
function manualTriggerNode(graph) {
  const manual = graph.nodes.find(
    (node) => node.type === "start" && node.data.config.triggerType !== "webhook"
  );
  if (manual) return manual.id;
  const triggers = graph.nodes.filter((node) => findNodeDefinition(node.type)?.isTrigger);
  return triggers.length === 1 ? triggers[0]?.id : void 0;
}
function jumpTarget(flow, flowId, from) {
  if (!flow) return { error: `Jump: there is no flow "${flowId}"` };
  if (!flow.published) return { error: `Jump: flow "${flow.name}" is not published` };
  const chain = [...from.jumpChain, from.run.flowId];
  if (chain.length >= MAX_JUMPS) {
    const path = [...chain.slice(0, 6), flowId].join(" \u2192 ");
    return {
      error: `Stopped after ${MAX_JUMPS} jumps between flows without waiting (flow ${path} \u2026)`
    };
  }
  const startNodeId = manualTriggerNode(flow.published.graph);
  if (!startNodeId) return { error: `Jump: flow "${flow.name}" has no manual Start node` };
  return { snapshot: flow.published, startNodeId, chain };
}
function waitSpecFor(active, transition) {
  const { request, nodeId, since } = transition;
  const base = {
    nodeId,
    since,
    ...request.state === void 0 ? {} : { state: request.state }
  };
  switch (request.kind) {
    case "timer":
      return { kind: "timer", key: active.id, until: request.until.toISOString(), ...base };
    case "input":
      if (!active.chat)
        return `Node ${active.graph.describe(nodeId)} waits for a reply, but no chat is bound`;
      return {
        kind: "input",
        key: active.chat.ref.key,
        ...base,
        ...request.timeout ? { until: request.timeout.at.toISOString(), timeoutHandle: request.timeout.handle } : {}
      };
    case "webhook":
      return {
        kind: "webhook",
        key: request.key,
        ...base,
        ...request.timeout ? { until: request.timeout.at.toISOString(), timeoutHandle: request.timeout.handle } : {}
      };
  }
}
async function beforeDeadline(promise, deadline) {
  let timer;
  const timeout = new Promise((resolve8) => {
    timer = setTimeout(() => resolve8(void 0), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// runtime/engine/graph-store.ts
import { mkdir as mkdir4, readdir as readdir2, readFile as readFile3, rm as rm4 } from "node:fs/promises";
import { join as join7 } from "node:path";
var REF = /^[0-9a-f]{32}$/;
var GraphStore = class _GraphStore {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  /** Refs known to be on disk (durably), so a busy flow writes its graph once. */
  #saved = /* @__PURE__ */ new Set();
  #writing = /* @__PURE__ */ new Map();
  static async open(dataDir) {
    const store = new _GraphStore(join7(dataDir, "run-graphs"));
    await mkdir4(store.dir, { recursive: true, mode: 448 });
    for (const name of await readdir2(store.dir)) {
      const ref = name.replace(/\.json$/, "");
      if (REF.test(ref)) store.#saved.add(ref);
    }
    return store;
  }
  /** Resolves once the graph is durably on disk. */
  save(index) {
    if (this.#saved.has(index.ref)) return Promise.resolve();
    let writing = this.#writing.get(index.ref);
    if (!writing) {
      writing = writeFileAtomic(this.#path(index.ref), JSON.stringify(index.graph)).then(() => {
        this.#saved.add(index.ref);
        this.#writing.delete(index.ref);
      });
      writing.catch(() => this.#writing.delete(index.ref));
      this.#writing.set(index.ref, writing);
    }
    return writing;
  }
  /** The stored graph, or undefined when it is missing or unreadable. */
  async load(ref) {
    if (!REF.test(ref)) return void 0;
    try {
      const parsed = draftGraphSchema.safeParse(
        JSON.parse(await readFile3(this.#path(ref), "utf8"))
      );
      return parsed.success ? parsed.data : void 0;
    } catch {
      return void 0;
    }
  }
  /**
   * Deletes graphs no active run needs. Called only while no run can start (on open),
   * so a graph cannot be deleted between a new run's save and its first checkpoint.
   */
  async prune(keep) {
    for (const ref of [...this.#saved]) {
      if (keep.has(ref)) continue;
      this.#saved.delete(ref);
      await rm4(this.#path(ref), { force: true });
    }
  }
  #path(ref) {
    return join7(this.dir, `${ref}.json`);
  }
};

// runtime/engine/loop-message.ts
var RECENT_NODES = 64;
var SHOWN = 8;
function loopMessage(steps, recent) {
  const last = recent.at(-1);
  let path = recent.slice(-SHOWN);
  if (last !== void 0) {
    const previous = recent.lastIndexOf(last, recent.length - 2);
    if (previous >= 0) path = recent.slice(previous, recent.length).slice(0, SHOWN + 1);
  }
  const shown = path.length > 0 ? ` (node ${path.join(" \u2192 ")} \u2026)` : "";
  return `Stopped after ${steps} steps: the flow loops without waiting${shown}`;
}

// runtime/engine/active-run.ts
var ActiveRun = class {
  run;
  graph;
  input;
  chat;
  cursor;
  stepsSinceWait;
  jumpChain;
  /** Node ids since the last wait, for the step-limit message. */
  recent = [];
  abort = new AbortController();
  /** True when something changed since the last checkpoint. */
  dirty = true;
  /** When the last checkpoint was written, and the engine's append count then (retention). */
  checkpointedAt = 0;
  checkpointAppend = 0;
  #seq;
  #baseSeq;
  #savedSteps;
  #queue = Promise.resolve();
  #scope;
  #variables;
  #endWaiters = [];
  #hasEnded = false;
  constructor(state) {
    this.run = state.run;
    this.graph = state.graph;
    this.input = state.input;
    this.chat = state.chat;
    this.cursor = state.cursor;
    this.stepsSinceWait = state.stepsSinceWait;
    this.jumpChain = state.jumpChain;
    this.#seq = state.seq;
    this.#baseSeq = state.baseSeq;
    this.#savedSteps = state.savedSteps;
    const vars = this.run.variables;
    this.#variables = {
      get: (name) => Object.hasOwn(vars, name) ? vars[name] : void 0,
      set: (name, value) => {
        Object.defineProperty(vars, name, {
          value,
          enumerable: true,
          writable: true,
          configurable: true
        });
        this.#scope = void 0;
        this.dirty = true;
      },
      all: () => vars
    };
  }
  get id() {
    return this.run.id;
  }
  /** Runs `task` after every earlier task on this run has finished. */
  exclusive(task) {
    const result = this.#queue.then(task);
    this.#queue = result.then(
      () => void 0,
      () => void 0
    );
    return result;
  }
  /** Resolves with the final run once it has completed or failed (durably). */
  ended() {
    if (this.#hasEnded) return Promise.resolve(this.snapshot());
    return new Promise((resolve8) => this.#endWaiters.push(resolve8));
  }
  markEnded() {
    this.#hasEnded = true;
    if (this.#endWaiters.length === 0) return;
    const final = this.snapshot();
    for (const resolve8 of this.#endWaiters.splice(0)) resolve8(final);
  }
  addStep(step) {
    this.run.steps.push(step);
    this.stepsSinceWait += 1;
    this.recent.push(step.nodeId);
    if (this.recent.length > RECENT_NODES) this.recent.shift();
    this.dirty = true;
  }
  /** A wait resets the loop counters: a loop that waits is a conversation, not a runaway. */
  resetLoopCounters() {
    this.stepsSinceWait = 0;
    this.jumpChain = [];
    this.recent.length = 0;
  }
  /**
   * The checkpoint record for the current state; call `saved()` once it is durable. A full
   * record repeats every step and the input (the first record, and compactions).
   */
  record(at, full = this.#seq === 0) {
    const { steps, ...rest } = this.run;
    return {
      ...rest,
      at,
      seq: this.#seq,
      steps: full ? steps : steps.slice(this.#savedSteps),
      stepCount: steps.length,
      ...full ? { full: true, input: this.input } : {},
      baseSeq: full ? this.#seq : this.#baseSeq,
      graphRef: this.graph.ref,
      ...this.chat ? { chat: this.chat.ref } : {},
      ...this.cursor ? { cursor: this.cursor } : {},
      stepsSinceWait: this.stepsSinceWait,
      jumpChain: this.jumpChain
    };
  }
  saved(record, appendNumber) {
    this.#seq = record.seq + 1;
    this.#baseSeq = record.baseSeq;
    this.#savedSteps = record.stepCount;
    this.dirty = false;
    this.checkpointedAt = Date.parse(record.at);
    this.checkpointAppend = appendNumber;
  }
  /** A copy the caller may keep: later steps do not change it. */
  snapshot() {
    return structuredClone(this.run);
  }
  context(nodeId, now) {
    const scope = () => {
      this.#scope ??= {
        ...this.run.variables,
        body: this.input.body,
        query: this.input.query,
        headers: this.input.headers,
        params: this.input.params,
        ip: this.input.ip,
        method: this.input.method,
        trigger: this.run.trigger,
        vars: this.run.variables
      };
      return this.#scope;
    };
    return {
      runId: this.run.id,
      flowId: this.run.flowId,
      flowVersion: this.run.flowVersion,
      nodeId,
      mode: this.run.mode,
      variables: this.#variables,
      scope,
      interpolate: (template) => interpolate(template, scope()),
      interpolateText: (template) => interpolateText(template, scope()),
      readPath: (path) => readPath(scope(), path),
      ...this.chat ? { chat: this.chat } : {},
      now,
      signal: this.abort.signal
    };
  }
};

// runtime/engine/graph-index.ts
import { createHash as createHash2 } from "node:crypto";
var cache = /* @__PURE__ */ new WeakMap();
function graphRef(graph) {
  return createHash2("sha256").update(JSON.stringify(graph)).digest("hex").slice(0, 32);
}
function indexGraph(graph) {
  const cached = cache.get(graph);
  if (cached) return cached;
  const index = buildIndex(structuredClone(graph));
  cache.set(graph, index);
  return index;
}
function buildIndex(graph) {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const edges = /* @__PURE__ */ new Map();
  for (const edge of graph.edges)
    edges.set(`${edge.source}\0${edge.sourceHandle}`, edge.target);
  const configs = /* @__PURE__ */ new Map();
  const definition = (node) => {
    const found = findNodeDefinition(node.type);
    if (!found) throw new Error(`Unknown node type "${node.type}"`);
    return found;
  };
  return {
    ref: graphRef(graph),
    graph,
    node: (id) => nodes.get(id),
    definition,
    target: (nodeId, handle) => edges.get(`${nodeId}\0${handle}`),
    config(node) {
      let parsed = configs.get(node.id);
      if (!parsed) {
        const def = definition(node);
        const result = def.configSchema.safeParse(node.data.config);
        if (result.success) {
          const outputs = def.outputs(result.data);
          parsed = {
            ok: true,
            config: result.data,
            handles: new Set(outputs.map((output) => output.id))
          };
        } else {
          parsed = {
            ok: false,
            message: zodProblems(result.error).map(
              (problem) => problem.path ? `${problem.path}: ${problem.message}` : problem.message
            ).join("; ")
          };
        }
        configs.set(node.id, parsed);
      }
      return parsed;
    },
    describe(nodeId) {
      const node = nodes.get(nodeId);
      if (!node) return `"${nodeId}"`;
      return node.data.label ? `"${node.data.label}" (${node.id})` : `"${node.id}" (${node.type})`;
    }
  };
}

// runtime/engine/run-record.ts
import { z as z25 } from "zod";

// runtime/engine/chat.ts
import { z as z24 } from "zod";
var chatRefSchema = z24.object({ channel: z24.string(), key: z24.string() });

// runtime/engine/run-record.ts
var runInputSchema = z25.object({
  body: z25.unknown().optional(),
  query: z25.record(z25.string(), z25.unknown()),
  headers: z25.record(z25.string(), z25.unknown()),
  params: z25.record(z25.string(), z25.unknown()),
  ip: z25.string(),
  method: z25.string()
});
function emptyRunInput() {
  return { body: void 0, query: {}, headers: {}, params: {}, ip: "", method: "" };
}
var runCursorSchema = z25.object({
  nodeId: z25.string(),
  resume: z25.object({ event: resumeEventSchema, wait: waitSpecSchema }).optional()
});
var runRecordSchema = runSchema.omit({ steps: true }).extend({
  at: z25.string(),
  /** This run's record number (0 for the start record): tells the latest one apart. */
  seq: z25.number().int().nonnegative(),
  /** Steps taken since this run's previous record — or all of them when `full`. */
  steps: z25.array(runStepSchema),
  /**
   * A self-contained record: every step so far and the input. The first record is one; a
   * long wait gets fresh ones (compaction), so retention may drop the records before it.
   */
  full: z25.boolean().optional(),
  /** The seq of this run's latest full record: where listing finds the run. */
  baseSeq: z25.number().int().nonnegative(),
  /** Steps in all records up to and including this one. */
  stepCount: z25.number().int().nonnegative(),
  /** Only on full records: it never changes and can be large. */
  input: runInputSchema.optional(),
  graphRef: z25.string(),
  chat: chatRefSchema.optional(),
  /** Set while running: what to execute next. */
  cursor: runCursorSchema.optional(),
  /** Steps since the run last waited (the runaway-loop limit counts these). */
  stepsSinceWait: z25.number().int().nonnegative(),
  /** Flows jumped through since the run last waited (the cross-flow recursion guard). */
  jumpChain: z25.array(z25.string())
});
function summarize(record) {
  const {
    at: _at,
    seq: _seq,
    steps: _steps,
    full: _full,
    baseSeq: _baseSeq,
    input: _input,
    graphRef: _graphRef,
    chat: _chat,
    cursor: _cursor,
    stepsSinceWait: _stepsSinceWait,
    jumpChain: _jumpChain,
    ...run
  } = record;
  return run;
}
function currentRecords(records) {
  const base = records.findLastIndex((record) => record.full === true);
  return base > 0 ? records.slice(base) : records;
}
function runFromRecords(records) {
  const latest = records.at(-1);
  if (!latest) return void 0;
  const { stepCount: _count, ...summary } = summarize(latest);
  return { ...summary, steps: currentRecords(records).flatMap((record) => record.steps) };
}
function inputFromRecords(records) {
  return currentRecords(records).find((record) => record.input !== void 0)?.input ?? emptyRunInput();
}

// runtime/engine/recovery.ts
async function recoverRuns(deps) {
  const records = await deps.log.unfinished();
  await deps.graphs.prune(new Set(records.map((record) => record.graphRef)));
  for (const record of records) {
    try {
      await recoverRun(record, deps);
    } catch (error) {
      deps.logger.error("could not recover a run", {
        runId: record.id,
        error: error instanceof Error ? error.message : String(error)
      });
    }
  }
  if (records.length > 0) deps.logger.info(`recovered ${records.length} unfinished run(s)`);
}
async function recoverRun(record, deps) {
  const failWith = (error) => {
    const at = deps.now().toISOString();
    const { cursor: _cursor, waiting: _waiting, input: _input, ...rest } = record;
    return deps.log.append({
      ...rest,
      at,
      seq: record.seq + 1,
      steps: [],
      status: "failed",
      endedAt: at,
      error
    });
  };
  const graph = await deps.graphs.load(record.graphRef);
  if (!graph)
    return failWith("Hookflow restarted and could not find the flow this run was executing");
  let chat;
  if (record.chat) {
    chat = deps.channels.get(record.chat.channel)?.bind(record.chat.key);
    if (!chat) {
      return failWith(
        `Hookflow restarted and the ${record.chat.channel} conversation of this run is gone`
      );
    }
  }
  const history = await deps.log.history(record.id);
  const run = runFromRecords(history);
  if (!run) return;
  const active = new ActiveRun({
    run,
    graph: indexGraph(graph),
    input: inputFromRecords(history),
    chat,
    cursor: record.cursor,
    stepsSinceWait: record.stepsSinceWait,
    jumpChain: record.jumpChain,
    seq: record.seq + 1,
    baseSeq: record.baseSeq,
    savedSteps: record.stepCount
  });
  active.dirty = false;
  active.checkpointedAt = Date.parse(record.at);
  if (record.status === "running") {
    const node = record.cursor ? active.graph.node(record.cursor.nodeId) : void 0;
    if (!node) return failWith(stoppedWhileRunning("unknown"));
    if (active.graph.definition(node).sideEffects === "unrepeatable") {
      return failWith(stoppedWhileRunning(active.graph.describe(node.id)));
    }
    deps.logger.info("resuming a run interrupted by a restart", {
      runId: record.id,
      node: node.id
    });
  }
  deps.adopt(active);
}

// runtime/engine/run-driver.ts
import { performance } from "node:perf_hooks";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";

// runtime/engine/run-log.ts
import { join as join9 } from "node:path";

// runtime/store/jsonl-log.ts
import { mkdir as mkdir5, rm as rm5 } from "node:fs/promises";
import { dirname as dirname2, resolve as resolve3 } from "node:path";

// runtime/store/jsonl/group-commit.ts
var SerialLock = class {
  #tail = Promise.resolve();
  run(task) {
    const result = this.#tail.then(task);
    this.#tail = result.then(
      () => void 0,
      () => void 0
    );
    return result;
  }
};
var GroupCommit = class {
  constructor(lock, maxBatchBytes, commit) {
    this.lock = lock;
    this.maxBatchBytes = maxBatchBytes;
    this.commit = commit;
  }
  lock;
  maxBatchBytes;
  commit;
  #waiting = [];
  #draining;
  submit(item, bytes) {
    return new Promise((resolve8, reject) => {
      this.#waiting.push({ item, bytes, resolve: resolve8, reject });
      this.#draining ??= this.#drain();
    });
  }
  /** Resolves once everything submitted so far has settled. */
  async idle() {
    while (this.#draining) await this.#draining;
  }
  async #drain() {
    while (this.#waiting.length > 0) {
      await this.lock.run(async () => {
        const batch = this.#take();
        try {
          await this.commit(batch.map((waiting) => waiting.item));
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
          return;
        }
        for (const waiting of batch) waiting.resolve();
      });
    }
    this.#draining = void 0;
  }
  #take() {
    let bytes = 0;
    let count = 0;
    for (const waiting of this.#waiting) {
      if (count > 0 && bytes + waiting.bytes > this.maxBatchBytes) break;
      bytes += waiting.bytes;
      count += 1;
    }
    return this.#waiting.splice(0, count);
  }
};

// runtime/store/jsonl/id-index.ts
var IdIndex = class {
  #entries = /* @__PURE__ */ new Map();
  add(id, latest, location) {
    const entry = this.#entries.get(id);
    if (entry) {
      entry.latest = latest;
      entry.locations.push(location);
    } else {
      this.#entries.set(id, { latest, locations: [location] });
    }
  }
  latest(id) {
    return this.#entries.get(id)?.latest;
  }
  /** Every id's latest value, in the order the ids first appeared. */
  *values() {
    for (const entry of this.#entries.values()) yield entry.latest;
  }
  locations(id) {
    return this.#entries.get(id)?.locations ?? [];
  }
  get size() {
    return this.#entries.size;
  }
  /**
   * Forgets every event in segments numbered `segment` or lower. Retention deletes only
   * the oldest segments, so an id whose latest event is gone has no events left at all.
   */
  dropThrough(segment) {
    for (const [id, entry] of this.#entries) {
      const kept = entry.locations.findIndex((location) => location.segment > segment);
      if (kept === -1) this.#entries.delete(id);
      else if (kept > 0) entry.locations.splice(0, kept);
    }
  }
};

// runtime/store/jsonl/log-reader.ts
import { open as open4 } from "node:fs/promises";

// runtime/store/jsonl/segment-files.ts
import { open as open3, readdir as readdir3, stat as stat2 } from "node:fs/promises";
import { join as join8 } from "node:path";
var SEGMENT_NAME = /^(\d+)\.jsonl$/;
function segmentPath(dir, segment) {
  return join8(dir, `${String(segment).padStart(8, "0")}.jsonl`);
}
async function listSegments(dir) {
  const entries = [];
  for (const name of await readdir3(dir)) {
    const match = SEGMENT_NAME.exec(name);
    if (!match?.[1]) continue;
    const path = join8(dir, name);
    const info = await stat2(path);
    entries.push({ segment: Number(match[1]), path, isFile: info.isFile(), mtimeMs: info.mtimeMs });
  }
  return entries.sort((a, b) => a.segment - b.segment);
}
async function createSegment(dir, segment) {
  const handle = await open3(segmentPath(dir, segment), "wx", 384);
  try {
    await syncDirectory(dir);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
async function writeFully(handle, data, position) {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
    if (bytesWritten === 0) throw new Error("The disk accepted no bytes");
    done += bytesWritten;
  }
}
async function readFully(handle, into, position) {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

// runtime/store/jsonl/line-reader.ts
var NEWLINE = 10;
var FORWARD_CHUNK = 256 * 1024;
var BACKWARD_CHUNK = 64 * 1024;
async function* readLinesForward(handle) {
  const buffer = Buffer.allocUnsafe(FORWARD_CHUNK);
  let position = 0;
  let carry = Buffer.alloc(0);
  for (; ; ) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    const data = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, bytesRead)]) : buffer.subarray(0, bytesRead);
    const dataOffset = position - carry.length;
    position += bytesRead;
    let start = 0;
    for (let end2 = data.indexOf(NEWLINE); end2 !== -1; end2 = data.indexOf(NEWLINE, start)) {
      const text = data.toString("utf8", start, end2);
      yield { offset: dataOffset + start, length: end2 - start, text, terminated: true };
      start = end2 + 1;
    }
    carry = Buffer.from(data.subarray(start));
  }
  if (carry.length > 0) {
    const offset2 = position - carry.length;
    yield { offset: offset2, length: carry.length, text: carry.toString("utf8"), terminated: false };
  }
}
async function* readLinesBackward(handle, end2) {
  let position = end2;
  let carry = Buffer.alloc(0);
  while (position > 0) {
    const start = Math.max(0, position - BACKWARD_CHUNK);
    const chunk = Buffer.allocUnsafe(position - start);
    const read = await readFully(handle, chunk, start);
    if (read < chunk.length) return;
    const data = carry.length > 0 ? Buffer.concat([chunk, carry]) : chunk;
    let lineEnd = data.length - 1;
    for (; ; ) {
      const previous = lineEnd > 0 ? data.lastIndexOf(NEWLINE, lineEnd - 1) : -1;
      if (previous === -1 && start > 0) {
        carry = Buffer.from(data.subarray(0, lineEnd + 1));
        break;
      }
      const lineStart = previous + 1;
      const text = data.toString("utf8", lineStart, lineEnd);
      yield { offset: start + lineStart, length: lineEnd - lineStart, text, terminated: true };
      if (previous === -1) break;
      lineEnd = previous;
    }
    position = start;
  }
}
function parseLine(text, schema) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not-json" };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, record: parsed.data } : { ok: false, reason: "wrong-shape" };
}

// runtime/store/jsonl/log-reader.ts
async function readPage(segments2, schema, query) {
  const { limit: limit2, before, filter } = query;
  if (!Number.isInteger(limit2) || limit2 < 1) {
    throw new RangeError("limit must be a positive integer");
  }
  const from = before === void 0 ? void 0 : decodeCursor(before);
  const found = [];
  for (const state of [...segments2].reverse()) {
    if (from && state.segment > from.segment) continue;
    const end2 = from?.segment === state.segment ? Math.min(from.offset, state.bytes) : state.bytes;
    const handle = await openForRead(state.path);
    if (!handle) continue;
    try {
      for await (const line of readLinesBackward(handle, end2)) {
        const parsed = parseLine(line.text, schema);
        if (!parsed.ok || filter && !filter(parsed.record)) continue;
        found.push({ record: parsed.record, segment: state.segment, offset: line.offset });
        if (found.length > limit2) break;
      }
    } finally {
      await handle.close();
    }
    if (found.length > limit2) break;
  }
  const items = found.slice(0, limit2).map((item) => item.record);
  const last = found[limit2 - 1];
  return found.length > limit2 && last ? { items, next: `${last.segment}.${last.offset}` } : { items };
}
async function readAt(locations, segments2, schema) {
  const records = [];
  let handle;
  let current;
  try {
    for (const location of locations) {
      if (location.segment !== current) {
        await handle?.close();
        current = location.segment;
        const state = segments2.find((segment) => segment.segment === current);
        handle = state ? await openForRead(state.path) : void 0;
      }
      if (!handle) continue;
      const bytes = Buffer.alloc(location.length);
      if (await readFully(handle, bytes, location.offset) < bytes.length) continue;
      const parsed = parseLine(bytes.toString("utf8"), schema);
      if (parsed.ok) records.push(parsed.record);
    }
  } finally {
    await handle?.close();
  }
  return records;
}
function decodeCursor(cursor) {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(cursor);
  if (!match) throw new ApiError(400, "invalid_cursor", "The page cursor is not valid");
  return { segment: Number(match[1]), offset: Number(match[2]) };
}
async function openForRead(path) {
  try {
    return await open4(path, "r");
  } catch (error) {
    if (isNotFound(error)) return void 0;
    throw error;
  }
}

// runtime/store/jsonl/retention.ts
var DAY_MS = 24 * 60 * 60 * 1e3;
function limit(value) {
  return Number.isFinite(value) ? Math.max(0, value) : Infinity;
}
function droppableSegments(segments2, policy, now) {
  const maxRecords = limit(policy.maxRecords);
  const cutoff = now.getTime() - limit(policy.maxAgeDays) * DAY_MS;
  const newer = [];
  let total = 0;
  for (let i = segments2.length - 1; i >= 0; i -= 1) {
    newer[i] = total;
    total += segments2[i]?.records ?? 0;
  }
  let count = 0;
  for (const [i, segment] of segments2.entries()) {
    const isActive = i === segments2.length - 1;
    if (isActive && segment.records === 0) break;
    const beyondCount = (newer[i] ?? 0) >= maxRecords;
    const beyondAge = segment.newestAt < cutoff;
    if (!beyondCount && !beyondAge) break;
    count += 1;
  }
  return count;
}

// runtime/store/jsonl/segment-scan.ts
import { open as open5 } from "node:fs/promises";
async function scanSegment(options) {
  const { path, schema, newest, problems, onRecord } = options;
  let records = 0;
  let invalid = 0;
  let newestAt = -Infinity;
  let size = 0;
  let last;
  const handle = await open5(path, "r");
  try {
    for await (const line of readLinesForward(handle)) {
      size = line.offset + line.length + (line.terminated ? 1 : 0);
      if (!line.terminated) {
        last = { line, notJson: true };
        break;
      }
      const parsed = parseLine(line.text, schema);
      last = { line, notJson: !parsed.ok && parsed.reason === "not-json" };
      if (!parsed.ok) {
        invalid += 1;
        continue;
      }
      records += 1;
      newestAt = Math.max(newestAt, timeOf(parsed.record.at));
      onRecord(parsed.record, line);
    }
  } finally {
    await handle.close();
  }
  let bytes = size;
  const torn = last && (!last.line.terminated || newest && last.notJson) ? last.line : void 0;
  if (torn) {
    if (torn.terminated) invalid -= 1;
    bytes = torn.offset;
    const keptAt = await cutTail(path, torn.offset, size);
    problems?.add({
      path,
      keptAt,
      reason: `${path} ended with an incomplete line of ${size - torn.offset} bytes (a write was interrupted); it was removed from the log and kept at ${keptAt}`
    });
  }
  if (invalid > 0) {
    problems?.add({
      path,
      keptAt: path,
      reason: `${path} has ${invalid} invalid line${invalid === 1 ? "" : "s"}; they are skipped and left in place`
    });
  }
  return { bytes, records, newestAt };
}
function timeOf(at) {
  const time = Date.parse(at);
  return Number.isNaN(time) ? Date.now() : time;
}
async function cutTail(path, from, size) {
  const handle = await open5(path, "r+");
  try {
    const tail = Buffer.alloc(size - from);
    await readFully(handle, tail, from);
    const keptAt = `${path}.torn-${(/* @__PURE__ */ new Date()).toISOString().replace(/[:.]/g, "-")}`;
    await writeFileAtomic(keptAt, tail);
    await handle.truncate(from);
    await handle.datasync();
    return keptAt;
  } finally {
    await handle.close();
  }
}

// runtime/store/jsonl/segment-writer.ts
import { open as open6 } from "node:fs/promises";
var SegmentWriter = class _SegmentWriter {
  constructor(dir, segment, committed, handle, maxSegmentBytes, onCreated) {
    this.dir = dir;
    this.segment = segment;
    this.committed = committed;
    this.maxSegmentBytes = maxSegmentBytes;
    this.onCreated = onCreated;
    this.#handle = handle;
  }
  dir;
  segment;
  committed;
  maxSegmentBytes;
  onCreated;
  #handle;
  #closed = false;
  /** Data syncs issued for appended data: one per committed batch. */
  fsyncs = 0;
  /** Continues the existing segment `segment` whose valid data ends at `bytes`. */
  static async resume(dir, segment, bytes, maxSegmentBytes, onCreated) {
    const handle = await open6(segmentPath(dir, segment), "r+");
    return new _SegmentWriter(dir, segment, bytes, handle, maxSegmentBytes, onCreated);
  }
  /** Starts a brand-new segment `segment`. */
  static async create(dir, segment, maxSegmentBytes, onCreated) {
    const handle = await createSegment(dir, segment);
    onCreated(segment, segmentPath(dir, segment));
    return new _SegmentWriter(dir, segment, 0, handle, maxSegmentBytes, onCreated);
  }
  get activeSegment() {
    return this.segment;
  }
  /** Writes `data` (whole lines) durably, rotating first if it would overflow the segment. */
  async append(data) {
    if (this.#closed) throw new Error("The log is closed");
    if (this.committed > 0 && this.committed + data.length > this.maxSegmentBytes) {
      await this.rotate();
    }
    const handle = await this.#writableHandle();
    const offset2 = this.committed;
    try {
      await writeFully(handle, data, offset2);
      await handle.datasync();
      this.fsyncs += 1;
    } catch (error) {
      await this.#undo(handle);
      throw error;
    }
    this.committed = offset2 + data.length;
    return { segment: this.segment, offset: offset2 };
  }
  /** Closes the active segment for good and starts the next one. */
  async rotate() {
    const next2 = this.segment + 1;
    const handle = await createSegment(this.dir, next2);
    const previous = this.#handle;
    this.#handle = handle;
    this.segment = next2;
    this.committed = 0;
    this.onCreated(next2, segmentPath(this.dir, next2));
    await previous?.close().catch(() => void 0);
  }
  async close() {
    this.#closed = true;
    const handle = this.#handle;
    this.#handle = void 0;
    await handle?.close();
  }
  async #writableHandle() {
    if (this.#handle) return this.#handle;
    const handle = await open6(segmentPath(this.dir, this.segment), "r+");
    try {
      await handle.truncate(this.committed);
      await handle.datasync();
    } catch (error) {
      await handle.close();
      throw error;
    }
    this.#handle = handle;
    return handle;
  }
  async #undo(handle) {
    try {
      await handle.truncate(this.committed);
      await handle.datasync();
    } catch {
      this.#handle = void 0;
      await handle.close().catch(() => void 0);
    }
  }
};

// runtime/store/jsonl-log.ts
var DEFAULT_MAX_SEGMENT_BYTES = 8 * 1024 * 1024;
var RETENTION_INTERVAL_MS = 6e4;
var JsonlLog = class _JsonlLog {
  constructor(options, segments2, index, writer, project2) {
    this.options = options;
    this.segments = segments2;
    this.index = index;
    this.writer = writer;
    this.#logger = options.logger ?? silentLogger;
    this.#project = project2;
    this.#commits = new GroupCommit(
      this.#lock,
      options.maxSegmentBytes ?? DEFAULT_MAX_SEGMENT_BYTES,
      (batches) => this.#commit(batches.flat())
    );
  }
  options;
  segments;
  index;
  writer;
  #lock = new SerialLock();
  #commits;
  #logger;
  #project;
  #closed = false;
  #appends = 0;
  #lastRetention = 0;
  static async open(options) {
    const { dir, schema, problems } = options;
    const project2 = options.project ?? ((record) => record);
    const created = await mkdir5(dir, { recursive: true, mode: 448 });
    for (let folder = resolve3(dir); created !== void 0; folder = dirname2(folder)) {
      await syncDirectory(dirname2(folder));
      if (folder === resolve3(created) || dirname2(folder) === folder) break;
    }
    const entries = await listSegments(dir);
    const segments2 = [];
    const index = new IdIndex();
    const files = entries.filter((entry) => entry.isFile);
    for (const entry of entries) {
      if (entry.isFile) continue;
      problems?.add({
        path: entry.path,
        keptAt: entry.path,
        reason: `${entry.path} is not a file; it is ignored`
      });
    }
    for (const [i, entry] of files.entries()) {
      const scanned = await scanSegment({
        path: entry.path,
        schema,
        newest: i === files.length - 1,
        problems,
        onRecord: (record, line) => index.add(record.id, project2(record), {
          segment: entry.segment,
          offset: line.offset,
          length: line.length
        })
      });
      segments2.push({
        segment: entry.segment,
        path: entry.path,
        bytes: scanned.bytes,
        records: scanned.records,
        // An empty segment is as old as its last write.
        newestAt: scanned.records > 0 ? scanned.newestAt : entry.mtimeMs
      });
    }
    const maxBytes = options.maxSegmentBytes ?? DEFAULT_MAX_SEGMENT_BYTES;
    const onCreated = (segment, path) => void segments2.push({ segment, path, bytes: 0, records: 0, newestAt: -Infinity });
    const newest = segments2.at(-1);
    const highest = entries.at(-1)?.segment ?? 0;
    const writer = newest && newest.segment === highest ? await SegmentWriter.resume(dir, newest.segment, newest.bytes, maxBytes, onCreated) : await SegmentWriter.create(dir, highest + 1, maxBytes, onCreated);
    const log = new _JsonlLog(options, segments2, index, writer, project2);
    if (options.retention) await log.applyRetention();
    return log;
  }
  /** Resolves once the record is fsync'd. Rejects (nothing written) if it fails its schema. */
  append(record) {
    return this.appendMany([record]);
  }
  /** All or nothing for validation; the records are committed together, in order. */
  async appendMany(records) {
    if (this.#closed) throw new Error("The log is closed");
    const validate = this.options.validateAppends !== false;
    const copy = !validate && this.options.project === void 0;
    const encoded = records.map((record) => {
      const text = JSON.stringify(record);
      return {
        record: validate ? this.options.schema.parse(JSON.parse(text)) : (
          // The index must not share objects the caller may change later. The text was
          // serialized from an R just above, so reading it back gives an R.
          copy ? JSON.parse(text) : record
        ),
        text,
        bytes: Buffer.byteLength(text)
      };
    });
    if (encoded.length === 0) return;
    const bytes = encoded.reduce((sum, item) => sum + item.bytes + 1, 0);
    await this.#commits.submit(encoded, bytes);
  }
  /** Newest first. `before`: the `next` of a previous page. */
  page(query) {
    return readPage(
      this.segments.map((state) => ({ ...state })),
      this.options.schema,
      query
    );
  }
  /** The latest record with this id (or its projection), from memory. Treat it as read-only. */
  latest(id) {
    return this.index.latest(id);
  }
  /** Every id's latest record (or projection), from memory, oldest id first. */
  latestAll() {
    return this.index.values();
  }
  /** The whole latest record with this id, read from disk. */
  async readLatest(id) {
    const last = this.index.locations(id).at(-1);
    if (!last) return void 0;
    return (await readAt([last], [...this.segments], this.options.schema))[0];
  }
  /** Every record with this id, oldest first, read from disk at the indexed positions. */
  history(id) {
    return readAt([...this.index.locations(id)], [...this.segments], this.options.schema);
  }
  /**
   * Deletes the oldest segments whose records are all beyond retention (never rewrites
   * one); returns how many records went. Also runs on open and at most once a minute
   * after appends.
   */
  applyRetention(now = /* @__PURE__ */ new Date()) {
    const policy = this.options.retention;
    if (!policy) return Promise.resolve(0);
    return this.#lock.run(async () => {
      this.#lastRetention = Date.now();
      const count = droppableSegments(this.segments, policy(), now);
      if (count === 0 || this.#closed) return 0;
      if (count === this.segments.length) await this.writer.rotate();
      let dropped = 0;
      let through;
      try {
        for (let i = 0; i < count; i += 1) {
          const state = this.segments[0];
          if (!state) break;
          await rm5(state.path, { force: true });
          this.segments.shift();
          dropped += state.records;
          through = state.segment;
        }
      } finally {
        if (through !== void 0) this.index.dropThrough(through);
      }
      await syncDirectory(this.options.dir);
      return dropped;
    });
  }
  stats() {
    return {
      appends: this.#appends,
      fsyncs: this.writer.fsyncs,
      segments: this.segments.length,
      records: this.segments.reduce((sum, state) => sum + state.records, 0)
    };
  }
  /** Waits for pending appends, then closes the file. Appends after this reject. */
  async close() {
    if (this.#closed) return;
    this.#closed = true;
    await this.#commits.idle();
    await this.#lock.run(() => this.writer.close());
  }
  /** Runs under the lock, one batch at a time. Throws to reject the whole batch. */
  async #commit(batch) {
    const data = Buffer.from(`${batch.map((item) => item.text).join("\n")}
`);
    const written = await this.writer.append(data);
    const state = this.segments.findLast((segment) => segment.segment === written.segment);
    if (!state) throw new Error(`Segment ${written.segment} is not tracked`);
    let offset2 = written.offset;
    for (const { record, bytes } of batch) {
      this.index.add(record.id, this.#project(record), {
        segment: written.segment,
        offset: offset2,
        length: bytes
      });
      state.records += 1;
      state.newestAt = Math.max(state.newestAt, timeOf(record.at));
      offset2 += bytes + 1;
    }
    state.bytes = offset2;
    this.#appends += batch.length;
    if (this.options.retention && Date.now() - this.#lastRetention >= RETENTION_INTERVAL_MS) {
      this.#lastRetention = Date.now();
      this.applyRetention().catch(
        (error) => this.#logger.warn("Log retention failed", {
          dir: this.options.dir,
          error: error instanceof Error ? error.message : String(error)
        })
      );
    }
  }
};

// runtime/engine/run-log.ts
var RECORDS_PER_RUN = 3;
function head(record) {
  return {
    id: record.id,
    seq: record.seq,
    baseSeq: record.baseSeq,
    status: record.status,
    flowId: record.flowId,
    startedAt: record.startedAt
  };
}
var RunLog = class _RunLog {
  constructor(log) {
    this.log = log;
  }
  log;
  static async open(dataDir, settings, logger, problems) {
    const log = await JsonlLog.open({
      dir: join9(dataDir, "runs"),
      schema: runRecordSchema,
      retention: () => ({
        maxRecords: settings().retentionCount * RECORDS_PER_RUN,
        maxAgeDays: settings().retentionDays
      }),
      // Records are built by typed code (ActiveRun.record); every webhook run appends two,
      // so they are serialized once rather than also re-parsed through the schema.
      validateAppends: false,
      project: head,
      problems,
      logger
    });
    return new _RunLog(log);
  }
  /** Resolves once the record is on disk (fsync'd; concurrent appends share one fsync). */
  append(record) {
    return this.log.append(record);
  }
  /** The run's latest record in brief, from memory. */
  latest(id) {
    return this.log.latest(id);
  }
  /** The run's latest record in full, from disk. */
  latestRecord(id) {
    return this.log.readLatest(id);
  }
  async history(id) {
    return [...await this.log.history(id)];
  }
  async read(id) {
    return runFromRecords(await this.history(id));
  }
  /**
   * Runs newest first by start, each with its current state: the run is found at its
   * (latest) full record — the start record, unless a long wait was compacted — and
   * described by `current(id)` (the engine's memory) or its latest record.
   */
  async page(query, current) {
    const { items, next: next2 } = await this.log.page({
      limit: query.limit,
      before: query.before,
      filter: (record) => {
        const latest = this.log.latest(record.id);
        if (record.full !== true || record.seq !== latest?.baseSeq) return false;
        const run = current(record.id) ?? latest;
        return (query.flowId === void 0 || run.flowId === query.flowId) && (query.status === void 0 || run.status === query.status) && (query.since === void 0 || run.startedAt >= query.since) && (query.until === void 0 || run.startedAt <= query.until);
      }
    });
    const runs = [];
    for (const record of items) {
      const live = current(record.id);
      if (live) {
        runs.push(live);
        continue;
      }
      const latest = record.seq === this.log.latest(record.id)?.seq ? record : void 0;
      const whole = latest ?? await this.log.readLatest(record.id);
      if (whole) runs.push(summarize(whole));
    }
    return { runs, ...next2 === void 0 ? {} : { next: next2 } };
  }
  /** Latest records of runs that were running or waiting when the log was last written. */
  async unfinished() {
    const found = [];
    let before;
    do {
      const page = await this.log.page({
        limit: 500,
        before,
        filter: (record) => (record.status === "running" || record.status === "waiting") && this.#isLatest(record)
      });
      found.push(...page.items);
      before = page.next;
    } while (before !== void 0);
    return found;
  }
  close() {
    return this.log.close();
  }
  /** The log keeps every record; a run's latest one is the one that counts. */
  #isLatest(record) {
    const latest = this.log.latest(record.id);
    return latest !== void 0 && latest.seq === record.seq;
  }
};

// runtime/engine/executor.ts
var next = (handle = "next") => ({ kind: "next", handle });
var wait = (request) => ({ kind: "wait", wait: request });
var fail = (error) => ({ kind: "fail", error });
var end = (output) => ({ kind: "end", output });
var goTo = (nodeId) => ({ kind: "goto", nodeId });
var startFlow = (flowId) => ({ kind: "start-flow", flowId });

// runtime/nodes/buttons/execute.ts
var buttonsExecutor = {
  async execute(ctx, config) {
    if (!ctx.chat) return fail("No chat is bound to this run");
    await ctx.chat.sendButtons(ctx.interpolateText(config.prompt), config.buttons);
    return wait({ kind: "input" });
  },
  async resume(ctx, config, event) {
    if (event.kind !== "input") return fail(`Expected a choice, got a ${event.kind} event`);
    const typed = event.text.trim().toLowerCase();
    const chosen = event.buttonId !== void 0 ? config.buttons.find((button) => button.id === event.buttonId) : config.buttons.find((button) => button.label.toLowerCase() === typed);
    if (!chosen) {
      if (ctx.chat) await ctx.chat.sendButtons("Please choose one of the options.", config.buttons);
      return wait({ kind: "input" });
    }
    if (config.variable) ctx.variables.set(config.variable, chosen.label);
    return next(chosen.id);
  }
};

// runtime/nodes/collect-input/parse-answer.ts
var NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;
var EMAIL = /^[^\s@]{1,64}@[^\s@.]+(?:\.[^\s@.]+)+$/;
var PHONE_SEPARATORS = /[\s().-]/g;
var PHONE = /^\+?\d{6,15}$/;
function parseAnswer(validation, reply) {
  const text = reply.trim();
  if (text === "") return { ok: false };
  switch (validation) {
    case "text":
      return { ok: true, value: text };
    case "number": {
      if (!NUMBER.test(text)) return { ok: false };
      const value = Number(text.replace(",", "."));
      return Number.isFinite(value) ? { ok: true, value } : { ok: false };
    }
    case "email":
      return text.length <= 254 && EMAIL.test(text) ? { ok: true, value: text } : { ok: false };
    case "phone": {
      const compact = text.replace(PHONE_SEPARATORS, "");
      return PHONE.test(compact) ? { ok: true, value: compact } : { ok: false };
    }
  }
}

// runtime/nodes/collect-input/execute.ts
function retriesSoFar(state) {
  const retries = state?.retries;
  return typeof retries === "number" && Number.isInteger(retries) && retries >= 0 ? retries : 0;
}
var collectInputExecutor = {
  async execute(ctx, config) {
    if (!ctx.chat) return fail("No chat is bound to this run");
    await ctx.chat.sendText(ctx.interpolateText(config.prompt));
    return wait({ kind: "input", state: { retries: 0 } });
  },
  async resume(ctx, config, event, waited) {
    if (event.kind !== "input") return fail(`Expected a reply, got a ${event.kind} event`);
    const answer = parseAnswer(config.validation, event.text);
    if (answer.ok) {
      if (config.variable) ctx.variables.set(config.variable, answer.value);
      return next();
    }
    const retries = retriesSoFar(waited.state);
    if (retries >= config.maxRetries) return next("failure");
    if (ctx.chat) await ctx.chat.sendText(ctx.interpolateText(config.retryMessage));
    return wait({ kind: "input", state: { retries: retries + 1 } });
  }
};

// runtime/nodes/condition/evaluate.ts
var NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
var MAX_REGEX_SUBJECT = 1e5;
function asNumber(value) {
  if (typeof value === "number") return Number.isFinite(value) ? value : void 0;
  if (typeof value === "string" && NUMERIC.test(value.trim())) return Number(value.trim());
  return void 0;
}
function isEmpty(value) {
  if (value === void 0 || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}
function equal(left, right) {
  const a = asNumber(left);
  const b = asNumber(right);
  if (a !== void 0 && b !== void 0) return a === b;
  return stringifyValue(left) === stringifyValue(right);
}
function compare(left, right) {
  const a = asNumber(left);
  const b = asNumber(right);
  if (a !== void 0 && b !== void 0) return Math.sign(a - b);
  if (typeof left === "string" && typeof right === "string" && left !== "" && right !== "") {
    return left < right ? -1 : left > right ? 1 : 0;
  }
  return void 0;
}
function evaluateRule(left, operator, right) {
  switch (operator) {
    case "equals":
      return { ok: true, value: equal(left, right) };
    case "not_equals":
      return { ok: true, value: !equal(left, right) };
    case "contains":
      return {
        ok: true,
        value: Array.isArray(left) ? left.some((item) => equal(item, right)) : stringifyValue(left).includes(stringifyValue(right))
      };
    case "starts_with":
      return { ok: true, value: stringifyValue(left).startsWith(stringifyValue(right)) };
    case "exists":
      return { ok: true, value: left !== void 0 && left !== null };
    case "is_empty":
      return { ok: true, value: isEmpty(left) };
    case "greater_than":
      return { ok: true, value: compare(left, right) === 1 };
    case "less_than":
      return { ok: true, value: compare(left, right) === -1 };
    case "regex": {
      const pattern = compileRulePattern(stringifyValue(right));
      if (!(pattern instanceof RegExp)) return { ok: false, error: pattern.problem };
      return { ok: true, value: pattern.test(stringifyValue(left).slice(0, MAX_REGEX_SUBJECT)) };
    }
  }
}

// runtime/nodes/condition/execute.ts
function leftValue(ctx, left) {
  if (hasTemplateReferences(left)) return ctx.interpolate(left);
  const path = left.trim();
  return tryParsePath(path).ok ? ctx.readPath(path) : left;
}
var conditionExecutor = {
  execute(ctx, config) {
    const all = config.match === "all";
    for (const [index, rule] of config.rules.entries()) {
      const result = evaluateRule(
        leftValue(ctx, rule.left),
        rule.operator,
        ctx.interpolate(rule.right)
      );
      if (!result.ok) return fail(`Rule ${index + 1}: ${result.error}`);
      if (all && !result.value) return next("else");
      if (!all && result.value) return next("true");
    }
    return next(all ? "true" : "else");
  }
};

// runtime/nodes/delay/execute.ts
var delayExecutor = {
  execute(ctx, config) {
    const ms = delayMs(config);
    if (ms <= 0) return next();
    return wait({ kind: "timer", until: new Date(ctx.now().getTime() + ms) });
  },
  resume: () => next()
};

// runtime/nodes/end/execute.ts
var endExecutor = {
  execute(ctx, config) {
    if (config.result.length === 0) return end();
    const variables = ctx.variables.all();
    const output = {};
    for (const name of config.result) output[name] = variables[name] ?? null;
    return end(output);
  }
};

// runtime/nodes/jump/execute.ts
var jumpExecutor = {
  execute(_ctx, config) {
    if (config.to === "flow")
      return config.flowId ? startFlow(config.flowId) : fail("No flow chosen");
    return config.nodeId ? goTo(config.nodeId) : fail("No node chosen to jump to");
  }
};

// runtime/nodes/send-message/execute.ts
var sendMessageExecutor = {
  async execute(ctx, config) {
    if (!ctx.chat) return fail("No chat is bound to this run");
    const text = ctx.interpolateText(config.text);
    if (text.trim() === "") return fail("The message is empty");
    await ctx.chat.sendText(text);
    return next();
  }
};

// runtime/nodes/set-variable/execute.ts
var setVariableExecutor = {
  execute(ctx, config) {
    if (config.variable === "") return fail("No variable chosen");
    const value = config.source === "path" ? ctx.readPath(config.path) : ctx.interpolate(config.value);
    ctx.variables.set(config.variable, value);
    return next();
  }
};

// runtime/nodes/start/execute.ts
var startExecutor = {
  execute: () => next()
};

// runtime/nodes/webhook-trigger/execute.ts
var compiled = /* @__PURE__ */ new WeakMap();
function compile(config) {
  let found = compiled.get(config);
  if (!found) {
    const segments2 = (path) => {
      const parsed = path ? tryParsePath(path) : void 0;
      return parsed?.ok ? parsed.segments : void 0;
    };
    found = {
      mappings: config.mappings.map((mapping) => ({
        variable: mapping.variable,
        path: segments2(mapping.path)
      })),
      eventPath: segments2(config.events.path),
      cases: config.events.cases.map((item) => {
        const { parts } = parseTemplate(item.value);
        const literal = parts.every((part) => part.type === "text");
        return { id: item.id, template: item.value, literal: literal ? item.value : void 0 };
      })
    };
    compiled.set(config, found);
  }
  return found;
}
var webhookTriggerExecutor = {
  execute(ctx, config) {
    const plan = compile(config);
    const scope = ctx.scope();
    const values = plan.mappings.map(
      (mapping) => mapping.path ? readPath(scope, mapping.path) : void 0
    );
    plan.mappings.forEach((mapping, index) => ctx.variables.set(mapping.variable, values[index]));
    if (config.saveFullBodyAs) ctx.variables.set(config.saveFullBodyAs, scope.body);
    if (plan.cases.length === 0) return next();
    return next(routeEvent(ctx, plan));
  }
};
function routeEvent(ctx, plan) {
  if (!plan.eventPath) return "else";
  const event = readPath(ctx.scope(), plan.eventPath);
  if (event === void 0 || event === null) return "else";
  const text = stringifyValue(event);
  const match = plan.cases.find(
    (item) => (item.literal ?? ctx.interpolateText(item.template)) === text
  );
  return match ? match.id : "else";
}

// runtime/nodes/executors.ts
var executors = {
  start: startExecutor,
  "webhook-trigger": webhookTriggerExecutor,
  "send-message": sendMessageExecutor,
  "collect-input": collectInputExecutor,
  buttons: buttonsExecutor,
  condition: conditionExecutor,
  "set-variable": setVariableExecutor,
  delay: delayExecutor,
  jump: jumpExecutor,
  end: endExecutor
};
function executorFor(type) {
  return executors[type];
}

// runtime/engine/step.ts
var SKIPPED_NO_CHAT = "no chat bound";
async function takeStep(active, deps) {
  const cursor = active.cursor;
  if (!cursor) return { kind: "fail", error: "The run has no next node" };
  const node = active.graph.node(cursor.nodeId);
  if (!node) return { kind: "fail", error: `The flow has no node "${cursor.nodeId}"` };
  const definition = active.graph.definition(node);
  const name = active.graph.describe(node.id);
  const startedAt = cursor.resume?.wait.since ?? deps.now().toISOString();
  const step = (fields) => ({
    nodeId: node.id,
    nodeType: node.type,
    startedAt,
    endedAt: deps.now().toISOString(),
    ...fields
  });
  const parsed = active.graph.config(node);
  if (!parsed.ok) {
    const error = `Node ${name} has an invalid configuration: ${parsed.message}`;
    active.addStep(step({ error }));
    return { kind: "fail", error };
  }
  if (definition.needsChat && !active.chat) {
    const handle = parsed.handles.has("next") ? "next" : void 0;
    active.addStep(step({ skipped: SKIPPED_NO_CHAT, outputHandle: handle }));
    const target = handle && active.graph.target(node.id, handle);
    return target ? { kind: "goto", nodeId: target } : { kind: "complete" };
  }
  if (definition.sideEffects !== "none") await deps.beforeSideEffects();
  const resume = cursor.resume;
  let outcome;
  try {
    const executor = executorFor(node.type);
    const ctx = active.context(node.id, deps.now);
    if (!resume) outcome = await executor.execute(ctx, parsed.config);
    else if (resume.event.kind === "timeout")
      outcome = next(resume.wait.timeoutHandle ?? "timeout");
    else if (executor.resume)
      outcome = await executor.resume(ctx, parsed.config, resume.event, resume.wait);
    else outcome = next();
  } catch (error) {
    outcome = { kind: "fail", error: error instanceof Error ? error.message : String(error) };
  }
  const input = resume && resume.event.kind !== "timer" ? eventInput(resume.event) : void 0;
  const withInput = input === void 0 ? {} : { input };
  switch (outcome.kind) {
    case "next": {
      if (!parsed.handles.has(outcome.handle) && outcome.handle !== resume?.wait.timeoutHandle) {
        const error = `Node ${name} chose an output it does not have ("${outcome.handle}")`;
        active.addStep(step({ ...withInput, error }));
        return { kind: "fail", error };
      }
      active.addStep(step({ ...withInput, outputHandle: outcome.handle }));
      const target = active.graph.target(node.id, outcome.handle);
      return target ? { kind: "goto", nodeId: target } : { kind: "complete" };
    }
    case "wait":
      return { kind: "wait", nodeId: node.id, request: outcome.wait, since: startedAt };
    case "fail":
      active.addStep(step({ ...withInput, error: outcome.error }));
      return { kind: "fail", error: `Node ${name} failed: ${outcome.error}` };
    case "end":
      active.addStep(step(withInput));
      return { kind: "complete", output: outcome.output };
    case "goto":
      active.addStep(step({ ...withInput, outputHandle: `jump:${outcome.nodeId}` }));
      return active.graph.node(outcome.nodeId) ? { kind: "goto", nodeId: outcome.nodeId } : {
        kind: "fail",
        error: `Node ${name} jumps to "${outcome.nodeId}", which is not in this flow`
      };
    case "start-flow":
      active.addStep(step({ ...withInput, outputHandle: `flow:${outcome.flowId}` }));
      return { kind: "start-flow", flowId: outcome.flowId };
  }
}
function eventInput(event) {
  switch (event.kind) {
    case "input":
      return event.buttonId === void 0 ? { text: event.text } : { text: event.text, buttonId: event.buttonId };
    case "webhook":
      return event.payload;
    default:
      return void 0;
  }
}

// runtime/engine/timers.ts
var MAX_TIMEOUT_MS = 2 ** 31 - 1;
var WaitTimers = class {
  constructor(now = Date.now) {
    this.now = now;
  }
  now;
  #timers = /* @__PURE__ */ new Map();
  /** Calls `fire` at `at` (at once when it is already past), replacing any timer for `id`. */
  set(id, at, fire) {
    this.clear(id);
    const arm = () => {
      const remaining = at.getTime() - this.now();
      if (remaining <= 0) {
        this.#timers.delete(id);
        fire();
        return;
      }
      this.#timers.set(id, setTimeout(arm, Math.min(remaining, MAX_TIMEOUT_MS)).unref());
    };
    this.#timers.set(id, setTimeout(arm, 0).unref());
  }
  clear(id) {
    const timer = this.#timers.get(id);
    if (timer) clearTimeout(timer);
    this.#timers.delete(id);
  }
  clearAll() {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
  get size() {
    return this.#timers.size;
  }
};

// runtime/engine/wait-registry.ts
var WaitRegistry = class {
  /** `kind\0key` → runs waiting for that event, oldest first. */
  #byKey = /* @__PURE__ */ new Map();
  #timers = new WaitTimers();
  /** Indexes the run's wait; `fire` is called with the timer or timeout event when due. */
  arm(active, fire) {
    const wait2 = active.run.waiting;
    if (!wait2) return;
    if (wait2.kind === "timer") {
      this.#timers.set(active.id, new Date(wait2.until ?? 0), () => fire({ kind: "timer" }));
      return;
    }
    const slot = slotOf(wait2.kind, wait2.key);
    this.#byKey.set(slot, [...this.#byKey.get(slot) ?? [], active]);
    if (wait2.until) {
      this.#timers.set(active.id, new Date(wait2.until), () => fire({ kind: "timeout" }));
    }
  }
  disarm(active) {
    this.#timers.clear(active.id);
    for (const [slot, runs] of this.#byKey) {
      const rest = runs.filter((run) => run !== active);
      if (rest.length === runs.length) continue;
      if (rest.length === 0) this.#byKey.delete(slot);
      else this.#byKey.set(slot, rest);
    }
  }
  /** Runs waiting for this event, newest first (the newest gets it). */
  waitingFor(kind, key) {
    return [...this.#byKey.get(slotOf(kind, key)) ?? []].reverse();
  }
  /** Stops every alarm clock (the engine is stopping; the waits stay stored). */
  silence() {
    this.#timers.clearAll();
  }
};
function slotOf(kind, key) {
  return `${kind}\0${key}`;
}
function resumes(wait2, event) {
  if (event.kind === "timeout") return wait2.kind !== "timer" && wait2.until !== void 0;
  return wait2.kind === event.kind;
}

// runtime/engine/run-driver.ts
var YIELD_EVERY = 64;
var DAY_MS2 = 24 * 60 * 60 * 1e3;
var KEEP_ALIVE_EVERY = 256;
var RunDriver = class {
  constructor(options, log, graphs) {
    this.options = options;
    this.log = log;
    this.graphs = graphs;
    this.#now = options.now ?? (() => /* @__PURE__ */ new Date());
  }
  options;
  log;
  graphs;
  /** Runs running or waiting, by id. */
  active = /* @__PURE__ */ new Map();
  waits = new WaitRegistry();
  listeners = /* @__PURE__ */ new Set();
  /** Set by Engine.stop(): no new runs or resumes; running runs pause at a step boundary. */
  stopping = false;
  #now;
  /** Records appended since open (the retention keep-alive measures by it). */
  #appends = 0;
  async start(options, id, jumpChain, parentRunId) {
    if (this.stopping) throw new EngineError("stopping", "Hookflow is stopping; no new runs");
    const graph = indexGraph(options.graph);
    if (!graph.node(options.triggerNodeId)) {
      throw new EngineError("invalid_trigger", `The flow has no node "${options.triggerNodeId}"`);
    }
    await this.graphs.save(graph);
    const run = {
      id,
      flowId: options.flowId,
      flowVersion: options.version,
      trigger: {
        type: options.trigger.type,
        nodeId: options.triggerNodeId,
        ...options.trigger.callId === void 0 ? {} : { callId: options.trigger.callId },
        ...options.trigger.replayOf === void 0 ? {} : { replayOf: options.trigger.replayOf },
        ...parentRunId === void 0 ? {} : { parentRunId }
      },
      mode: options.chat ? "full" : "headless",
      status: "running",
      variables: structuredClone(options.variables ?? {}),
      startedAt: this.#now().toISOString(),
      steps: []
    };
    const active = new ActiveRun({
      run,
      graph,
      input: { ...emptyRunInput(), ...options.input },
      chat: options.chat,
      cursor: { nodeId: options.triggerNodeId },
      stepsSinceWait: 0,
      jumpChain,
      seq: 0,
      baseSeq: 0,
      savedSteps: 0
    });
    if (!options.startRecorded) await this.#checkpoint(active);
    const started = active.snapshot();
    this.adopt(active);
    return started;
  }
  /** Takes a run into memory: arms its wait, or drives it when it is running. */
  adopt(active) {
    this.active.set(active.id, active);
    this.emit(active);
    if (active.run.status === "waiting") this.#arm(active);
    else void active.exclusive(() => this.#drive(active));
  }
  async #drive(active) {
    try {
      const maxSteps = this.options.settings().runs.maxStepsPerRun;
      let taken = 0;
      while (this.active.get(active.id) === active && active.run.status === "running") {
        if (active.abort.signal.aborted) return;
        if (this.stopping) return await this.#checkpointIfDirty(active);
        if (active.stepsSinceWait >= maxSteps) {
          return await this.finish(active, "failed", loopMessage(maxSteps, active.recent));
        }
        if (++taken % YIELD_EVERY === 0) await yieldToEventLoop();
        const began = this.options.onStep ? performance.now() : 0;
        const transition = await takeStep(active, {
          now: this.#now,
          beforeSideEffects: () => this.#checkpointIfDirty(active)
        });
        const nodeType = active.run.steps.at(-1)?.nodeType;
        if (this.options.onStep && nodeType)
          this.options.onStep(nodeType, performance.now() - began);
        if (transition.kind === "goto") {
          active.cursor = { nodeId: transition.nodeId };
          active.dirty = true;
        } else {
          return await this.#settle(active, transition);
        }
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.logger.error("a run could not be recorded", {
        runId: active.id,
        error: message
      });
      this.#forget(active);
    }
  }
  async #settle(active, transition) {
    switch (transition.kind) {
      case "complete":
        return this.finish(active, "completed", void 0, transition.output);
      case "fail":
        return this.finish(active, "failed", transition.error);
      case "start-flow":
        return this.#startFlow(active, transition.flowId);
      case "wait": {
        const spec = waitSpecFor(active, transition);
        if (typeof spec === "string") return this.finish(active, "failed", spec);
        active.run.status = "waiting";
        active.run.waiting = spec;
        active.cursor = void 0;
        active.resetLoopCounters();
        await this.#checkpoint(active);
        this.#arm(active);
        this.emit(active);
      }
    }
  }
  /** Jump to another flow: its published version starts as a new run with our variables. */
  async #startFlow(active, flowId) {
    const target = jumpTarget(this.options.flows.get(flowId), flowId, active);
    if ("error" in target) return this.finish(active, "failed", target.error);
    const childId = jumpRunId(active.id, active.run.steps.length);
    if (!this.active.has(childId) && !this.log.latest(childId)) {
      await this.start(
        {
          flowId,
          graph: target.snapshot.graph,
          version: target.snapshot.version,
          triggerNodeId: target.startNodeId,
          trigger: { type: "jump" },
          input: active.input,
          variables: active.run.variables,
          chat: active.chat
        },
        childId,
        target.chain,
        active.id
      );
    }
    active.run.jumpedTo = { flowId, runId: childId };
    await this.finish(active, "completed");
  }
  /** Ends a wait with its event; true once the resume is durable, false if not waiting for it. */
  resume(active, event) {
    return new Promise((resolve8, reject) => {
      void active.exclusive(async () => {
        const wait2 = active.run.waiting;
        if (this.active.get(active.id) !== active || !wait2 || !resumes(wait2, event)) {
          return resolve8(false);
        }
        this.waits.disarm(active);
        active.run.status = "running";
        delete active.run.waiting;
        active.cursor = { nodeId: wait2.nodeId, resume: { event, wait: wait2 } };
        active.dirty = true;
        try {
          await this.#checkpoint(active);
        } catch (error) {
          active.run.status = "waiting";
          active.run.waiting = wait2;
          active.cursor = void 0;
          this.#arm(active);
          return reject(error);
        }
        resolve8(true);
        this.emit(active);
        await this.#drive(active);
      });
    });
  }
  async finish(active, status, error, output) {
    const run = active.run;
    run.status = status;
    run.endedAt = this.#now().toISOString();
    if (error !== void 0) run.error = error;
    if (output !== void 0) run.output = output;
    delete run.waiting;
    active.cursor = void 0;
    active.dirty = true;
    try {
      await this.#checkpoint(active);
    } finally {
      this.#forget(active);
      active.markEnded();
      this.emit(active);
    }
  }
  #forget(active) {
    this.waits.disarm(active);
    if (this.active.get(active.id) === active) this.active.delete(active.id);
  }
  #arm(active) {
    if (this.stopping) return;
    this.waits.arm(active, (event) => {
      void this.resume(active, event).catch((error) => this.#lost(active, error));
    });
  }
  #lost(active, error) {
    this.options.logger.error("a waiting run could not be resumed", {
      runId: active.id,
      error: error instanceof Error ? error.message : String(error)
    });
  }
  async #checkpoint(active, full) {
    const record = active.record(this.#now().toISOString(), full);
    await this.log.append(record);
    this.#appends += 1;
    active.saved(record, this.#appends);
    if (this.#appends % KEEP_ALIVE_EVERY === 0) void this.keepWaitsAlive();
  }
  async #checkpointIfDirty(active) {
    if (active.dirty) await this.#checkpoint(active);
  }
  /**
   * Retention drops the oldest records (by count and age). A run waiting long enough for its
   * records to get near that edge is written again as one full record (compaction), so a
   * 30-day Delay survives any retention settings and busy days.
   */
  async keepWaitsAlive() {
    const { retentionCount, retentionDays } = this.options.settings().runs;
    const maxAgeMs = retentionDays * DAY_MS2 / 2;
    const maxAppends = retentionCount * RECORDS_PER_RUN / 2;
    const now = this.#now().getTime();
    try {
      for (const active of this.active.values()) {
        const old = now - active.checkpointedAt > maxAgeMs || this.#appends - active.checkpointAppend > maxAppends;
        if (active.run.status !== "waiting" || !old) continue;
        await active.exclusive(async () => {
          if (active.run.status === "waiting") await this.#checkpoint(active, true);
        });
      }
    } catch (error) {
      this.options.logger.warn("could not refresh waiting runs in the run log", {
        error: error instanceof Error ? error.message : String(error)
      });
    }
  }
  emit(active) {
    if (this.listeners.size === 0) return;
    let copy;
    const update = {
      get run() {
        if (!copy) {
          const { steps: _steps, ...run } = active.run;
          copy = structuredClone(run);
        }
        return copy;
      },
      chat: active.chat?.ref
    };
    for (const listener of this.listeners) listener(update);
  }
};

// runtime/engine/engine.ts
var STOP_GRACE_MS = 5e3;
var KEEP_ALIVE_MS = 60 * 60 * 1e3;
var Engine = class _Engine {
  constructor(driver, log) {
    this.driver = driver;
    this.log = log;
  }
  driver;
  log;
  #keepAlive;
  /** Opens the run log and brings back every run that was waiting or running. */
  static async open(options) {
    const log = await RunLog.open(
      options.dataDir,
      () => options.settings().runs,
      options.logger,
      options.problems
    );
    const graphs = await GraphStore.open(options.dataDir);
    const driver = new RunDriver(options, log, graphs);
    await recoverRuns({
      log,
      graphs,
      channels: new Map((options.channels ?? []).map((channel) => [channel.name, channel])),
      logger: options.logger,
      now: options.now ?? (() => /* @__PURE__ */ new Date()),
      adopt: (active) => driver.adopt(active)
    });
    const engine = new _Engine(driver, log);
    await driver.keepWaitsAlive();
    engine.#keepAlive = setInterval(() => void driver.keepWaitsAlive(), KEEP_ALIVE_MS);
    engine.#keepAlive.unref();
    return engine;
  }
  /** Starts a run; resolves once its start is durably recorded (it then runs on its own). */
  async startRun(options) {
    const { runId } = options;
    if (runId === void 0) return this.driver.start(options, newRunId(), []);
    if (!RUN_ID_PATTERN.test(runId)) {
      throw new EngineError("invalid_trigger", `"${runId}" is not a run id`);
    }
    const existing = this.runStatus(runId) === void 0 ? void 0 : await this.getRun(runId);
    return existing ?? this.driver.start(options, runId, []);
  }
  /**
   * The run once it has completed or failed, following Jumps into other flows; undefined
   * when it is unknown or still going after `timeoutMs`.
   */
  async waitForRun(runId, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let id = runId;
    for (; ; ) {
      const active = this.driver.active.get(id);
      const run = active ? await beforeDeadline(active.ended(), deadline) : await this.log.read(id);
      if (!run || run.status === "running" || run.status === "waiting") return void 0;
      if (!run.jumpedTo) return run;
      id = run.jumpedTo.runId;
    }
  }
  /** The run's status now, without reading the disk. */
  runStatus(id) {
    return this.driver.active.get(id)?.run.status ?? this.log.latest(id)?.status;
  }
  /** What the run waits for now (in memory), if it is waiting. */
  waitOf(id) {
    return this.driver.active.get(id)?.run.waiting;
  }
  async getRun(id) {
    return this.driver.active.get(id)?.snapshot() ?? await this.log.read(id);
  }
  listRuns(query) {
    return this.log.page(query, (id) => {
      const active = this.driver.active.get(id);
      if (!active) return void 0;
      const { steps, ...rest } = active.run;
      return structuredClone({ ...rest, stepCount: steps.length });
    });
  }
  /** The run (and its wait) that an event of this kind and key would resume, newest first. */
  waitingFor(kind, key) {
    const [active] = this.driver.waits.waitingFor(kind, key);
    const wait2 = active?.run.waiting;
    return active && wait2 ? { runId: active.id, wait: wait2 } : void 0;
  }
  /**
   * Resumes the newest run waiting for this event. Resolves once the event is durably
   * recorded with the run (so the sender may be told "accepted"), with that run's id, or
   * undefined when no run waits for it.
   */
  async resumeWait(kind, key, event) {
    if (this.driver.stopping) throw new EngineError("stopping", "Hookflow is stopping");
    for (const active of this.driver.waits.waitingFor(kind, key)) {
      if (await this.driver.resume(active, event)) return active.id;
    }
    return void 0;
  }
  /** Stops a running or waiting run; it ends as failed with "Cancelled". */
  async cancel(id) {
    const active = this.driver.active.get(id);
    if (!active) {
      const run = await this.log.read(id);
      if (!run) throw new EngineError("not_found", `No run with id "${id}"`);
      throw new EngineError("finished", `The run has already ${run.status}`);
    }
    active.abort.abort();
    await active.exclusive(async () => {
      if (this.driver.active.get(id) === active) {
        await this.driver.finish(active, "failed", "Cancelled");
      }
    });
    return active.snapshot();
  }
  onUpdate(listener) {
    this.driver.listeners.add(listener);
    return () => this.driver.listeners.delete(listener);
  }
  /**
   * Graceful stop: no new runs or events; running runs stop at their next step boundary
   * and checkpoint there (resumed on the next start); waits are already stored.
   */
  async stop() {
    if (this.driver.stopping) return;
    this.driver.stopping = true;
    clearInterval(this.#keepAlive);
    this.driver.waits.silence();
    const runs = () => [...this.driver.active.values()];
    const idle = () => Promise.all(runs().map((run) => run.exclusive(async () => {
    })));
    if (!await beforeDeadline(idle(), Date.now() + STOP_GRACE_MS)) {
      for (const run of runs()) run.abort.abort();
      await beforeDeadline(idle(), Date.now() + 1e3);
    }
    await this.log.close();
  }
};

// runtime/server/routes/calls-routes.ts
import { Router } from "express";

// runtime/shared/calls.ts
import { z as z26 } from "zod";
var callAuthSchema = z26.object({
  outcome: z26.enum(["passed", "failed", "not-checked"]),
  /** `public`, `bearer`, `hmac`, `github`… when it passed. */
  scheme: z26.string().optional(),
  /** The failure code (`invalid_signature`, `missing_credentials`…) when it failed. */
  code: z26.string().optional()
});
var queryValueSchema = z26.union([z26.string(), z26.array(z26.string())]);
var callRecordSchema = z26.object({
  id: z26.string(),
  at: z26.string(),
  /** Events of one call share its id; a later one (the final response) supersedes. */
  seq: z26.number().int().nonnegative().default(0),
  flowId: z26.string(),
  nodeId: z26.string(),
  /** `webhook-trigger`: /webhooks/flow/{id}; `start`: /api/call_node/{flow}/{node}. */
  trigger: z26.enum(["webhook-trigger", "start"]),
  /** The published version that handled it (absent for captured and refused calls). */
  flowVersion: z26.number().int().positive().optional(),
  method: z26.string(),
  /** The path without the query string. */
  path: z26.string(),
  ip: z26.string(),
  origin: z26.string().optional(),
  /** Lower-cased names; secrets (tokens, signatures, cookies) are `[redacted]`. */
  headers: z26.record(z26.string(), z26.string()),
  query: z26.record(z26.string(), queryValueSchema),
  /** Channel and chat id of a Start webhook URL. */
  params: z26.record(z26.string(), z26.string()).default({}),
  contentType: z26.string().optional(),
  /** Body bytes received (after Content-Encoding is undone). */
  size: z26.number().int().nonnegative(),
  /** The body, cut at the log's cap: text when it is UTF-8, else base64. */
  body: z26.string().optional(),
  bodyEncoding: z26.enum(["utf8", "base64"]).optional(),
  /** The body was longer than the cap; `body` holds its first bytes. */
  bodyTruncated: z26.boolean().optional(),
  /** The whole body is kept beside the log (an accepted call longer than the cap). */
  bodyStored: z26.boolean().optional(),
  auth: callAuthSchema,
  /** The status returned; absent while a `when-finished` call waits for its run. */
  status: z26.number().int().optional(),
  /** The JSON body returned (a duplicate delivery gets the same). */
  response: z26.unknown().optional(),
  runId: z26.string().optional(),
  idempotencyKey: z26.string().optional(),
  duplicateOf: z26.string().optional(),
  replayOf: z26.string().optional(),
  /** Listen mode caught a call to a trigger that is not published: nothing ran. */
  captured: z26.boolean().optional(),
  /** Why the run could not be started after the call was accepted. */
  runError: z26.string().optional()
});
var replayResultSchema = z26.object({
  callId: z26.string(),
  runId: z26.string(),
  replayOf: z26.string()
});
var callsQuerySchema = z26.object({
  limit: z26.coerce.number().int().min(1).max(200).default(50),
  before: z26.string().max(40).optional()
});

// runtime/ingress/decode-text.ts
import { TextDecoder } from "node:util";
var DEFAULT_CHARSET = "utf-8";
function decodeText(bytes, charset) {
  return textDecoder(charset).decode(bytes);
}
function textDecoder(charset) {
  try {
    return new TextDecoder(charset ?? DEFAULT_CHARSET);
  } catch {
    throw new ApiError(
      415,
      "unsupported_charset",
      `The charset "${(charset ?? "").slice(0, 60)}" is not supported; send the body as UTF-8 (charset=utf-8)`
    );
  }
}

// runtime/ingress/form-fields.ts
var MAX_FIELD_DEPTH = 20;
var FORBIDDEN_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
var INDEX = /^(?:0|[1-9]\d{0,8})$/;
var BRACKET = /\[([^[\]]*)\]/y;
function nestFields(fields) {
  const root = newGroup();
  for (const [name, value] of fields) {
    const path = splitName(name);
    if (path.some((key) => FORBIDDEN_KEYS.has(key))) continue;
    assign(root, path, value);
  }
  return toObject(root);
}
function splitName(name) {
  const open8 = name.indexOf("[");
  if (open8 <= 0) return [name];
  const path = [name.slice(0, open8)];
  let position = open8;
  while (position < name.length) {
    BRACKET.lastIndex = position;
    const match = BRACKET.exec(name);
    if (!match) return [name];
    path.push(match[1] ?? "");
    position = BRACKET.lastIndex;
  }
  return path.length - 1 > MAX_FIELD_DEPTH ? [name] : path;
}
function assign(root, path, value) {
  let group = root;
  for (let depth = 0; depth < path.length; depth += 1) {
    const key = keyIn(group, path, depth);
    const existing = group.entries.get(key);
    if (depth === path.length - 1) {
      const leaf = { kind: "leaf", value };
      if (!existing) group.entries.set(key, leaf);
      else if (existing.kind === "repeated") existing.items.push(leaf);
      else group.entries.set(key, { kind: "repeated", items: [existing, leaf] });
      return;
    }
    group = childGroup(group, key, existing);
  }
}
function keyIn(group, path, depth) {
  let key = path[depth] ?? "";
  if (key === "") {
    const last = group.entries.get(String(group.nextIndex - 1));
    const rest = path.slice(depth + 1);
    const reuseLast = rest.length > 0 && last?.kind === "group" && !hasPath(last, rest);
    key = String(reuseLast ? group.nextIndex - 1 : group.nextIndex);
  }
  if (INDEX.test(key)) group.nextIndex = Math.max(group.nextIndex, Number(key) + 1);
  else group.indexed = false;
  return key;
}
function hasPath(group, path) {
  let node = group;
  for (const key of path) {
    if (node === void 0) return false;
    if (node.kind !== "group") return true;
    if (key === "") return false;
    node = node.entries.get(key);
  }
  return node !== void 0;
}
function childGroup(parent, key, existing) {
  if (existing?.kind === "group") return existing;
  if (existing?.kind === "repeated") {
    const tail = existing.items.at(-1);
    if (tail?.kind === "group") return tail;
  }
  const group = newGroup();
  if (!existing) parent.entries.set(key, group);
  else if (existing.kind === "repeated") existing.items.push(group);
  else parent.entries.set(key, { kind: "repeated", items: [existing, group] });
  return group;
}
function newGroup() {
  return { kind: "group", entries: /* @__PURE__ */ new Map(), indexed: true, nextIndex: 0 };
}
function toValue(node) {
  if (node.kind === "leaf") return node.value;
  if (node.kind === "repeated") return node.items.map(toValue);
  if (!node.indexed) return toObject(node);
  return [...node.entries].sort(([a], [b]) => Number(a) - Number(b)).map(([, child]) => toValue(child));
}
function toObject(group) {
  const result = {};
  for (const [key, child] of group.entries) result[key] = toValue(child);
  return result;
}
function tooManyFields(maxFields) {
  return new ApiError(
    413,
    "too_many_fields",
    `The form has more than ${maxFields} fields, the most this webhook accepts`
  );
}

// runtime/ingress/media-type.ts
function parseContentType(header) {
  if (header === void 0) return { mediaType: void 0, charset: void 0 };
  const semicolon = header.indexOf(";");
  const mediaType = (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  const charset = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(header);
  const charsetValue = charset?.[1] ?? charset?.[2];
  return {
    mediaType: mediaType === "" ? void 0 : mediaType,
    charset: charsetValue ? charsetValue.trim().toLowerCase() : void 0
  };
}
function bodyKind(mediaType) {
  if (mediaType === void 0) return "binary";
  const slash = mediaType.indexOf("/");
  if (slash <= 0) return "binary";
  const type = mediaType.slice(0, slash);
  const subtype = mediaType.slice(slash + 1);
  if (subtype === "json" && (type === "application" || type === "text")) return "json";
  if (subtype === "xml" && (type === "application" || type === "text")) return "xml";
  if (type === "application") {
    if (subtype.endsWith("+json")) return "json";
    if (subtype.endsWith("+xml")) return "xml";
    if (subtype === "x-www-form-urlencoded") return "form";
  }
  if (mediaType === "multipart/form-data") return "multipart";
  if (type === "text") return "text";
  return "binary";
}

// runtime/ingress/json-problem.ts
var WHITESPACE = /* @__PURE__ */ new Set([" ", "	", "\n", "\r"]);
var ESCAPES = /* @__PURE__ */ new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
var NUMBER2 = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var WORD = /[A-Za-z_$][\w$]*/y;
var HEX4 = /[0-9a-fA-F]{4}/y;
function findJsonProblem(text) {
  const stack = [];
  let i = 0;
  let expectValue = true;
  const skipWhitespace = () => {
    while (i < text.length && WHITESPACE.has(text.charAt(i))) i += 1;
  };
  const fail2 = (problem, at = i) => ({ position: at, problem });
  const readKey = () => {
    skipWhitespace();
    if (text.charAt(i) !== '"') {
      if (text.charAt(i) === "}" && previousNonWhitespace(text, i) === ",") {
        return fail2(`a trailing comma before '}'`);
      }
      return i >= text.length ? fail2("the body ends where a property name should be") : fail2(`expected a property name in double quotes, found ${describe(text, i)}`);
    }
    const end2 = stringEnd(text, i);
    if (typeof end2 !== "number") return end2;
    i = end2;
    skipWhitespace();
    if (text.charAt(i) !== ":") return fail2(`expected ':' after the property name`);
    i += 1;
    return void 0;
  };
  for (; ; ) {
    skipWhitespace();
    if (expectValue) {
      if (i >= text.length) return fail2("the body ends where a value should be");
      const c2 = text.charAt(i);
      if (c2 === "{" || c2 === "[") {
        i += 1;
        skipWhitespace();
        if (text.charAt(i) === (c2 === "{" ? "}" : "]")) {
          i += 1;
          expectValue = false;
          continue;
        }
        stack.push(c2 === "{" ? "object" : "array");
        if (c2 === "{") {
          const problem = readKey();
          if (problem) return problem;
        }
        continue;
      }
      if (c2 === '"') {
        const end2 = stringEnd(text, i);
        if (typeof end2 !== "number") return end2;
        i = end2;
      } else if (c2 === "-" || c2 >= "0" && c2 <= "9") {
        NUMBER2.lastIndex = i;
        if (!NUMBER2.test(text)) return fail2(`invalid number`);
        i = NUMBER2.lastIndex;
      } else if (text.startsWith("true", i) || text.startsWith("null", i)) {
        i += 4;
      } else if (text.startsWith("false", i)) {
        i += 5;
      } else if ((c2 === "]" || c2 === "}") && previousNonWhitespace(text, i) === ",") {
        return fail2(`a trailing comma before '${c2}'`);
      } else {
        return fail2(`unexpected ${describe(text, i)}`);
      }
      expectValue = false;
      continue;
    }
    const container = stack.at(-1);
    if (container === void 0) {
      return i < text.length ? fail2("unexpected text after the JSON value") : void 0;
    }
    const close = container === "array" ? "]" : "}";
    const c = text.charAt(i);
    if (c === close) {
      stack.pop();
      i += 1;
    } else if (c === ",") {
      i += 1;
      expectValue = true;
      if (container === "object") {
        const problem = readKey();
        if (problem) return problem;
      }
    } else if (i >= text.length) {
      return fail2(`the body ends inside an ${container} (missing '${close}')`);
    } else {
      const after = container === "array" ? "an array element" : "a property value";
      return fail2(`expected ',' or '${close}' after ${after}, found ${describe(text, i)}`);
    }
  }
}
function stringEnd(text, start) {
  for (let i = start + 1; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (c === '"') return i + 1;
    if (c === "\\") {
      const next2 = text.charAt(i + 1);
      if (next2 === "u") {
        HEX4.lastIndex = i + 2;
        if (!HEX4.test(text)) return { position: i, problem: "invalid \\u escape in a string" };
        i += 5;
      } else if (ESCAPES.has(next2)) {
        i += 1;
      } else {
        return { position: i, problem: `invalid escape '\\${next2}' in a string` };
      }
    } else if (c < " ") {
      return { position: i, problem: "a control character (such as a raw line break) in a string" };
    }
  }
  return { position: start, problem: "a string that is never closed" };
}
function describe(text, i) {
  if (i >= text.length) return "the end of the body";
  WORD.lastIndex = i;
  const word = WORD.exec(text)?.[0];
  if (word) return `"${word.slice(0, 20)}${word.length > 20 ? "\u2026" : ""}"`;
  const c = text.charAt(i);
  if (c === "'") return `"'" (JSON strings use double quotes)`;
  return JSON.stringify(c);
}
function previousNonWhitespace(text, before) {
  for (let i = before - 1; i >= 0; i -= 1) {
    if (!WHITESPACE.has(text.charAt(i))) return text.charAt(i);
  }
  return "";
}

// runtime/ingress/parse-json.ts
function parseJson(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalidJson(text, error);
  }
  if (text.includes("__proto__") || text.includes("\\u")) dropProtoKeys(value);
  return value;
}
function invalidJson(text, error) {
  const found = findJsonProblem(text);
  if (!found) {
    const reason = error instanceof Error ? error.message : String(error);
    return new ApiError(400, "invalid_json", `The request body is not valid JSON: ${reason}`);
  }
  const { line, column } = lineAndColumn(text, found.position);
  return new ApiError(
    400,
    "invalid_json",
    `The request body is not valid JSON: ${found.problem} at line ${line}, column ${column}`,
    { line, column, position: found.position }
  );
}
function lineAndColumn(text, position) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < position; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}
function dropProtoKeys(root) {
  const pending = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== "object" || value === null) continue;
    if (Object.hasOwn(value, "__proto__")) Reflect.deleteProperty(value, "__proto__");
    for (const child of Object.values(value)) pending.push(child);
  }
}

// runtime/ingress/parse-multipart.ts
import busboy from "busboy";
function parseMultipart(raw, contentTypeHeader, limits) {
  return new Promise((resolve8, reject) => {
    let parser2;
    try {
      parser2 = busboy({
        headers: { "content-type": contentTypeHeader },
        // Browsers and HTTP clients send UTF-8 filenames without RFC 5987 encoding.
        defParamCharset: "utf8",
        limits: {
          fields: limits.maxFields,
          files: limits.maxFiles,
          // The whole body is already within the trigger's size limit.
          fieldSize: Infinity,
          fieldNameSize: 4096
        }
      });
    } catch (error) {
      reject(invalidMultipart(error));
      return;
    }
    const fields = [];
    const pendingFiles = [];
    let failed = false;
    const fail2 = (error) => {
      if (failed) return;
      failed = true;
      reject(error);
      parser2.destroy();
    };
    parser2.on("field", (name, value) => fields.push([name, value]));
    parser2.on("file", (name, stream, info) => {
      const file = collectFile(stream, name, info, limits.fileContentLimitBytes);
      file.catch(() => void 0);
      pendingFiles.push(file);
    });
    parser2.on("fieldsLimit", () => fail2(tooManyFields(limits.maxFields)));
    parser2.on("filesLimit", () => {
      fail2(
        new ApiError(
          413,
          "too_many_files",
          `The form has more than ${limits.maxFiles} files, the most this webhook accepts`
        )
      );
    });
    parser2.on("error", (error) => fail2(invalidMultipart(error)));
    parser2.on("finish", () => {
      if (failed) return;
      Promise.all(pendingFiles).then(
        (files) => resolve8({ value: nestFields(fields), files }),
        (error) => fail2(invalidMultipart(error))
      );
    });
    parser2.end(raw);
  });
}
function collectFile(stream, field2, info, contentLimit) {
  return new Promise((resolve8, reject) => {
    const chunks = [];
    let size = 0;
    stream.on("data", (chunk) => {
      size += chunk.length;
      if (size <= contentLimit) chunks.push(chunk);
      else chunks.length = 0;
    });
    stream.on("error", reject);
    stream.on("end", () => {
      const truncated = size > contentLimit;
      resolve8({
        field: field2,
        filename: info.filename ?? "",
        mimeType: info.mimeType,
        size,
        ...truncated ? {} : { content: Buffer.concat(chunks, size) },
        truncated
      });
    });
  });
}
function invalidMultipart(error) {
  const reason = error instanceof Error ? error.message : String(error);
  return new ApiError(
    400,
    "invalid_multipart",
    `The body is not a valid multipart/form-data message: ${reason}`
  );
}

// runtime/ingress/parse-xml.ts
import { XMLParser, XMLValidator } from "fast-xml-parser";
var PREDEFINED = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'"
};
var REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
var entityDecoder = {
  setExternalEntities() {
  },
  addInputEntities() {
  },
  reset() {
  },
  setXmlVersion() {
  },
  decode(text) {
    if (!text.includes("&")) return text;
    return text.replace(REFERENCE, (match, name, decimal, hex) => {
      if (name !== void 0) return PREDEFINED[name] ?? match;
      const codePoint = decimal !== void 0 ? Number(decimal) : parseInt(hex ?? "", 16);
      return isXmlChar(codePoint) ? String.fromCodePoint(codePoint) : match;
    });
  }
};
var parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  entityDecoder
});
function parseXml(text) {
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    throw new ApiError(
      400,
      "invalid_xml",
      `The body is not valid XML: line ${line}, column ${col}: ${msg}`,
      { line, column: col }
    );
  }
  try {
    const value = parser.parse(text);
    return value;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^\[SECURITY\]\s*/, "") : "";
    throw new ApiError(400, "invalid_xml", `The body is not accepted as XML: ${reason}`);
  }
}
function isXmlChar(codePoint) {
  return codePoint === 9 || codePoint === 10 || codePoint === 13 || codePoint >= 32 && codePoint <= 55295 || codePoint >= 57344 && codePoint <= 65533 || codePoint >= 65536 && codePoint <= 1114111;
}

// runtime/ingress/parse-body.ts
var DEFAULT_FILE_CONTENT_LIMIT_BYTES = 256 * 1024;
var DEFAULT_MAX_FIELDS = 1e3;
var DEFAULT_MAX_FILES = 20;
var EXPECTED = {
  json: "JSON (Content-Type: application/json)",
  form: "a URL-encoded form (Content-Type: application/x-www-form-urlencoded)",
  multipart: "a multipart form (Content-Type: multipart/form-data)",
  xml: "XML (Content-Type: application/xml)",
  text: "text (Content-Type: text/plain)"
};
async function parseBody(raw, contentTypeHeader, options = {}) {
  const { mediaType, charset } = parseContentType(contentTypeHeader);
  const parsed = (kind2, value, files = []) => ({
    kind: kind2,
    contentType: mediaType,
    value,
    files
  });
  if (raw.length === 0) return parsed("empty", void 0);
  const kind = bodyKind(mediaType);
  const required = options.requireContentType;
  if (required !== void 0 && kind !== required) {
    const received = mediaType ?? "a body without a Content-Type";
    throw new ApiError(
      415,
      "unsupported_media_type",
      `This webhook expects ${EXPECTED[required]}; it received ${received.slice(0, 100)}`
    );
  }
  const maxFields = options.maxFields ?? DEFAULT_MAX_FIELDS;
  switch (kind) {
    case "json":
      return parsed(kind, parseJson(decodeText(raw, charset)));
    case "form":
      return parsed(kind, parseForm(raw, maxFields));
    case "multipart": {
      const { value, files } = await parseMultipart(raw, contentTypeHeader ?? "", {
        fileContentLimitBytes: options.fileContentLimitBytes ?? DEFAULT_FILE_CONTENT_LIMIT_BYTES,
        maxFields,
        maxFiles: options.maxFiles ?? DEFAULT_MAX_FILES
      });
      return parsed(kind, value, files);
    }
    case "xml":
      return parsed(kind, parseXml(decodeText(raw, charset ?? declaredXmlEncoding(raw))));
    case "text":
      return parsed(kind, decodeText(raw, charset));
    case "binary":
      return parsed(kind, void 0);
  }
}
function parseForm(raw, maxFields) {
  const pairs = [];
  for (const pair of new URLSearchParams(decodeText(raw, "utf-8"))) {
    if (pairs.length === maxFields) throw tooManyFields(maxFields);
    pairs.push(pair);
  }
  return nestFields(pairs);
}
function declaredXmlEncoding(raw) {
  const prolog = raw.subarray(0, 200).toString("latin1");
  return /^(?:\xEF\xBB\xBF)?<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    prolog
  )?.[1];
}

// runtime/ingress/call-draft.ts
import { isUtf8 } from "node:buffer";

// runtime/security/ip-allowlist.ts
import ipaddr from "ipaddr.js";
function parseIpAddress(text) {
  let value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  const zone = value.indexOf("%");
  if (zone >= 0) value = value.slice(0, zone);
  if (ipaddr.IPv4.isValidFourPartDecimal(value)) return ipaddr.IPv4.parse(value);
  if (!ipaddr.IPv6.isValid(value)) return void 0;
  const v6 = ipaddr.IPv6.parse(value);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}
function normalizeIpAddress(text) {
  return parseIpAddress(text)?.toString();
}
function parseRange(entry) {
  const slash = entry.indexOf("/");
  const addressText = slash >= 0 ? entry.slice(0, slash) : entry;
  const prefixText = slash >= 0 ? entry.slice(slash + 1) : void 0;
  const address = parseIpAddress(addressText);
  if (!address) {
    return "Not an IP address or CIDR range: write e.g. 203.0.113.7, 203.0.113.0/24 or 2001:db8::/32";
  }
  const wasMapped = address.kind() === "ipv4" && addressText.includes(":");
  const bits = address.kind() === "ipv4" && !wasMapped ? 32 : 128;
  if (prefixText === void 0) return [address, address.kind() === "ipv4" ? 32 : 128];
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
    return `The range size after "/" must be a number from 0 to ${bits} for an ${bits === 32 ? "IPv4" : "IPv6"} address`;
  }
  let prefix = Number(prefixText);
  if (wasMapped) {
    if (prefix < 96) return "An IPv4-mapped range needs a prefix of 96 or more";
    prefix -= 96;
  }
  return [address, prefix];
}
function parseIpAllowlist(entries) {
  const ranges = [];
  const problems = [];
  let configured = 0;
  entries.forEach((raw, index) => {
    const entry = raw.trim();
    if (entry === "") return;
    configured += 1;
    const range = parseRange(entry);
    if (typeof range === "string") problems.push({ index, entry: raw, message: range });
    else ranges.push(range);
  });
  const open8 = configured === 0;
  return {
    problems,
    matcher: {
      allows(address) {
        if (open8) return true;
        const parsed = parseIpAddress(address);
        if (!parsed) return false;
        return ranges.some(
          ([network, prefix]) => network.kind() === parsed.kind() && parsed.match(network, prefix)
        );
      }
    }
  };
}
function checkIpAllowlist(matcher, address) {
  if (matcher.allows(address)) return { ok: true };
  const seen = normalizeIpAddress(address);
  return {
    ok: false,
    status: 403,
    code: "ip_not_allowed",
    message: seen === void 0 ? "The caller's IP address could not be determined, so the IP allowlist refuses the call." : `Calls from ${seen} are not allowed: add this address (or its range) to the IP allowlist in the Security tab, or empty the list to accept any address.`
  };
}
function clientAddress({
  socketAddress,
  forwardedFor,
  viaTunnel
}) {
  if (!viaTunnel) return (socketAddress && normalizeIpAddress(socketAddress)) ?? "";
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? "";
  const last = header.split(",").at(-1)?.trim() ?? "";
  const withoutPort = /^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(last) ? last.replace(/:\d+$/, "") : last;
  return normalizeIpAddress(withoutPort) ?? "";
}

// runtime/security/origin-allowlist.ts
function parseOriginEntry(entry) {
  if (entry.includes("*")) {
    return {
      problem: "Wildcards are not supported: list each origin, e.g. https://app.example.com"
    };
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) {
    return { problem: `Add the scheme: https://${entry.replace(/^\/+/, "")}` };
  }
  let url;
  try {
    url = new URL(entry);
  } catch {
    return { problem: "Not a valid origin: write e.g. https://app.kiwify.com.br" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { problem: "An origin starts with https:// or http://" };
  }
  if (url.username !== "" || url.password !== "") {
    return { problem: "Remove the user name and password: an origin is scheme, host and port" };
  }
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "") {
    return { problem: `Remove the path: an origin is scheme, host and port, e.g. ${url.origin}` };
  }
  return url.origin;
}
function normalizeOrigin(entry) {
  const parsed = parseOriginEntry(entry.trim());
  return typeof parsed === "string" ? parsed : void 0;
}
function parseOriginAllowlist(entries) {
  const origins = [];
  const problems = [];
  entries.forEach((raw, index) => {
    const entry = raw.trim();
    if (entry === "") return;
    const parsed = parseOriginEntry(entry);
    if (typeof parsed === "string") origins.push(parsed);
    else problems.push({ index, entry: raw, message: parsed.problem });
  });
  return { origins, problems };
}
function requestOrigin(origin, referer) {
  const sent = origin?.trim();
  if (sent) return sent === "null" ? "null" : normalizeOrigin(sent) ?? sent;
  const from = referer?.trim();
  if (!from) return void 0;
  try {
    const url = new URL(from);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : void 0;
  } catch {
    return void 0;
  }
}
function compileOriginAllowlist(list) {
  const configured = list.some((entry) => entry.trim() !== "");
  if (!configured) return () => ({ ok: true });
  const origins = new Set(parseOriginAllowlist(list).origins);
  return (headers) => {
    const seen = requestOrigin(headers.origin, headers.referer);
    if (seen !== void 0 && origins.has(seen)) return { ok: true };
    return {
      ok: false,
      status: 403,
      code: "origin_not_allowed",
      message: seen === void 0 ? "The call has no Origin or Referer header, and this webhook accepts only listed origins: callers that are not browsers send neither, so empty the origin allowlist for them (and use a token, a signature or the IP allowlist instead)." : `Calls from origin ${seen.slice(0, 200)} are not allowed: add it to the origin allowlist in the Security tab, or empty the list to accept any origin.`
    };
  };
}
function callOrigin(headers) {
  return requestOrigin(headers.origin, headers.referer);
}

// runtime/ingress/ids.ts
import { randomBytes as randomBytes5 } from "node:crypto";
var ID_BYTES = 16;
var POOL_BYTES = 4096;
var pool = randomBytes5(POOL_BYTES);
var offset = 0;
function randomPart() {
  if (offset + ID_BYTES > POOL_BYTES) {
    pool = randomBytes5(POOL_BYTES);
    offset = 0;
  }
  const part = pool.toString("base64url", offset, offset + ID_BYTES);
  offset += ID_BYTES;
  return part;
}
function newCallId() {
  return `c_${randomPart()}`;
}
function newWebhookRunId() {
  return `r_${randomPart()}`;
}

// runtime/ingress/redact.ts
var REDACTED = "[redacted]";
var ALWAYS_REDACTED_HEADERS = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  // The signature headers of every provider in providerPresets (and Svix's own names).
  "webhook-signature",
  "svix-signature",
  "stripe-signature",
  "x-hub-signature",
  "x-hub-signature-256",
  "x-shopify-hmac-sha256",
  "x-slack-signature"
];
var baseRedaction = {
  headers: new Set(ALWAYS_REDACTED_HEADERS),
  query: /* @__PURE__ */ new Set(["token", "signature"])
};
function redactionFor(auth) {
  const headers = new Set(ALWAYS_REDACTED_HEADERS);
  const query = /* @__PURE__ */ new Set();
  switch (auth?.type) {
    case "header":
      headers.add(auth.headerName.toLowerCase());
      break;
    case "query":
      query.add(auth.paramName);
      break;
    case "hmac":
      if (auth.source === "header") headers.add(auth.paramName.toLowerCase());
      else query.add(auth.paramName);
      break;
    default:
      break;
  }
  if (auth === void 0) for (const name of baseRedaction.query) query.add(name);
  return { headers, query };
}
function redactHeaders(headers, redaction) {
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === void 0 || name === "__proto__") continue;
    out[name] = redaction.headers.has(name) ? REDACTED : Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}
function redactQuery(query, redaction) {
  if (redaction.query.size === 0) return query;
  let out;
  for (const name of redaction.query) {
    if (!Object.hasOwn(query, name)) continue;
    out ??= { ...query };
    out[name] = REDACTED;
  }
  return out ?? query;
}
function parseQuery(url) {
  const mark = url.indexOf("?");
  const query = {};
  if (mark < 0 || mark === url.length - 1) return query;
  for (const [name, value] of new URLSearchParams(url.slice(mark + 1))) {
    if (name === "__proto__") continue;
    const existing = Object.hasOwn(query, name) ? query[name] : void 0;
    if (existing === void 0) query[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else query[name] = [existing, value];
  }
  return query;
}

// runtime/server/via-tunnel.ts
var tunneled = /* @__PURE__ */ new WeakSet();
function isViaTunnel(req) {
  return tunneled.has(req);
}
function markingViaTunnel(handler) {
  return (req, res) => {
    tunneled.add(req);
    handler(req, res);
  };
}

// runtime/ingress/call-draft.ts
var CALL_BODY_CAP_BYTES = 64 * 1024;
var socketAddresses = /* @__PURE__ */ new WeakMap();
function callerAddress(req) {
  const viaTunnel = isViaTunnel(req);
  const known = viaTunnel ? void 0 : socketAddresses.get(req.socket);
  if (known !== void 0) return known;
  const address = clientAddress({
    socketAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    viaTunnel
  });
  if (!viaTunnel) socketAddresses.set(req.socket, address);
  return address;
}
function requestFacts(req) {
  const url = req.url ?? "/";
  const mark = url.indexOf("?");
  const headers = req.headers;
  return {
    method: req.method ?? "GET",
    path: mark < 0 ? url : url.slice(0, mark),
    ip: callerAddress(req),
    origin: callOrigin({ origin: headers.origin, referer: headers.referer }),
    rawHeaders: headers,
    rawQuery: parseQuery(url),
    url
  };
}
var CallDraft = class _CallDraft {
  constructor(facts, flowId, nodeId, trigger, kind, params) {
    this.facts = facts;
    this.flowId = flowId;
    this.nodeId = nodeId;
    this.trigger = trigger;
    this.kind = kind;
    this.params = params;
    const redaction = trigger?.redaction ?? redactionFor(void 0);
    this.headers = redactHeaders(facts.rawHeaders, redaction);
    this.query = redactQuery(facts.rawQuery, redaction);
  }
  facts;
  flowId;
  nodeId;
  trigger;
  kind;
  params;
  id = newCallId();
  at = (/* @__PURE__ */ new Date()).toISOString();
  headers;
  query;
  auth = { outcome: "not-checked" };
  bytes;
  parsed;
  idempotencyKey;
  /** A recorded call handled again (replay): its facts as recorded, secrets already redacted. */
  static fromRecord(record, trigger) {
    const facts = {
      method: record.method,
      path: record.path,
      ip: record.ip,
      origin: record.origin,
      rawHeaders: { ...record.headers },
      rawQuery: record.query,
      url: record.path
    };
    return new _CallDraft(
      facts,
      record.flowId,
      record.nodeId,
      trigger,
      record.trigger,
      record.params
    );
  }
  /** The call log record, with what happened to the call. */
  record(fields) {
    const { facts } = this;
    const contentType = headerText(this.facts.rawHeaders["content-type"]);
    const record = {
      id: this.id,
      at: this.at,
      seq: 0,
      flowId: this.flowId,
      nodeId: this.nodeId,
      trigger: this.kind,
      method: facts.method,
      path: facts.path,
      ip: facts.ip,
      headers: this.headers,
      query: this.query,
      params: this.params,
      size: this.bytes?.length ?? 0,
      auth: this.auth,
      ...facts.origin === void 0 ? {} : { origin: facts.origin },
      ...contentType === void 0 ? {} : { contentType: parseContentType(contentType).mediaType ?? contentType.slice(0, 100) },
      ...this.trigger?.published ? { flowVersion: this.trigger.published.version } : {},
      ...this.idempotencyKey === void 0 ? {} : { idempotencyKey: this.idempotencyKey },
      ...capturedBody(this.bytes),
      ...fields
    };
    return record;
  }
  /** What a listen stream shows: the record's fields plus the parsed body. */
  listened(record, error) {
    const parsed = this.parsed;
    return {
      callId: record.id,
      at: record.at,
      flowId: record.flowId,
      nodeId: record.nodeId,
      method: record.method,
      path: record.path,
      ip: record.ip,
      ...record.origin === void 0 ? {} : { origin: record.origin },
      headers: record.headers,
      query: record.query,
      params: record.params,
      ...record.contentType === void 0 ? {} : { contentType: record.contentType },
      size: record.size,
      body: parsed && parsed.kind !== "binary" ? parsed.value : record.body,
      ...parsed && parsed.files.length > 0 ? {
        files: parsed.files.map(({ field: field2, filename, mimeType, size }) => ({
          field: field2,
          filename,
          mimeType,
          size
        }))
      } : {},
      auth: record.auth,
      status: record.status ?? 200,
      captured: record.captured === true,
      ...record.runId === void 0 ? {} : { runId: record.runId },
      ...record.duplicateOf === void 0 ? {} : { duplicateOf: record.duplicateOf },
      ...error ? { error: { code: error.code, message: error.message } } : {}
    };
  }
};
function headerText(value) {
  return Array.isArray(value) ? value.join(", ") : value;
}
function capturedBody(bytes) {
  if (!bytes || bytes.length === 0) return {};
  const truncated = bytes.length > CALL_BODY_CAP_BYTES;
  let kept = truncated ? bytes.subarray(0, CALL_BODY_CAP_BYTES) : bytes;
  for (let back = 0; truncated && back < 3 && !isUtf8(kept); back += 1) {
    kept = kept.subarray(0, kept.length - 1);
  }
  const text = isUtf8(kept);
  return {
    body: text ? kept.toString("utf8") : kept.toString("base64"),
    bodyEncoding: text ? "utf8" : "base64",
    ...truncated ? { bodyTruncated: true } : {}
  };
}
function recordedBodyBytes(record) {
  if (record.bodyTruncated) return void 0;
  if (record.body === void 0) return Buffer.alloc(0);
  return Buffer.from(record.body, record.bodyEncoding === "base64" ? "base64" : "utf8");
}
function errorBody(error) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...error.details === void 0 ? {} : { details: error.details }
    }
  };
}

// runtime/ingress/replay.ts
async function replayCall(ingress, callId) {
  const { calls, channels } = ingress.deps;
  const record = await calls.read(callId);
  if (!record) throw new ApiError(404, "not_found", `No call with id "${callId}"`);
  const trigger = ingress.triggers.published(record.flowId, record.nodeId);
  if (!trigger) {
    throw new ApiError(
      409,
      "trigger_not_published",
      "The trigger of this call is not in the published version of its flow: publish it to replay the call."
    );
  }
  const bytes = await calls.bodyOf(record);
  if (!bytes) {
    throw new ApiError(
      409,
      "body_not_kept",
      "Only the start of this call\u2019s body was kept (it was refused, or longer than the log keeps), so it cannot be replayed."
    );
  }
  const draft = CallDraft.fromRecord(record, trigger);
  draft.bytes = bytes;
  draft.auth = { outcome: "not-checked" };
  draft.parsed = await parseBody(bytes, record.headers["content-type"], {
    ...trigger.requireContentType ? { requireContentType: trigger.requireContentType } : {}
  });
  const { channel, chatId } = record.params;
  const chat = channel === void 0 ? void 0 : channels.find((item) => item.name === channel)?.bind(chatId ?? "");
  const reply = await ingress.recordAndRun(draft, trigger, chat, void 0, record.id);
  if (reply.runId === void 0) {
    const body = reply.body;
    throw new ApiError(reply.status, "replay_failed", "The replay could not be recorded", body);
  }
  await reply.after?.();
  return { callId: draft.id, runId: reply.runId, replayOf: record.id };
}

// runtime/ingress/compile-trigger.ts
var triggerKey = (flowId, nodeId) => `${flowId}/${nodeId}`;
function webhookKindOf(node) {
  if (node.type === "webhook-trigger") return "webhook-trigger";
  if (node.type === "start" && node.data.config.triggerType === "webhook") return "start";
  return void 0;
}
function compileTrigger(flowId, node, published) {
  const base = { key: triggerKey(flowId, node.id), flowId, nodeId: node.id, published };
  if (node.type === "webhook-trigger") {
    const parsed = webhookTriggerConfigSchema.safeParse(node.data.config);
    if (!parsed.success) return void 0;
    const config = parsed.data;
    return {
      ...base,
      kind: "webhook-trigger",
      ...config.webhookId ? { webhookId: config.webhookId } : {},
      ...methods(config.methods),
      bodyLimitBytes: config.bodyLimitBytes,
      ...config.requireContentType ? { requireContentType: config.requireContentType } : {},
      ...security(config.security),
      idempotency: compileIdempotency(config.idempotency),
      response: config.response
    };
  }
  if (node.type === "start" && node.data.config.triggerType === "webhook") {
    const parsed = startConfigSchema.safeParse(node.data.config);
    if (!parsed.success) return void 0;
    const config = parsed.data;
    return {
      ...base,
      kind: "start",
      ...methods(config.methods ?? START_WEBHOOK_DEFAULTS.methods),
      bodyLimitBytes: config.bodyLimitBytes ?? START_WEBHOOK_DEFAULTS.bodyLimitBytes,
      ...security(webhookSecuritySchema.parse(config.security ?? {})),
      response: webhookResponseSchema.parse({})
    };
  }
  return void 0;
}
function methods(list) {
  return { methods: new Set(list), allow: list.join(", ") };
}
function security(config) {
  return {
    ip: parseIpAllowlist(config.ipAllowlist).matcher,
    origin: compileOriginAllowlist(config.originAllowlist),
    auth: config.auth,
    secretIds: webhookAuthSecretIds(config.auth),
    redaction: redactionFor(config.auth)
  };
}
function compileIdempotency(config) {
  if (config.source === "none" || !config.name) return void 0;
  if (config.source === "header") return { source: "header", name: config.name.toLowerCase() };
  const parsed = tryParsePath(config.name);
  return parsed.ok ? { source: "body-path", segments: parsed.segments } : void 0;
}

// runtime/api/calls.ts
function findTriggerNode(ctx, flowId, nodeId) {
  const flow = ctx.flows.get(flowId);
  if (!flow) throw notFound("flow", flowId);
  const node = flow.draft.nodes.find((item) => item.id === nodeId) ?? flow.published?.graph.nodes.find((item) => item.id === nodeId);
  if (!node) throw new ApiError(404, "not_found", `The flow has no node "${nodeId}"`);
  if (!webhookKindOf(node)) {
    throw new ApiError(
      409,
      "not_a_webhook",
      `Node "${nodeId}" is neither a Webhook Trigger nor a Start node with trigger type Webhook`
    );
  }
  return { flow, node };
}
function listTriggerCalls(ctx, flowId, nodeId, query) {
  findTriggerNode(ctx, flowId, nodeId);
  const { limit: limit2, before } = parseInput(callsQuerySchema, query);
  return ctx.ingress.deps.calls.page(flowId, nodeId, { limit: limit2, before });
}
async function getCall(ctx, callId) {
  const calls = ctx.ingress.deps.calls;
  const record = /^c_[A-Za-z0-9_-]{6,64}$/.test(callId) ? await calls.read(callId) : void 0;
  if (!record) throw notFound("call", callId);
  const bytes = await calls.bodyOf(record);
  if (!bytes || bytes.length === 0) return record;
  try {
    const parsed = await parseBody(bytes, record.headers["content-type"]);
    return parsed.kind === "binary" ? record : { ...record, parsedBody: parsed.value };
  } catch {
    return record;
  }
}
function replay(ctx, callId) {
  if (!/^c_[A-Za-z0-9_-]{6,64}$/.test(callId)) throw notFound("call", callId);
  return replayCall(ctx.ingress, callId);
}
function triggerUrls(ctx, flowId, nodeId) {
  const { node } = findTriggerNode(ctx, flowId, nodeId);
  const path = webhookKindOf(node) === "start" ? webhookPaths.callNode(flowId, nodeId) : typeof node.data.config.webhookId === "string" && node.data.config.webhookId !== "" ? webhookPaths.trigger(node.data.config.webhookId) : void 0;
  const bases = ctx.publicUrls();
  const live = ctx.ingress.triggers.published(flowId, nodeId);
  return {
    local: path ? [`${bases.local}${path}`] : [],
    public: path && bases.tunnel ? [`${bases.tunnel}${path}`] : [],
    // A regenerated id in the draft is not live until published.
    live: live !== void 0 && (live.kind === "start" || path === webhookPaths.trigger(live.webhookId ?? ""))
  };
}

// runtime/server/routes/calls-routes.ts
var HEARTBEAT_MS = 15e3;
function callsRoutes(ctx) {
  const router = Router();
  router.get("/flows/:flowId/nodes/:nodeId/calls", async (req, res) => {
    res.json(await listTriggerCalls(ctx, req.params.flowId, req.params.nodeId, req.query));
  });
  router.get("/flows/:flowId/nodes/:nodeId/urls", (req, res) => {
    res.json(triggerUrls(ctx, req.params.flowId, req.params.nodeId));
  });
  router.get("/flows/:flowId/nodes/:nodeId/listen", (req, res) => {
    findTriggerNode(ctx, req.params.flowId, req.params.nodeId);
    listen(ctx, triggerKey(req.params.flowId, req.params.nodeId), res);
  });
  router.get("/calls/:callId", async (req, res) => {
    res.json(await getCall(ctx, req.params.callId));
  });
  router.post("/calls/:callId/replay", async (req, res) => {
    res.status(202).json(await replay(ctx, req.params.callId));
  });
  return router;
}
function listen(ctx, key, res) {
  res.status(200).set({
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Accel-Buffering": "no"
  });
  res.flushHeaders();
  const send2 = (event, data) => res.write(`event: ${event}
data: ${JSON.stringify(data)}

`);
  res.write("retry: 2000\n\n");
  const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
  const unsubscribe = ctx.ingress.deps.hub.subscribe(key, (event) => {
    if (event.type === "call") {
      send2("call", event.call);
      return;
    }
    send2("closed", {});
    stop();
  });
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
    res.end();
  };
  res.on("close", () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
  send2("ready", { key });
}

// runtime/server/routes/webhook-routes.ts
var WEBHOOK_PREFIX = "/webhooks/flow/";
var CALL_NODE_PREFIX = "/api/call_node/";
function matchWebhookRoute(url) {
  const mark = url.indexOf("?");
  let path = mark < 0 ? url : url.slice(0, mark);
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  if (path.startsWith(WEBHOOK_PREFIX)) {
    const parts = segments(path.slice(WEBHOOK_PREFIX.length));
    const [webhookId] = parts ?? [];
    return parts?.length === 1 && webhookId ? { kind: "webhook", webhookId } : void 0;
  }
  if (path.startsWith(CALL_NODE_PREFIX)) {
    const parts = segments(path.slice(CALL_NODE_PREFIX.length));
    if (!parts) return void 0;
    const [flowId, nodeId, channel, chatId] = parts;
    if (!flowId || !nodeId) return void 0;
    if (parts.length === 2) return { kind: "call-node", flowId, nodeId };
    if (parts.length === 4 && channel && chatId) {
      return { kind: "call-node", flowId, nodeId, channel, chatId };
    }
  }
  return void 0;
}
function segments(rest) {
  try {
    const parts = rest.split("/").map((part) => decodeURIComponent(part));
    return parts.every((part) => part !== "") ? parts : void 0;
  } catch {
    return void 0;
  }
}
function send(res, reply) {
  const body = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    ...reply.headers
  });
  res.end(body);
}
function webhookRoutes(ingress) {
  return (req, res, next2) => {
    const route = matchWebhookRoute(req.url);
    if (!route) {
      next2();
      return;
    }
    ingress.handle(req, route).then((reply) => {
      send(res, reply);
      if (reply.after) void reply.after();
    }, next2);
  };
}

// runtime/ingress/call-log.ts
import { join as join11 } from "node:path";

// runtime/ingress/call-bodies.ts
import { mkdir as mkdir6, readdir as readdir4, readFile as readFile4, rm as rm6, stat as stat3 } from "node:fs/promises";
import { join as join10 } from "node:path";
var NAME2 = /^(c_[A-Za-z0-9_-]{6,64})\.bin$/;
var PRUNE_GRACE_MS = 10 * 60 * 1e3;
var CallBodies = class _CallBodies {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  #saved = 0;
  static async open(dataDir) {
    const bodies = new _CallBodies(join10(dataDir, "call-bodies"));
    await mkdir6(bodies.dir, { recursive: true, mode: 448 });
    return bodies;
  }
  async save(callId, bytes) {
    await writeFileAtomic(this.#path(callId), bytes);
    this.#saved += 1;
  }
  async read(callId) {
    try {
      return await readFile4(this.#path(callId));
    } catch (error) {
      if (isNotFound(error)) return void 0;
      throw error;
    }
  }
  /** How many bodies were saved since open (the call log prunes every so often). */
  get saved() {
    return this.#saved;
  }
  /**
   * Deletes the bodies of calls the log no longer has. A body is written just before its
   * call record, so recent files are left alone: their record may still be on its way.
   */
  async prune(isKept, now = Date.now()) {
    for (const name of await readdir4(this.dir)) {
      const callId = NAME2.exec(name)?.[1];
      if (!callId || isKept(callId)) continue;
      const path = join10(this.dir, name);
      const info = await stat3(path).catch(() => void 0);
      if (info && now - info.mtimeMs > PRUNE_GRACE_MS) await rm6(path, { force: true });
    }
  }
  #path(callId) {
    if (!NAME2.test(`${callId}.bin`)) throw new Error(`Not a call id: ${callId}`);
    return join10(this.dir, `${callId}.bin`);
  }
};

// runtime/ingress/call-log.ts
function project(record) {
  const projection = {
    id: record.id,
    at: record.at,
    seq: record.seq,
    flowId: record.flowId,
    nodeId: record.nodeId
  };
  if (record.status !== void 0) projection.status = record.status;
  if (record.runId !== void 0) projection.runId = record.runId;
  if (record.idempotencyKey !== void 0) projection.idempotencyKey = record.idempotencyKey;
  if (record.duplicateOf !== void 0) projection.duplicateOf = record.duplicateOf;
  if (record.replayOf !== void 0) projection.replayOf = record.replayOf;
  if (record.captured) projection.captured = true;
  if (record.runError !== void 0) projection.runError = true;
  return projection;
}
function summarizeCall(record) {
  const { headers: _h, query: _q, body: _b, response: _r, ...summary } = record;
  return summary;
}
var PRUNE_BODIES_EVERY = 200;
var CallLog = class _CallLog {
  constructor(log, bodies, logger) {
    this.log = log;
    this.bodies = bodies;
    this.logger = logger;
  }
  log;
  bodies;
  logger;
  static async open(dataDir, settings, logger, problems) {
    const log = await JsonlLog.open({
      dir: join11(dataDir, "calls"),
      schema: callRecordSchema,
      retention: () => ({
        maxRecords: settings().retentionCount,
        maxAgeDays: settings().retentionDays
      }),
      project,
      // Records are built by typed code (CallDraft); the hot path serializes them once.
      validateAppends: false,
      problems,
      logger
    });
    const bodies = await CallBodies.open(dataDir);
    const calls = new _CallLog(log, bodies, logger);
    await bodies.prune((id) => log.latest(id) !== void 0);
    return calls;
  }
  /** Resolves once the record is on disk (group-committed with concurrent calls). */
  append(record) {
    return this.log.append(record);
  }
  /** Saves an accepted call's whole body (longer than the log's cap) before its record. */
  async saveBody(callId, bytes) {
    await this.bodies.save(callId, bytes);
    if (this.bodies.saved % PRUNE_BODIES_EVERY === 0) {
      void this.bodies.prune((id) => this.log.latest(id) !== void 0).catch(
        (error) => this.logger.warn("could not prune stored call bodies", {
          error: error instanceof Error ? error.message : String(error)
        })
      );
    }
  }
  latest(id) {
    return this.log.latest(id);
  }
  /** Every retained call (its latest event), oldest first. */
  projections() {
    return this.log.latestAll();
  }
  read(id) {
    return this.log.readLatest(id);
  }
  /** Every byte of a recorded call's body, or undefined when only its start was kept. */
  async bodyOf(record) {
    if (record.bodyStored) return this.bodies.read(record.id);
    return recordedBodyBytes(record);
  }
  /** One trigger's calls, newest first. */
  async page(flowId, nodeId, query) {
    const { items, next: next2 } = await this.log.page({
      limit: query.limit,
      before: query.before,
      filter: (record) => record.flowId === flowId && record.nodeId === nodeId && this.log.latest(record.id)?.seq === record.seq
    });
    return { calls: items.map(summarizeCall), ...next2 === void 0 ? {} : { next: next2 } };
  }
  close() {
    return this.log.close();
  }
};

// runtime/ingress/listen-hub.ts
var ListenHub = class {
  #listeners = /* @__PURE__ */ new Map();
  /** The keys with at least one listener; read on every miss of the trigger map. */
  #keys = /* @__PURE__ */ new Set();
  #closed = false;
  get listened() {
    return this.#keys;
  }
  isListened(key) {
    return this.#keys.has(key);
  }
  /** Returns the function that stops listening. */
  subscribe(key, listener) {
    if (this.#closed) {
      queueMicrotask(() => listener({ type: "closed" }));
      return () => void 0;
    }
    let set = this.#listeners.get(key);
    if (!set) {
      set = /* @__PURE__ */ new Set();
      this.#listeners.set(key, set);
      this.#keys.add(key);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.#listeners.get(key) === set) {
        this.#listeners.delete(key);
        this.#keys.delete(key);
      }
    };
  }
  publish(key, call) {
    const set = this.#listeners.get(key);
    if (!set) return;
    for (const listener of set) {
      try {
        listener({ type: "call", call });
      } catch {
      }
    }
  }
  /** Ends every stream (the runtime is stopping). */
  close() {
    this.#closed = true;
    for (const set of this.#listeners.values()) {
      for (const listener of set) listener({ type: "closed" });
    }
    this.#listeners.clear();
    this.#keys.clear();
  }
};

// runtime/security/webhook-auth/signatures.ts
import { createHmac, timingSafeEqual } from "node:crypto";

// runtime/security/webhook-auth/types.ts
function authFailure(code, message, wwwAuthenticate) {
  return wwwAuthenticate === void 0 ? { ok: false, status: 401, code, message } : { ok: false, status: 401, code, message, wwwAuthenticate };
}
function headerValue(headers, name) {
  const lower = name.toLowerCase();
  if (Object.hasOwn(headers, lower)) {
    const value = headers[lower];
    return typeof value === "string" ? value : void 0;
  }
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== lower) continue;
    const value = headers[key];
    if (typeof value === "string") return value;
  }
  return void 0;
}
function queryValue(query, name) {
  if (!Object.hasOwn(query, name)) return { kind: "missing" };
  const value = query[name];
  if (typeof value === "string") return value === "" ? { kind: "missing" } : { kind: "one", value };
  if (Array.isArray(value)) {
    const strings = value.filter((item) => typeof item === "string");
    if (strings.length === 1 && strings[0]) return { kind: "one", value: strings[0] };
    return strings.length === 0 ? { kind: "missing" } : { kind: "repeated" };
  }
  return { kind: "missing" };
}

// runtime/security/webhook-auth/signatures.ts
var digestLengths = { sha1: 20, sha256: 32, sha512: 64 };
var algorithmLabels2 = {
  sha1: "HMAC-SHA1",
  sha256: "HMAC-SHA256",
  sha512: "HMAC-SHA512"
};
function hmac(algorithm, key, ...parts) {
  const mac = createHmac(algorithm, key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}
function decodeHex(text) {
  if (text.length === 0 || text.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(text)) return void 0;
  return Buffer.from(text, "hex");
}
function decodeBase64(text) {
  const normalized = text.replaceAll(" ", "+").replaceAll("-", "+").replaceAll("_", "/");
  const unpadded = normalized.replace(/={1,2}$/, "");
  if (unpadded.length === 0 || unpadded.length % 4 === 1 || !/^[A-Za-z0-9+/]+$/.test(unpadded)) {
    return void 0;
  }
  return Buffer.from(unpadded, "base64");
}
function digestsEqual(given, expected) {
  if (given.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(given, expected);
}
function anyDigestMatches(given, expected) {
  let matched = false;
  for (const signature of given) {
    for (const digest of expected) {
      matched = digestsEqual(signature, digest) || matched;
    }
  }
  return matched;
}
function parseUnixSeconds(text) {
  return /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : void 0;
}
function checkSignedTimestamp(signedAtSeconds, now, toleranceSeconds) {
  const age = Math.floor(now.getTime() / 1e3) - signedAtSeconds;
  if (age > toleranceSeconds || !Number.isFinite(age)) {
    return authFailure(
      "signature_expired",
      `The signed timestamp is ${age} s old; at most ${toleranceSeconds} s is accepted. A resent (replayed) request is refused: check the clocks of the sender and of this computer.`
    );
  }
  if (age < -toleranceSeconds) {
    return authFailure(
      "timestamp_in_future",
      `The signed timestamp is ${-age} s ahead of this computer's clock; at most ${toleranceSeconds} s is accepted: check the clocks of the sender and of this computer.`
    );
  }
  return void 0;
}
var SIGNATURE_MISMATCH = "Signature does not match: check the secret and that the body is not modified by a proxy";

// runtime/security/webhook-auth/hmac.ts
function describeSource(spec) {
  return spec.source === "header" ? `the ${spec.paramName} header` : `the "${spec.paramName}" query parameter`;
}
function verifyBodySignature(spec, request, secrets) {
  const where = describeSource(spec);
  let raw;
  if (spec.source === "header") {
    raw = headerValue(request.headers, spec.paramName);
  } else {
    const value = queryValue(request.query, spec.paramName);
    if (value.kind === "repeated") {
      return authFailure(
        "malformed_signature",
        `The "${spec.paramName}" query parameter appears more than once: send it once.`
      );
    }
    raw = value.kind === "one" ? value.value : void 0;
  }
  raw = raw?.trim();
  if (!raw) {
    return authFailure("missing_signature", `No signature in ${where}: ${spec.setupHint}`);
  }
  let encoded = raw;
  if (spec.prefix !== "") {
    if (raw.slice(0, spec.prefix.length).toLowerCase() !== spec.prefix.toLowerCase()) {
      return authFailure(
        "malformed_signature",
        `The signature in ${where} should start with "${spec.prefix}": check the prefix setting.`
      );
    }
    encoded = raw.slice(spec.prefix.length);
  }
  const given = spec.encoding === "hex" ? decodeHex(encoded) : decodeBase64(encoded);
  if (!given) {
    return authFailure(
      "malformed_signature",
      `The signature in ${where} is not ${spec.encoding === "hex" ? "hexadecimal" : "base64"}: check the encoding setting.`
    );
  }
  const expectedLength = digestLengths[spec.algorithm];
  if (given.length !== expectedLength) {
    return authFailure(
      "malformed_signature",
      `The signature in ${where} is ${given.length} bytes, but ${algorithmLabels2[spec.algorithm]} gives ${expectedLength}: check the algorithm and encoding settings.`
    );
  }
  const expected = secrets.map((secret) => hmac(spec.algorithm, secret, request.rawBody));
  if (!anyDigestMatches([given], expected)) {
    return authFailure("invalid_signature", `${SIGNATURE_MISMATCH}.`);
  }
  return { ok: true, scheme: spec.scheme };
}
function verifyHmac(auth, request, secrets) {
  return verifyBodySignature(
    {
      scheme: "hmac",
      algorithm: auth.algorithm,
      encoding: auth.encoding,
      prefix: auth.prefix,
      source: auth.source,
      paramName: auth.paramName,
      setupHint: "check that the sender signs its calls and the parameter name in the Security tab."
    },
    request,
    secrets
  );
}
function verifyGitHub(request, secrets) {
  return verifyBodySignature(
    {
      scheme: "github",
      algorithm: "sha256",
      encoding: "hex",
      prefix: "sha256=",
      source: "header",
      paramName: "X-Hub-Signature-256",
      setupHint: "set the Secret field in the GitHub webhook settings to the same secret."
    },
    request,
    secrets
  );
}
function verifyShopify(request, secrets) {
  return verifyBodySignature(
    {
      scheme: "shopify",
      algorithm: "sha256",
      encoding: "base64",
      prefix: "",
      source: "header",
      paramName: "X-Shopify-Hmac-Sha256",
      setupHint: "check that the call comes from Shopify (it signs every webhook)."
    },
    request,
    secrets
  );
}

// runtime/security/webhook-auth/slack.ts
var VERSION = "v0";
function verifySlack(auth, request, secrets, now) {
  const signature = headerValue(request.headers, "x-slack-signature")?.trim();
  const timestamp = headerValue(request.headers, "x-slack-request-timestamp")?.trim();
  if (!signature) {
    return authFailure(
      "missing_signature",
      "No X-Slack-Signature header: check that the call comes from your Slack app."
    );
  }
  if (!timestamp) {
    return authFailure(
      "missing_signature",
      "No X-Slack-Request-Timestamp header: Slack sends it with every signed request."
    );
  }
  const signedAt = parseUnixSeconds(timestamp);
  if (signedAt === void 0) {
    return authFailure(
      "malformed_signature",
      "The X-Slack-Request-Timestamp header is not a Unix time in seconds."
    );
  }
  const given = signature.startsWith(`${VERSION}=`) ? decodeHex(signature.slice(VERSION.length + 1)) : void 0;
  if (!given) {
    return authFailure(
      "malformed_signature",
      'The X-Slack-Signature header should be "v0=" followed by a hexadecimal signature.'
    );
  }
  const expected = secrets.map(
    (secret) => hmac("sha256", secret, `${VERSION}:${timestamp}:`, request.rawBody)
  );
  if (!anyDigestMatches([given], expected)) {
    return authFailure(
      "invalid_signature",
      `${SIGNATURE_MISMATCH} (the secret is the app's Signing Secret, not its token).`
    );
  }
  return checkSignedTimestamp(signedAt, now, auth.toleranceSeconds) ?? { ok: true, scheme: "slack" };
}

// runtime/security/webhook-auth/standard-webhooks.ts
var SECRET_PREFIX = "whsec_";
function standardWebhooksKey(secret) {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = decodeBase64(encoded.trim());
  return key && key.length > 0 ? key : void 0;
}
function verifyStandardWebhooks(auth, request, secrets, now) {
  const family = headerValue(request.headers, "webhook-signature") !== void 0 ? "webhook" : "svix";
  const signature = headerValue(request.headers, `${family}-signature`)?.trim();
  const id = headerValue(request.headers, `${family}-id`)?.trim();
  const timestamp = headerValue(request.headers, `${family}-timestamp`)?.trim();
  if (!signature) {
    return authFailure(
      "missing_signature",
      "No webhook-signature (or svix-signature) header: check that the sender signs with Standard Webhooks."
    );
  }
  if (!id || !timestamp) {
    return authFailure(
      "missing_signature",
      `The ${family}-id and ${family}-timestamp headers are required with ${family}-signature: the sender must send all three.`
    );
  }
  const signedAt = parseUnixSeconds(timestamp);
  if (signedAt === void 0) {
    return authFailure(
      "malformed_signature",
      `The ${family}-timestamp header is not a Unix time in seconds.`
    );
  }
  const given = signature.split(/\s+/).flatMap((entry) => {
    const comma = entry.indexOf(",");
    return comma > 0 && entry.slice(0, comma) === "v1" ? [entry.slice(comma + 1)] : [];
  }).flatMap((encoded) => decodeBase64(encoded) ?? []);
  if (given.length === 0) {
    return authFailure(
      "malformed_signature",
      `The ${family}-signature header holds no "v1,<base64>" signature.`
    );
  }
  const expected = secrets.flatMap((secret) => {
    const key = standardWebhooksKey(secret);
    return key ? [hmac("sha256", key, `${id}.${timestamp}.`, request.rawBody)] : [];
  });
  if (!anyDigestMatches(given, expected)) {
    return authFailure(
      "invalid_signature",
      `${SIGNATURE_MISMATCH} (the secret is the whsec_\u2026 signing secret of this endpoint).`
    );
  }
  return checkSignedTimestamp(signedAt, now, auth.toleranceSeconds) ?? {
    ok: true,
    scheme: "standard-webhooks"
  };
}

// runtime/security/webhook-auth/stripe.ts
function verifyStripe(auth, request, secrets, now) {
  const header = headerValue(request.headers, "stripe-signature")?.trim();
  if (!header) {
    return authFailure(
      "missing_signature",
      "No Stripe-Signature header: check that the call comes from a Stripe webhook endpoint."
    );
  }
  const timestamps = [];
  const given = [];
  for (const item of header.split(",")) {
    const equals = item.indexOf("=");
    if (equals < 0) continue;
    const key = item.slice(0, equals).trim();
    const value = item.slice(equals + 1).trim();
    if (key === "t") timestamps.push(value);
    if (key === "v1") {
      const decoded = decodeHex(value);
      if (decoded) given.push(decoded);
    }
  }
  const timestamp = timestamps.length === 1 ? timestamps[0] : void 0;
  const signedAt = timestamp === void 0 ? void 0 : parseUnixSeconds(timestamp);
  if (timestamp === void 0 || signedAt === void 0) {
    return authFailure(
      "malformed_signature",
      "The Stripe-Signature header needs exactly one t=<Unix seconds> timestamp."
    );
  }
  if (given.length === 0) {
    return authFailure(
      "malformed_signature",
      "The Stripe-Signature header holds no v1=<hex> signature (test v0 signatures are not accepted)."
    );
  }
  const expected = secrets.map(
    (secret) => hmac("sha256", secret, `${timestamp}.`, request.rawBody)
  );
  if (!anyDigestMatches(given, expected)) {
    return authFailure(
      "invalid_signature",
      `${SIGNATURE_MISMATCH} (the secret is the endpoint's whsec_\u2026 signing secret, not an API key).`
    );
  }
  return checkSignedTimestamp(signedAt, now, auth.toleranceSeconds) ?? { ok: true, scheme: "stripe" };
}

// runtime/security/webhook-auth/tokens.ts
import { randomBytes as randomBytes6 } from "node:crypto";

// runtime/security/constant-time.ts
import { createHash as createHash3, timingSafeEqual as timingSafeEqual2 } from "node:crypto";
function secretsEqual(given, expected) {
  const a = createHash3("sha256").update(given).digest();
  const b = createHash3("sha256").update(expected).digest();
  return timingSafeEqual2(a, b);
}

// runtime/security/webhook-auth/tokens.ts
var BEARER_REALM = 'Bearer realm="hookflow"';
function generateWebhookToken() {
  return randomBytes6(32).toString("base64url");
}
function matchesAny(given, tokens) {
  let matched = false;
  for (const token of tokens) matched = secretsEqual(given, token) || matched;
  return matched;
}
function verifyBearer(request, tokens) {
  const header = headerValue(request.headers, "authorization");
  if (header === void 0 || header.trim() === "") {
    return authFailure(
      "missing_credentials",
      'No Authorization header: send "Authorization: Bearer <token>" with the token from the Security tab.',
      BEARER_REALM
    );
  }
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    return authFailure(
      "missing_credentials",
      'The Authorization header is not a Bearer token: send "Authorization: Bearer <token>".',
      BEARER_REALM
    );
  }
  if (!matchesAny(match[1], tokens)) {
    return authFailure(
      "invalid_token",
      "The Bearer token is not valid: copy the current token from the Security tab (it changes when a new one is generated).",
      `${BEARER_REALM}, error="invalid_token"`
    );
  }
  return { ok: true, scheme: "bearer" };
}
function verifyHeaderToken(auth, request, tokens) {
  const given = headerValue(request.headers, auth.headerName);
  if (given === void 0 || given === "") {
    return authFailure(
      "missing_credentials",
      `No ${auth.headerName} header: send the token from the Security tab in it.`
    );
  }
  if (!matchesAny(given, tokens)) {
    return authFailure(
      "invalid_token",
      `The token in the ${auth.headerName} header is not valid: copy the current token from the Security tab.`
    );
  }
  return { ok: true, scheme: "header" };
}
function verifyQueryToken(auth, request, tokens) {
  const given = queryValue(request.query, auth.paramName);
  if (given.kind === "missing") {
    return authFailure(
      "missing_credentials",
      `No "${auth.paramName}" query parameter: add ?${auth.paramName}=<token> to the webhook URL.`
    );
  }
  if (given.kind === "repeated") {
    return authFailure(
      "invalid_token",
      `The "${auth.paramName}" query parameter appears more than once: send it once.`
    );
  }
  if (!matchesAny(given.value, tokens)) {
    return authFailure(
      "invalid_token",
      `The "${auth.paramName}" query parameter is not a valid token: copy the current token from the Security tab.`
    );
  }
  return { ok: true, scheme: "query" };
}

// runtime/security/webhook-auth/index.ts
function verifyWebhookAuth(auth, request, secrets, now) {
  if (auth.type === "public") return { ok: true, scheme: "public" };
  const usable = secrets.filter((secret) => typeof secret === "string" && secret.length > 0);
  if (usable.length === 0) {
    return authFailure(
      "secret_not_configured",
      "This webhook has no token or secret set yet: set one in the Security tab and publish again."
    );
  }
  switch (auth.type) {
    case "bearer":
      return verifyBearer(request, usable);
    case "header":
      return verifyHeaderToken(auth, request, usable);
    case "query":
      return verifyQueryToken(auth, request, usable);
    case "hmac":
      return verifyHmac(auth, request, usable);
    case "github":
      return verifyGitHub(request, usable);
    case "shopify":
      return verifyShopify(request, usable);
    case "standard-webhooks":
      return verifyStandardWebhooks(auth, request, usable, now);
    case "stripe":
      return verifyStripe(auth, request, usable, now);
    case "slack":
      return verifySlack(auth, request, usable, now);
  }
}

// runtime/ingress/dedupe.ts
import { createHash as createHash4 } from "node:crypto";
var MAX_KEY_LENGTH = 200;
var SWEEP_EVERY = 1e3;
var Deduper = class {
  constructor(calls) {
    this.calls = calls;
    for (const call of calls.projections()) {
      if (call.idempotencyKey === void 0 || call.runId === void 0 || call.duplicateOf) {
        continue;
      }
      const slot = `${call.flowId}/${call.nodeId}\0${call.idempotencyKey}`;
      if (!this.#first.has(slot)) this.#first.set(slot, call.id);
    }
  }
  calls;
  /** `${triggerKey}\0${key}` → the first accepted call with that key. */
  #first = /* @__PURE__ */ new Map();
  #inFlight = /* @__PURE__ */ new Map();
  #added = 0;
  /** The delivery id of a call, or undefined when the trigger has none or the call lacks it. */
  keyOf(trigger, headers, body) {
    const source = trigger.idempotency;
    if (!source) return void 0;
    const value = source.source === "header" ? Object.hasOwn(headers, source.name) ? headers[source.name] : void 0 : readPath({ body }, source.segments);
    if (typeof value !== "string" && typeof value !== "number") return void 0;
    const text = String(value);
    if (text === "") return void 0;
    return text.length > MAX_KEY_LENGTH ? `sha256:${createHash4("sha256").update(text).digest("hex")}` : text;
  }
  /** The first delivery's answer when this key was seen, waiting for one still in flight. */
  async previous(triggerKey2, key) {
    const slot = `${triggerKey2}\0${key}`;
    for (; ; ) {
      const inFlight = this.#inFlight.get(slot);
      if (!inFlight) break;
      const answer = await inFlight;
      if (answer) return answer;
    }
    const callId = this.#first.get(slot);
    if (!callId) return void 0;
    const call = this.calls.latest(callId);
    if (!call) {
      this.#first.delete(slot);
      return void 0;
    }
    if (call.status === void 0) {
      return { callId, status: 202, response: { accepted: true, runId: call.runId } };
    }
    const record = await this.calls.read(callId);
    return { callId, status: call.status, response: record?.response };
  }
  /**
   * Marks a delivery as in flight. Call `settle` with its answer once accepted (or with
   * undefined if it was not), so waiting repeats get it.
   */
  claim(triggerKey2, key, callId) {
    const slot = `${triggerKey2}\0${key}`;
    let settle = () => void 0;
    this.#inFlight.set(
      slot,
      new Promise((resolve8) => {
        settle = resolve8;
      })
    );
    return (answer) => {
      this.#inFlight.delete(slot);
      if (answer) this.#remember(slot, callId);
      settle(answer);
    };
  }
  #remember(slot, callId) {
    if (!this.#first.has(slot)) this.#first.set(slot, callId);
    this.#added += 1;
    if (this.#added % SWEEP_EVERY !== 0) return;
    for (const [key, id] of this.#first) {
      if (!this.calls.latest(id)) this.#first.delete(key);
    }
  }
};

// runtime/ingress/read-raw-body.ts
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

// runtime/ingress/format-bytes.ts
function formatBytes(bytes) {
  const units = [
    [1024 ** 3, "GiB"],
    [1024 ** 2, "MiB"],
    [1024, "KiB"]
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

// runtime/ingress/read-raw-body.ts
var CLOSE = { Connection: "close" };
function readRequestBody(req, limitBytes) {
  return new Promise((resolve8, reject) => {
    if (req.readableEnded) {
      reject(new Error("readRequestBody: the request body has already been read"));
      return;
    }
    if (Number(req.headers["content-length"]) > limitBytes) {
      reject(tooLarge(limitBytes, false));
      return;
    }
    let decoder;
    try {
      decoder = createDecoder(req.headers["content-encoding"]);
    } catch (error) {
      reject(error);
      return;
    }
    const received = [];
    const decoded = [];
    let receivedBytes = 0;
    let decodedBytes = 0;
    let settled = false;
    const onData = (chunk) => {
      receivedBytes += chunk.length;
      if (receivedBytes > limitBytes) {
        settle(tooLarge(limitBytes, false));
        return;
      }
      received.push(chunk);
      decoder?.write(chunk);
    };
    const onEnd = () => {
      if (decoder && receivedBytes > 0) decoder.end();
      else settle();
    };
    const onAbort = () => {
      if (!req.complete) settle(aborted());
    };
    function settle(error) {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onAbort);
      req.off("close", onAbort);
      if (error !== void 0) {
        req.pause();
        decoder?.destroy();
        reject(error);
        return;
      }
      const receivedBody = Buffer.concat(received, receivedBytes);
      resolve8({
        received: receivedBody,
        bytes: decoder ? Buffer.concat(decoded, decodedBytes) : receivedBody
      });
    }
    decoder?.on("data", (chunk) => {
      decodedBytes += chunk.length;
      if (decodedBytes > limitBytes) settle(tooLarge(limitBytes, true));
      else decoded.push(chunk);
    });
    decoder?.on("end", () => settle());
    decoder?.on(
      "error",
      (error) => settle(invalidEncoding(req.headers["content-encoding"], error))
    );
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onAbort);
    req.on("close", onAbort);
    req.resume();
  });
}
function createDecoder(header) {
  const encoding = (header ?? "").trim().toLowerCase();
  switch (encoding) {
    case "":
    case "identity":
      return void 0;
    case "gzip":
    case "x-gzip":
      return createGunzip();
    case "deflate":
      return createInflate();
    case "br":
      return createBrotliDecompress();
    default:
      throw new ApiError(
        415,
        "unsupported_content_encoding",
        `Content-Encoding "${encoding.slice(0, 60)}" is not supported; send the body uncompressed or with one of gzip, deflate or br`,
        void 0,
        CLOSE
      );
  }
}
function tooLarge(limitBytes, decompressed) {
  return new ApiError(
    413,
    "payload_too_large",
    `The request body is larger than this webhook accepts (${formatBytes(limitBytes)}${decompressed ? " once decompressed" : ""}). Raise the limit in the trigger's General tab.`,
    { limitBytes },
    CLOSE
  );
}
function aborted() {
  return new ApiError(400, "request_aborted", "The client closed the connection mid-upload");
}
function invalidEncoding(header, error) {
  return new ApiError(
    400,
    "invalid_content_encoding",
    `The body is not valid ${(header ?? "").trim().toLowerCase().slice(0, 60)} data: ${error.message}`
  );
}

// runtime/ingress/run-start.ts
function webhookRunStart(call, runId, published, body, chat, replayOf) {
  return {
    runId,
    // The call log holds the call, and recovery starts its run again after a crash.
    startRecorded: true,
    flowId: call.flowId,
    graph: published.graph,
    version: published.version,
    triggerNodeId: call.nodeId,
    trigger: { type: "webhook", callId: call.id, ...replayOf === void 0 ? {} : { replayOf } },
    input: {
      body,
      query: call.query,
      headers: call.headers,
      params: call.params,
      ip: call.ip,
      method: call.method
    },
    ...chat === void 0 ? {} : { chat }
  };
}

// runtime/ingress/reply.ts
var RETRY_AFTER_SECONDS = "5";
function errorReply(error) {
  return {
    status: error.status,
    body: errorBody(error),
    ...error.headers ? { headers: error.headers } : {}
  };
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// runtime/ingress/when-finished.ts
async function runToEnd(engine, response, runId, start) {
  try {
    await start();
  } catch (error) {
    return errorReply(
      new ApiError(
        503,
        "run_not_started",
        `The call was recorded but its run could not start now (${messageOf(error)}); it will run when Hookflow restarts.`,
        { runId },
        { "Retry-After": RETRY_AFTER_SECONDS }
      )
    );
  }
  const { timeoutSeconds, variables } = response;
  const run = await engine.waitForRun(runId, timeoutSeconds * 1e3);
  if (!run) {
    return errorReply(
      new ApiError(
        504,
        "run_timeout",
        `The flow did not finish within ${timeoutSeconds} s; it goes on running.`,
        { runId }
      )
    );
  }
  if (run.status !== "completed") {
    return errorReply(
      new ApiError(500, "run_failed", `The flow failed: ${run.error ?? run.status}`, { runId })
    );
  }
  let chosen = run.output ?? {};
  if (variables.length > 0) {
    chosen = {};
    for (const name of variables) {
      chosen[name] = Object.hasOwn(run.variables, name) ? run.variables[name] : null;
    }
  }
  return { status: 200, body: { runId, variables: chosen }, runId };
}

// runtime/ingress/trigger-map.ts
var TriggerMap = class {
  constructor(flows) {
    this.flows = flows;
  }
  flows;
  /** webhookId → published Webhook Trigger. */
  #byWebhookId = /* @__PURE__ */ new Map();
  /** `${flowId}/${nodeId}` → published trigger of either kind. */
  #byKey = /* @__PURE__ */ new Map();
  /** flowId → keys it contributed, so a republish replaces exactly those. */
  #byFlow = /* @__PURE__ */ new Map();
  rebuildAll() {
    this.#byWebhookId.clear();
    this.#byKey.clear();
    this.#byFlow.clear();
    for (const flow of this.flows.list()) this.rebuildFlow(flow.id);
  }
  /** Re-reads one flow: call on publish, unpublish and delete. */
  rebuildFlow(flowId) {
    for (const key of this.#byFlow.get(flowId) ?? []) {
      const old = this.#byKey.get(key);
      this.#byKey.delete(key);
      if (old?.webhookId && this.#byWebhookId.get(old.webhookId) === old) {
        this.#byWebhookId.delete(old.webhookId);
      }
    }
    this.#byFlow.delete(flowId);
    const published = this.flows.get(flowId)?.published;
    if (!published) return;
    const keys = [];
    for (const node of published.graph.nodes) {
      const trigger = compileTrigger(flowId, node, {
        version: published.version,
        graph: published.graph
      });
      if (!trigger) continue;
      this.#byKey.set(trigger.key, trigger);
      keys.push(trigger.key);
      if (trigger.webhookId && !this.#byWebhookId.has(trigger.webhookId)) {
        this.#byWebhookId.set(trigger.webhookId, trigger);
      }
    }
    this.#byFlow.set(flowId, keys);
  }
  /** The published trigger with this key (replay, URLs). */
  published(flowId, nodeId) {
    return this.#byKey.get(triggerKey(flowId, nodeId));
  }
  /** `/webhooks/flow/{webhookId}`. `listened`: keys with an open listen stream. */
  lookupWebhook(webhookId, listened) {
    const live = this.#byWebhookId.get(webhookId);
    if (live) return { ok: true, trigger: live, live: true };
    for (const flow of this.#draftOwners(webhookId, listened)) {
      const node = flow.draft.nodes.find(
        (item) => item.type === "webhook-trigger" && item.data.config.webhookId === webhookId
      );
      if (!node) continue;
      const key = triggerKey(flow.id, node.id);
      const draft = listened.has(key) ? compileTrigger(flow.id, node) : void 0;
      if (draft) return { ok: true, trigger: draft, live: false };
      return {
        ok: false,
        flowId: flow.id,
        nodeId: node.id,
        error: flow.published ? new ApiError(
          404,
          "webhook_not_published",
          "This webhook is in the flow\u2019s draft but not in its published version: publish the flow again to make the URL work."
        ) : new ApiError(
          404,
          "flow_not_published",
          "The flow this webhook belongs to is not published: publish it to make the URL work."
        )
      };
    }
    return {
      ok: false,
      error: new ApiError(
        404,
        "webhook_not_found",
        "No webhook has this URL: check the id at the end of the URL (copy it again from the trigger)."
      )
    };
  }
  /** `/api/call_node/{flowId}/{nodeId}` (seed 000). */
  lookupCallNode(flowId, nodeId, listened) {
    const key = triggerKey(flowId, nodeId);
    const live = this.#byKey.get(key);
    if (live?.kind === "start") return { ok: true, trigger: live, live: true };
    const flow = this.flows.get(flowId);
    if (!flow) {
      return miss(
        new ApiError(
          404,
          "flow_not_found",
          `No flow with id "${flowId}": check the flow id in the URL.`
        )
      );
    }
    const draftNode = flow.draft.nodes.find((node) => node.id === nodeId);
    if (draftNode && listened.has(key) && webhookKindOf(draftNode) === "start" && !live) {
      const draft = compileTrigger(flowId, draftNode);
      if (draft) return { ok: true, trigger: draft, live: false };
    }
    const publishedNode = flow.published?.graph.nodes.find((node) => node.id === nodeId);
    const ids = { flowId, nodeId };
    if (!flow.published) {
      return miss(
        new ApiError(
          404,
          "flow_not_published",
          "The flow is not published: publish it to make this URL work."
        ),
        ids
      );
    }
    if (!publishedNode) {
      return miss(
        new ApiError(
          404,
          draftNode ? "node_not_published" : "node_not_found",
          draftNode ? `Node "${nodeId}" is not in the published version of the flow: publish it again.` : `The flow has no node "${nodeId}": check the node id in the URL.`
        ),
        ids
      );
    }
    return miss(
      new ApiError(
        404,
        "not_a_webhook",
        publishedNode.type === "webhook-trigger" ? `Node "${nodeId}" is a Webhook Trigger: call its /webhooks/flow/\u2026 URL instead.` : `Node "${nodeId}" is not a Start node with trigger type Webhook.`
      ),
      ids
    );
  }
  /** Flows whose draft may hold this webhook id: listened ones first, then all. */
  *#draftOwners(webhookId, listened) {
    const seen = /* @__PURE__ */ new Set();
    for (const key of listened) {
      const flowId = key.slice(0, key.indexOf("/"));
      const flow = this.flows.get(flowId);
      if (flow && !seen.has(flowId)) {
        seen.add(flowId);
        if (hasWebhookId(flow.draft.nodes, webhookId)) yield flow;
      }
    }
    for (const flow of this.flows.list()) {
      if (!seen.has(flow.id) && hasWebhookId(flow.draft.nodes, webhookId)) yield flow;
    }
  }
};
function hasWebhookId(nodes, webhookId) {
  return nodes.some(
    (node) => node.type === "webhook-trigger" && node.data.config.webhookId === webhookId
  );
}
function miss(error, ids = {}) {
  return { ok: false, error, ...ids };
}

// runtime/ingress/pipeline.ts
var Ingress = class {
  constructor(deps) {
    this.deps = deps;
    this.triggers = new TriggerMap(deps.flows);
    this.triggers.rebuildAll();
    this.dedupe = new Deduper(deps.calls);
    this.#now = deps.now ?? (() => /* @__PURE__ */ new Date());
  }
  deps;
  triggers;
  dedupe;
  #now;
  async handle(req, route) {
    const { hub } = this.deps;
    const facts = requestFacts(req);
    const found = route.kind === "webhook" ? this.triggers.lookupWebhook(route.webhookId, hub.listened) : this.triggers.lookupCallNode(route.flowId, route.nodeId, hub.listened);
    const params = channelParams(route);
    if (!found.ok) {
      if (found.flowId === void 0 || found.nodeId === void 0) return errorReply(found.error);
      const kind = route.kind === "webhook" ? "webhook-trigger" : "start";
      const draft2 = new CallDraft(facts, found.flowId, found.nodeId, void 0, kind, params);
      return this.#refuse(draft2, found.error);
    }
    const { trigger, live } = found;
    const draft = new CallDraft(
      facts,
      trigger.flowId,
      trigger.nodeId,
      trigger,
      trigger.kind,
      params
    );
    let chat;
    try {
      if (route.kind === "call-node" && route.channel !== void 0) {
        chat = this.#bindChat(route.channel, route.chatId ?? "");
      }
      if (!trigger.methods.has(facts.method)) {
        throw new ApiError(
          405,
          "method_not_allowed",
          `This webhook accepts ${trigger.allow}; the call used ${facts.method}.`,
          void 0,
          { Allow: trigger.allow }
        );
      }
      const body = await readRequestBody(req, trigger.bodyLimitBytes);
      draft.bytes = body.bytes;
      const ip = checkIpAllowlist(trigger.ip, facts.ip);
      if (!ip.ok) throw new ApiError(ip.status, ip.code, ip.message);
      const origin = trigger.origin({ origin: req.headers.origin, referer: req.headers.referer });
      if (!origin.ok) throw new ApiError(origin.status, origin.code, origin.message);
      this.#authenticate(trigger, draft, body.bytes);
      draft.parsed = await parseBody(body.bytes, req.headers["content-type"], {
        ...trigger.requireContentType ? { requireContentType: trigger.requireContentType } : {}
      });
    } catch (error) {
      if (error instanceof ApiError) return this.#refuse(draft, error);
      throw error;
    }
    return this.#accept(draft, trigger, live, chat);
  }
  #authenticate(trigger, draft, rawBody) {
    const secrets = trigger.secretIds.map((id) => this.deps.secrets.reveal(id) ?? "");
    const { facts } = draft;
    const outcome = verifyWebhookAuth(
      trigger.auth,
      {
        method: facts.method,
        headers: facts.rawHeaders,
        query: facts.rawQuery,
        rawBody,
        url: facts.url
      },
      secrets,
      this.#now()
    );
    if (!outcome.ok) {
      draft.auth = { outcome: "failed", code: outcome.code };
      throw new ApiError(
        outcome.status,
        outcome.code,
        outcome.message,
        void 0,
        outcome.wwwAuthenticate ? { "WWW-Authenticate": outcome.wwwAuthenticate } : void 0
      );
    }
    draft.auth = { outcome: "passed", scheme: outcome.scheme };
  }
  #bindChat(channel, chatId) {
    const found = this.deps.channels.find((item) => item.name === channel);
    if (!found) {
      throw new ApiError(
        404,
        "unknown_channel",
        `There is no channel "${channel.slice(0, 60)}". Available channels: ${callNodeChannels.join(", ")}.`,
        { channels: callNodeChannels }
      );
    }
    const binding = found.bind(chatId);
    if (!binding) {
      throw new ApiError(
        404,
        "chat_not_found",
        `The ${channel} channel has no chat "${chatId.slice(0, 80)}".`
      );
    }
    return binding;
  }
  /** A refused call: recorded (best effort — nothing was accepted), streamed, answered. */
  async #refuse(draft, error) {
    const record = draft.record({ status: error.status, response: errorBody(error) });
    await this.#appendQuietly(record);
    this.#broadcast(draft, record, error);
    return errorReply(error);
  }
  async #accept(draft, trigger, live, chat) {
    const key = this.dedupe.keyOf(trigger, draft.facts.rawHeaders, draft.parsed?.value);
    draft.idempotencyKey = key;
    if (key !== void 0) {
      const first = await this.dedupe.previous(trigger.key, key);
      if (first) {
        const record = draft.record({
          status: first.status,
          response: first.response,
          duplicateOf: first.callId
        });
        await this.#appendQuietly(record);
        this.#broadcast(draft, record);
        return { status: first.status, body: first.response };
      }
    }
    const settle = key === void 0 ? void 0 : this.dedupe.claim(trigger.key, key, draft.id);
    if (!live) {
      settle?.();
      const response = { captured: true };
      const record = draft.record({ status: 200, response, captured: true });
      await this.#appendQuietly(record);
      this.#broadcast(draft, record);
      return { status: 200, body: response };
    }
    return this.recordAndRun(draft, trigger, chat, settle);
  }
  /**
   * Persist, then acknowledge: the call (with its run id) is on disk before any 2xx, so a
   * crash after the answer loses nothing (runtime/ingress/recovery.ts starts the run).
   * Also the way in for replays (runtime/ingress/replay.ts).
   */
  async recordAndRun(draft, trigger, chat, settle, replayOf) {
    const { engine, calls, logger } = this.deps;
    const published = trigger.published;
    if (!published) throw new Error("Only published triggers run");
    const runId = engine.newRunId();
    const whenFinished = trigger.response.mode === "when-finished" && replayOf === void 0;
    const accepted = { accepted: true, runId };
    const bytes = draft.bytes ?? Buffer.alloc(0);
    const storeBody = bytes.length > CALL_BODY_CAP_BYTES;
    const record = draft.record({
      runId,
      ...whenFinished ? {} : { status: 202, response: accepted },
      ...storeBody ? { bodyStored: true } : {},
      ...replayOf === void 0 ? {} : { replayOf }
    });
    try {
      await Promise.all([
        storeBody ? calls.saveBody(draft.id, bytes) : void 0,
        calls.append(record)
      ]);
    } catch (error) {
      settle?.();
      logger.error("an inbound call could not be recorded; the caller was asked to retry", {
        flowId: draft.flowId,
        nodeId: draft.nodeId,
        error: messageOf(error)
      });
      return errorReply(
        new ApiError(
          503,
          "not_recorded",
          "Hookflow could not record this call, so it was not accepted: retry later.",
          void 0,
          { "Retry-After": RETRY_AFTER_SECONDS }
        )
      );
    }
    this.#broadcast(draft, record);
    const start = () => engine.startRun(
      webhookRunStart(record, runId, published, draft.parsed?.value, chat, replayOf)
    );
    if (!whenFinished) {
      settle?.({ callId: draft.id, status: 202, response: accepted });
      return {
        status: 202,
        body: accepted,
        runId,
        after: () => start().then(
          () => void 0,
          (error) => this.#notStarted(record, error)
        )
      };
    }
    const reply = await runToEnd(engine, trigger.response, runId, start);
    if (reply.status !== 503) {
      await this.#appendQuietly({ ...record, seq: 1, status: reply.status, response: reply.body });
    }
    settle?.({ callId: draft.id, status: reply.status, response: reply.body });
    return reply;
  }
  #notStarted(record, error) {
    const message = messageOf(error);
    this.deps.logger.warn("an accepted call could not start its run", {
      callId: record.id,
      runId: record.runId,
      error: message
    });
    if (/stopping/i.test(message)) return;
    void this.#appendQuietly({ ...record, seq: 1, runError: message });
  }
  async #appendQuietly(record) {
    try {
      await this.deps.calls.append(record);
    } catch (error) {
      this.deps.logger.warn("a webhook call could not be added to the call log", {
        callId: record.id,
        error: messageOf(error)
      });
    }
  }
  #broadcast(draft, record, error) {
    const key = `${draft.flowId}/${draft.nodeId}`;
    if (this.deps.hub.isListened(key)) this.deps.hub.publish(key, draft.listened(record, error));
  }
};
function channelParams(route) {
  if (route.kind !== "call-node" || route.channel === void 0) return {};
  return { channel: route.channel, chatId: route.chatId ?? "" };
}

// runtime/ingress/recovery.ts
var RECOVERY_WINDOW_MS = 24 * 60 * 60 * 1e3;
async function recoverAcceptedCalls(ingress) {
  const { calls, engine, logger, channels } = ingress.deps;
  let newest = 0;
  for (const call of calls.projections()) newest = Math.max(newest, Date.parse(call.at) || 0);
  const pending = [...calls.projections()].filter(
    (call) => call.runId !== void 0 && !call.captured && !call.duplicateOf && !call.runError && newest - (Date.parse(call.at) || 0) <= RECOVERY_WINDOW_MS && !engine.hasRun(call.runId)
  );
  let started = 0;
  for (const call of pending) {
    const record = await calls.read(call.id);
    if (!record?.runId) continue;
    const failed = (reason) => calls.append({ ...record, seq: record.seq + 1, runError: reason }).catch(() => void 0);
    const trigger = ingress.triggers.published(record.flowId, record.nodeId);
    if (!trigger?.published) {
      await failed("The trigger was no longer published when Hookflow restarted");
      continue;
    }
    const bytes = await calls.bodyOf(record);
    if (!bytes) {
      await failed("The call\u2019s body was not kept whole, so its run could not be started");
      continue;
    }
    try {
      const parsed = await parseBody(bytes, record.headers["content-type"], {
        ...trigger.requireContentType ? { requireContentType: trigger.requireContentType } : {}
      });
      const chat = chatOf(record, channels);
      await engine.startRun(
        webhookRunStart(
          record,
          record.runId,
          trigger.published,
          parsed.value,
          chat,
          record.replayOf
        )
      );
      started += 1;
    } catch (error) {
      logger.warn("could not start the run of a recorded call after a restart", {
        callId: record.id,
        error: messageOf(error)
      });
      await failed(messageOf(error));
    }
  }
  if (started > 0) logger.info(`started ${started} run(s) of calls accepted before a crash`);
  return started;
}
function chatOf(record, channels) {
  const { channel, chatId } = record.params;
  if (channel === void 0) return void 0;
  return channels.find((item) => item.name === channel)?.bind(chatId ?? "");
}

// runtime/ingress/open-ingress.ts
async function openIngress(options) {
  const { engine, events, logger } = options;
  const calls = await CallLog.open(
    options.dataDir,
    () => options.settings.get().calls,
    logger,
    options.problems
  );
  const hub = new ListenHub();
  const runs = {
    startRun: (start) => engine.startRun(start),
    waitForRun: (runId, timeoutMs) => engine.waitForRun(runId, timeoutMs),
    hasRun: (runId) => engine.runStatus(runId) !== void 0,
    newRunId: newWebhookRunId
  };
  const ingress = new Ingress({
    flows: options.flows,
    secrets: options.secrets,
    calls,
    engine: runs,
    channels: options.channels,
    hub,
    logger
  });
  const rebuild = (flowId) => ingress.triggers.rebuildFlow(flowId);
  events.on("flow-published", rebuild);
  events.on("flow-unpublished", rebuild);
  events.on("flow-deleted", rebuild);
  await recoverAcceptedCalls(ingress);
  return {
    ingress,
    publicRouter: webhookRoutes(ingress),
    adminRouter: (urls) => callsRoutes({
      flows: options.flows,
      ingress,
      publicUrls: () => {
        const { public: local, tunnel } = urls();
        return { local, tunnel };
      }
    }),
    closeStreams: () => hub.close(),
    close: () => calls.close()
  };
}

// runtime/defaults.ts
var DEFAULT_ADMIN_PORT = 4810;
var DEFAULT_PUBLIC_PORT = 4811;

// runtime/security/admin-token.ts
import { randomBytes as randomBytes7 } from "node:crypto";
import { chmod, readFile as readFile5 } from "node:fs/promises";
import { join as join12 } from "node:path";
var ADMIN_TOKEN_FILE = "admin-token";
function adminTokenPath(dataDir) {
  return join12(dataDir, ADMIN_TOKEN_FILE);
}
async function loadOrCreateAdminToken(dataDir) {
  const path = adminTokenPath(dataDir);
  try {
    const existing = (await readFile5(path, "utf8")).trim();
    if (/^[A-Za-z0-9_-]{32,}$/.test(existing)) {
      await chmod(path, 384).catch(() => void 0);
      return existing;
    }
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const token = randomBytes7(32).toString("base64url");
  await writeFileAtomic(path, `${token}
`);
  await chmod(path, 384).catch(() => void 0);
  return token;
}

// runtime/security/login-codes.ts
import { randomBytes as randomBytes8 } from "node:crypto";
var TTL_MS = 24 * 60 * 60 * 1e3;
var MAX_OUTSTANDING = 20;
var LoginCodes = class {
  #codes = /* @__PURE__ */ new Map();
  issue(now = Date.now()) {
    const code = randomBytes8(24).toString("base64url");
    this.#codes.set(code, now + TTL_MS);
    while (this.#codes.size > MAX_OUTSTANDING) {
      const oldest = this.#codes.keys().next().value;
      if (oldest === void 0) break;
      this.#codes.delete(oldest);
    }
    return code;
  }
  /** True once per issued, unexpired code. */
  redeem(code, now = Date.now()) {
    const expires = this.#codes.get(code);
    if (expires === void 0) return false;
    this.#codes.delete(code);
    return expires > now;
  }
};

// runtime/security/secrets-key.ts
import { randomBytes as randomBytes9 } from "node:crypto";
import { access as access2, chmod as chmod2, readFile as readFile6 } from "node:fs/promises";
import { join as join13 } from "node:path";
var SECRETS_KEY_FILE = "secrets.key";
var SAFE_SECRETS_KEY_FILE = "secrets.key.safe";
var KeychainProtectedError = class extends Error {
  constructor(dataDir) {
    super(
      `The secrets of ${dataDir} are protected by the Hookflow desktop app's OS keychain. Open the desktop app on this data folder, or start headless with another --data-dir.`
    );
    this.name = "KeychainProtectedError";
  }
};
function decodeKey(text) {
  const key = Buffer.from(text.trim(), "base64");
  return key.length === 32 ? key : void 0;
}
function newSecretsKey() {
  return randomBytes9(32);
}
async function loadOrCreateSecretsKeyFile(dataDir) {
  const path = join13(dataDir, SECRETS_KEY_FILE);
  try {
    const key2 = decodeKey(await readFile6(path, "utf8"));
    if (!key2)
      throw new Error(`${path} does not hold a 32-byte base64 key; restore it from a backup`);
    await chmod2(path, 384).catch(() => void 0);
    return key2;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const protectedByKeychain = await access2(join13(dataDir, SAFE_SECRETS_KEY_FILE)).then(
    () => true,
    () => false
  );
  if (protectedByKeychain) throw new KeychainProtectedError(dataDir);
  const key = newSecretsKey();
  await writeFileAtomic(path, `${key.toString("base64")}
`);
  await chmod2(path, 384).catch(() => void 0);
  return key;
}

// runtime/server/admin-app.ts
import express2 from "express";

// runtime/server/admin-auth.ts
import { createHmac as createHmac2 } from "node:crypto";
var CLIENT_HEADER = "x-hookflow-client";
function sessionCookieName(req) {
  return `hookflow_session_${req.socket.localPort ?? 0}`;
}
function sessionValue(adminToken) {
  return createHmac2("sha256", adminToken).update("designer-session:v1").digest("base64url");
}
function readCookie(req, name) {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return void 0;
}
function setSessionCookie(req, res, adminToken) {
  res.cookie(sessionCookieName(req), sessionValue(adminToken), {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    maxAge: 400 * 24 * 60 * 60 * 1e3
  });
}
function isAuthorized(req, adminToken) {
  const header = req.headers.authorization;
  if (header !== void 0) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] !== void 0 && secretsEqual(match[1], adminToken);
  }
  const cookie = readCookie(req, sessionCookieName(req));
  return cookie !== void 0 && req.headers[CLIENT_HEADER] !== void 0 && secretsEqual(cookie, sessionValue(adminToken));
}
function requireAdmin(adminToken) {
  return (req, _res, next2) => {
    if (isAuthorized(req, adminToken)) {
      next2();
      return;
    }
    next2(
      new ApiError(
        401,
        "unauthorized",
        'Missing or wrong admin token. Send "Authorization: Bearer <token>" with the token from the file admin-token in the data folder, or open the designer with `hookflow open`.',
        void 0,
        { "WWW-Authenticate": 'Bearer realm="hookflow-admin"' }
      )
    );
  };
}

// runtime/server/designer-routes.ts
import { join as join14 } from "node:path";
import express, { Router as Router2 } from "express";
function designerRoutes(designerDir) {
  const router = Router2();
  if (!designerDir) {
    router.get("/", (_req, res) => {
      res.status(503).type("html").send(
        '<!doctype html><meta charset="utf-8"><title>Hookflow</title><p>The designer has not been built. Run <code>npm run build</code> and reload.</p>'
      );
    });
    return router;
  }
  router.use(
    "/assets",
    express.static(join14(designerDir, "assets"), {
      immutable: true,
      maxAge: "1y",
      fallthrough: false
    })
  );
  router.use(express.static(designerDir, { index: false, maxAge: 0 }));
  router.get(/^\/(?!api\/|assets\/).*/, (req, res, next2) => {
    if (!req.accepts("html")) {
      next2();
      return;
    }
    res.set("Cache-Control", "no-cache");
    res.sendFile(join14(designerDir, "index.html"));
  });
  return router;
}

// runtime/server/host-guard.ts
var LOOPBACK_NAMES = /* @__PURE__ */ new Set(["localhost", "127.0.0.1", "[::1]"]);
function hostnameOf(hostHeader) {
  if (!hostHeader) return void 0;
  const match = /^(\[[^\]]+\]|[^:]+)(?::\d{1,5})?$/.exec(hostHeader.trim().toLowerCase());
  return match?.[1];
}
function isLoopbackHost(hostHeader) {
  const name = hostnameOf(hostHeader);
  return name !== void 0 && LOOPBACK_NAMES.has(name);
}
var loopbackHostGuard = (req, _res, next2) => {
  if (isLoopbackHost(req.headers.host)) {
    next2();
    return;
  }
  next2(
    new ApiError(
      403,
      "forbidden_host",
      "The admin listener only answers requests addressed to localhost or 127.0.0.1"
    )
  );
};

// runtime/server/json-errors.ts
function sendError(res, error) {
  if (error.headers) res.set(error.headers);
  res.status(error.status).json({
    error: {
      code: error.code,
      message: error.message,
      ...error.details === void 0 ? {} : { details: error.details }
    }
  });
}
function fromBodyParser(error) {
  if (typeof error !== "object" || error === null || !("type" in error)) return void 0;
  switch (error.type) {
    case "entity.parse.failed":
      return new ApiError(
        400,
        "invalid_json",
        `The request body is not valid JSON: ${"message" in error ? String(error.message) : ""}`
      );
    case "entity.too.large":
      return new ApiError(413, "payload_too_large", "The request body is too large");
    case "encoding.unsupported":
    case "charset.unsupported":
      return new ApiError(415, "unsupported_media_type", "Unsupported body encoding or charset");
    case "request.aborted":
      return new ApiError(400, "request_aborted", "The request was aborted by the client");
    default:
      return void 0;
  }
}
function jsonErrorHandler(logger) {
  return (error, _req, res, _next) => {
    const apiError = error instanceof ApiError ? error : fromBodyParser(error);
    if (apiError) {
      sendError(res, apiError);
      return;
    }
    logger.error("unexpected error while handling a request", {
      error: error instanceof Error ? error.message : String(error)
    });
    if (res.headersSent) return;
    sendError(res, new ApiError(500, "internal_error", "Something went wrong inside Hookflow"));
  };
}
function notFoundHandler(message) {
  return (req, res) => {
    sendError(res, new ApiError(404, "not_found", `${message}: ${req.method} ${req.path}`));
  };
}
var requireJsonBody = (req, _res, next2) => {
  const hasBody = req.headers["transfer-encoding"] !== void 0 || req.headers["content-length"] !== void 0 && req.headers["content-length"] !== "0";
  if (hasBody && !req.is("application/json")) {
    next2(new ApiError(415, "unsupported_media_type", "Send the body as application/json"));
    return;
  }
  next2();
};

// runtime/server/routes/flows-routes.ts
import { Router as Router5 } from "express";

// runtime/server/routes/flow-files-routes.ts
import { Router as Router3 } from "express";
function flowFilesRoutes(ctx) {
  const router = Router3();
  router.get("/flows/:id/export", (req, res) => {
    const file = exportFlow(ctx, req.params.id);
    res.attachment(exportFileName(file)).json(file);
  });
  router.post("/flows/import", async (req, res) => {
    res.status(201).json(await importFlow(ctx, req.body));
  });
  router.post("/flows/:id/duplicate", async (req, res) => {
    res.status(201).json(await duplicateFlow(ctx, req.params.id, req.body));
  });
  return router;
}

// runtime/server/routes/publish-routes.ts
import { Router as Router4 } from "express";
function publishRoutes(ctx) {
  const router = Router4();
  router.get("/flows/:id/validate", (req, res) => {
    res.json(validateFlow(ctx, req.params.id));
  });
  router.post("/flows/:id/publish", async (req, res) => {
    res.json(await publishFlow(ctx, req.params.id, req.body));
  });
  router.post("/flows/:id/unpublish", async (req, res) => {
    res.json(await unpublishFlow(ctx, req.params.id));
  });
  router.get("/flows/:id/versions", async (req, res) => {
    res.json({ versions: await listVersions(ctx, req.params.id) });
  });
  router.get("/flows/:id/versions/:version", async (req, res) => {
    res.json(await getVersion(ctx, req.params.id, req.params.version));
  });
  return router;
}

// runtime/server/routes/flows-routes.ts
function flowsRoutes(ctx) {
  const router = Router5();
  router.get("/flows", (_req, res) => {
    res.json({ flows: listFlows(ctx) });
  });
  router.post("/flows", async (req, res) => {
    res.status(201).json(await createFlow(ctx, req.body));
  });
  router.get("/flows/:id", (req, res) => {
    res.json(getFlow(ctx, req.params.id));
  });
  router.patch("/flows/:id", async (req, res) => {
    res.json(await updateFlow(ctx, req.params.id, req.body));
  });
  router.delete("/flows/:id", async (req, res) => {
    await deleteFlow(ctx, req.params.id);
    res.status(204).end();
  });
  router.use(publishRoutes(ctx), flowFilesRoutes(ctx));
  return router;
}

// runtime/server/routes/settings-routes.ts
import { Router as Router6 } from "express";

// runtime/shared/settings.ts
import { z as z27 } from "zod";
var settingsSchema = z27.object({
  runs: z27.object({
    /** A run stops with a clear failure after this many steps (runaway loops). */
    maxStepsPerRun: z27.number().int().min(10).max(1e5).default(1e3),
    retentionCount: z27.number().int().min(10).max(1e6).default(1e4),
    retentionDays: z27.number().int().min(1).max(3650).default(30)
  }).prefault({}),
  calls: z27.object({
    retentionCount: z27.number().int().min(10).max(1e6).default(1e4),
    retentionDays: z27.number().int().min(1).max(3650).default(14)
  }).prefault({}),
  tunnel: z27.object({
    /** Open the public tunnel whenever Hookflow starts. */
    autoStart: z27.boolean().default(false),
    /** A reserved ngrok domain; empty means ngrok assigns one. */
    domain: z27.string().max(253).optional()
  }).prefault({})
});
var settingsPatchSchema = z27.object({
  runs: settingsSchema.shape.runs.unwrap().partial().optional(),
  calls: settingsSchema.shape.calls.unwrap().partial().optional()
});

// runtime/api/settings.ts
function getSettings(ctx) {
  return ctx.settings.get();
}
function updateSettings(ctx, input) {
  return ctx.settings.update(parseInput(settingsPatchSchema, input));
}

// runtime/server/routes/settings-routes.ts
function settingsRoutes(ctx) {
  const router = Router6();
  router.get("/settings", (_req, res) => {
    res.json(getSettings(ctx));
  });
  router.patch("/settings", async (req, res) => {
    res.json(await updateSettings(ctx, req.body));
  });
  return router;
}

// runtime/server/routes/status-routes.ts
import { Router as Router7 } from "express";

// runtime/version.ts
var HOOKFLOW_VERSION = "0.1.0";

// runtime/server/routes/status-routes.ts
function statusRoutes({ ctx, urls, loginUrl }) {
  const router = Router7();
  router.get("/status", (_req, res) => {
    const status = {
      version: HOOKFLOW_VERSION,
      dataDir: ctx.dataDir,
      urls: urls(),
      problems: [...ctx.problems.list()]
    };
    res.json(status);
  });
  router.post("/session/login-url", (_req, res) => {
    res.status(201).json({ url: loginUrl() });
  });
  return router;
}

// runtime/server/security-headers.ts
var securityHeaders = (_req, res, next2) => {
  res.set({
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin"
  });
  next2();
};

// runtime/server/admin-app.ts
var ADMIN_BODY_LIMIT = "10mb";
function createAdminApp(deps) {
  const app = express2();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use(loopbackHostGuard, securityHeaders);
  app.get("/login", (req, res) => {
    const code = typeof req.query.code === "string" ? req.query.code : "";
    if (deps.loginCodes.redeem(code)) {
      setSessionCookie(req, res, deps.adminToken);
      res.redirect(303, "/");
      return;
    }
    res.status(401).type("html").send(
      '<!doctype html><meta charset="utf-8"><title>Hookflow sign-in</title><body style="font-family:system-ui;max-width:40em;margin:4em auto"><h1>This sign-in link has already been used or has expired</h1><p>Open Hookflow from its tray icon, or run <code>hookflow open</code> (<code>npm run open</code> in a checkout) to get a fresh link.</p>'
    );
  });
  const api = express2.Router();
  api.use(requireAdmin(deps.adminToken), (_req, res, next2) => {
    res.set("Cache-Control", "no-store");
    next2();
  });
  api.use(requireJsonBody, express2.json({ limit: ADMIN_BODY_LIMIT, strict: true }));
  api.use(statusRoutes({ ctx: deps.ctx, urls: deps.urls, loginUrl: deps.loginUrl }));
  api.use(flowsRoutes(deps.ctx));
  api.use(settingsRoutes(deps.ctx));
  for (const router of deps.apiRouters ?? []) api.use(router);
  api.use(notFoundHandler("No admin API route"));
  app.use("/api", api);
  app.use(designerRoutes(deps.designerDir));
  app.use(notFoundHandler("Nothing here"));
  app.use(jsonErrorHandler(deps.logger));
  return app;
}

// runtime/server/designer-files.ts
import { existsSync } from "node:fs";
import { dirname as dirname3, join as join15, resolve as resolve4 } from "node:path";
import { fileURLToPath } from "node:url";
function resolveDesignerDir(env = process.env) {
  if (env.HOOKFLOW_DESIGNER_DIR) return resolve4(env.HOOKFLOW_DESIGNER_DIR);
  const here = dirname3(fileURLToPath(import.meta.url));
  const candidates = [join15(here, "..", "renderer"), join15(here, "..", "..", "dist", "renderer")];
  return candidates.find((dir) => existsSync(join15(dir, "index.html")));
}

// runtime/server/listen.ts
import { createServer } from "node:http";
var PortInUseError = class extends Error {
  constructor(host, port, flag) {
    super(
      `Port ${port} on ${host} is already in use (is Hookflow already running?). Choose another with ${flag}.`
    );
    this.host = host;
    this.port = port;
    this.flag = flag;
    this.name = "PortInUseError";
  }
  host;
  port;
  flag;
};
function listen2(handler, port, host, flag) {
  const server = createServer(handler);
  server.headersTimeout = 15e3;
  server.requestTimeout = 6e4;
  server.keepAliveTimeout = 5e3;
  return new Promise((resolve8, reject) => {
    server.once("error", (error) => {
      reject(error.code === "EADDRINUSE" ? new PortInUseError(host, port, flag) : error);
    });
    server.listen(port, host, () => {
      const address = server.address();
      resolve8({
        server,
        host,
        port: address.port,
        close: (graceMs = 5e3) => closeServer(server, graceMs)
      });
    });
  });
}
function closeServer(server, graceMs) {
  return new Promise((resolve8) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve8();
    });
    server.closeIdleConnections();
  });
}

// runtime/server/public-app.ts
import express3 from "express";
function createPublicApp(deps) {
  const app = express3();
  app.disable("x-powered-by");
  app.set("etag", false);
  for (const router of deps.routers ?? []) app.use(router);
  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  app.use(notFoundHandler("No webhook or endpoint at this address"));
  app.use(jsonErrorHandler(deps.logger));
  return app;
}

// runtime/server/routes/runs-routes.ts
import { Router as Router8 } from "express";

// runtime/api/runs.ts
import { z as z28 } from "zod";
var isoTime = z28.string().refine((text) => !Number.isNaN(Date.parse(text)), "Use an ISO 8601 time").transform((text) => new Date(text).toISOString());
var runQuerySchema = z28.object({
  flowId: z28.string().max(64).optional(),
  status: runStatusSchema.optional(),
  since: isoTime.optional(),
  until: isoTime.optional(),
  limit: z28.coerce.number().int().min(1).max(200).default(50),
  before: z28.string().max(200).optional()
});
var manualRunInputSchema = z28.object({
  /** Run the draft (validated first) instead of the published version. */
  draft: z28.boolean().default(false),
  variables: z28.record(variableNameSchema, z28.unknown()).optional(),
  /** A payload to try the flow with, readable as `body` like a webhook's. */
  body: z28.unknown().optional(),
  query: z28.record(z28.string(), z28.string()).optional()
}).strict();
function listRuns(ctx, query) {
  return ctx.engine.listRuns(parseInput(runQuerySchema, query));
}
async function getRun(ctx, id) {
  const run = await ctx.engine.getRun(id);
  if (!run) throw notFound("run", id);
  return run;
}
async function startManualRun(ctx, flowId, input) {
  const { draft, variables, body, query } = parseInput(manualRunInputSchema, input ?? {});
  const flow = getFlow(ctx, flowId);
  const { graph, version } = runnableGraph(flow, draft);
  try {
    return await ctx.engine.startRun({
      flowId,
      graph,
      version,
      triggerNodeId: startNodeOf(graph),
      trigger: { type: "manual" },
      input: { body, query: query ?? {}, method: "MANUAL" },
      variables
    });
  } catch (error) {
    throw apiErrorFrom(error);
  }
}
async function cancelRun(ctx, id) {
  try {
    return await ctx.engine.cancel(id);
  } catch (error) {
    throw apiErrorFrom(error);
  }
}
function runnableGraph(flow, draft) {
  if (draft) {
    assertDraftRunnable(flow.draft);
    return { graph: flow.draft, version: "draft" };
  }
  if (!flow.published) {
    throw new ApiError(
      409,
      "not_published",
      `"${flow.name}" is not published yet. Publish it, or run the draft with { "draft": true }.`
    );
  }
  return { graph: flow.published.graph, version: flow.published.version };
}
function startNodeOf(graph) {
  const start = manualTriggerNode(graph);
  if (!start) {
    throw new ApiError(
      422,
      "no_start_node",
      "This flow has no Start node with the manual trigger (nor a single trigger) to start from"
    );
  }
  return start;
}
function assertDraftRunnable(graph) {
  const problems = validateGraph(graph);
  if (hasErrors(problems)) {
    throw invalidFlow(problems, "The draft has problems that stop it from running");
  }
}
function apiErrorFrom(error) {
  if (!(error instanceof EngineError)) return error;
  const status = { not_found: 404, finished: 409, stopping: 503, invalid_trigger: 422 }[error.code];
  return new ApiError(status, error.code, error.message);
}

// runtime/server/routes/runs-routes.ts
function runsRoutes(ctx) {
  const router = Router8();
  router.get("/runs", async (req, res) => {
    res.json(await listRuns(ctx, req.query));
  });
  router.get("/runs/:id", async (req, res) => {
    res.json(await getRun(ctx, req.params.id));
  });
  router.post("/runs/:id/cancel", async (req, res) => {
    res.json(await cancelRun(ctx, req.params.id));
  });
  router.post("/flows/:id/runs", async (req, res) => {
    res.status(201).json(await startManualRun(ctx, req.params.id, req.body));
  });
  return router;
}

// runtime/server/routes/secrets-routes.ts
import { Router as Router9 } from "express";

// runtime/shared/secrets.ts
import { z as z29 } from "zod";
var SECRET_ID_PATTERN = /^s_[A-Za-z0-9_-]{8,64}$/;
var secretValueSchema = z29.string().min(1, "Enter the token or secret").max(4096, "A secret can be at most 4096 characters");
var createSecretInputSchema = z29.object({
  /** What it is for, e.g. `webhook-token` or `hmac-secret`; shown, never secret. */
  purpose: z29.string().trim().min(1).max(100),
  /** Omit to generate a token (32 random bytes, base64url). */
  value: secretValueSchema.optional()
});
var setSecretInputSchema = z29.object({ value: secretValueSchema });

// runtime/store/secrets-store.ts
import { randomBytes as randomBytes11 } from "node:crypto";
import { join as join16 } from "node:path";
import { z as z30 } from "zod";

// runtime/security/secret-box.ts
import { createCipheriv, createDecipheriv, randomBytes as randomBytes10 } from "node:crypto";
var PREFIX = "v1:";
var IV_BYTES = 12;
var TAG_BYTES = 16;
function sealSecret(key, slot, plaintext) {
  const iv = randomBytes10(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(slot, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}
function openSecret(key, slot, sealed) {
  if (!sealed.startsWith(PREFIX)) throw new Error("Unknown secret format");
  const raw = Buffer.from(sealed.slice(PREFIX.length), "base64");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error("Secret is truncated");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(slot, "utf8"));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([
    decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
    decipher.final()
  ]).toString("utf8");
}

// runtime/store/secrets-store.ts
var secretsFileSchema = z30.object({
  secrets: z30.record(
    z30.string(),
    z30.object({
      sealed: z30.string(),
      purpose: z30.string(),
      createdAt: z30.string(),
      updatedAt: z30.string()
    })
  )
});
var SecretsStore = class _SecretsStore {
  constructor(doc, key) {
    this.doc = doc;
    this.key = key;
  }
  doc;
  key;
  static async open(dataDir, key, problems) {
    const doc = await JsonDocument.open({
      path: join16(dataDir, "secrets.json"),
      schema: secretsFileSchema,
      problems,
      defaults: () => ({ secrets: {} })
    });
    return new _SecretsStore(doc, key);
  }
  static newId() {
    return `s_${randomBytes11(12).toString("base64url")}`;
  }
  /** Stores (or replaces) a secret; returns its id. */
  async set(id, purpose, plaintext) {
    const now = (/* @__PURE__ */ new Date()).toISOString();
    await this.doc.update((file) => {
      const existing = file.secrets[id];
      file.secrets[id] = {
        sealed: sealSecret(this.key, id, plaintext),
        purpose,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now
      };
    });
    return id;
  }
  /** The plaintext, or undefined for an unknown id. Throws if the key does not match. */
  reveal(id) {
    const entry = this.doc.data.secrets[id];
    return entry ? openSecret(this.key, id, entry.sealed) : void 0;
  }
  info(id) {
    const entry = this.doc.data.secrets[id];
    return entry ? { id, purpose: entry.purpose, createdAt: entry.createdAt, updatedAt: entry.updatedAt } : void 0;
  }
  has(id) {
    return id in this.doc.data.secrets;
  }
  async delete(id) {
    await this.doc.update((file) => {
      delete file.secrets[id];
    });
  }
  settled() {
    return this.doc.settled();
  }
};

// runtime/api/secrets.ts
async function createSecret(ctx, input) {
  const { purpose, value } = parseInput(createSecretInputSchema, input);
  const id = await ctx.secrets.set(SecretsStore.newId(), purpose, value ?? generateWebhookToken());
  return secretSummary(ctx, id);
}
async function setSecret(ctx, id, input) {
  const { value } = parseInput(setSecretInputSchema, input);
  const existing = secretSummary(ctx, id);
  await ctx.secrets.set(id, existing.purpose, value);
  return secretSummary(ctx, id);
}
function secretSummary(ctx, id) {
  const info = SECRET_ID_PATTERN.test(id) ? ctx.secrets.info(id) : void 0;
  if (!info) throw notFound("secret", id);
  return info;
}
function revealSecret(ctx, id) {
  secretSummary(ctx, id);
  let value;
  try {
    value = ctx.secrets.reveal(id);
  } catch {
    throw new ApiError(
      500,
      "secret_unreadable",
      "This secret cannot be decrypted with the current key; set a new value."
    );
  }
  if (value === void 0) throw notFound("secret", id);
  return { value };
}
async function deleteSecret(ctx, id) {
  secretSummary(ctx, id);
  await ctx.secrets.delete(id);
}

// runtime/server/routes/secrets-routes.ts
function secretsRoutes(ctx) {
  const router = Router9();
  router.post("/secrets", async (req, res) => {
    res.status(201).json(await createSecret(ctx, req.body));
  });
  router.get("/secrets/:id", (req, res) => {
    res.json(secretSummary(ctx, req.params.id));
  });
  router.put("/secrets/:id", async (req, res) => {
    res.json(await setSecret(ctx, req.params.id, req.body));
  });
  router.post("/secrets/:id/reveal", (req, res) => {
    res.json(revealSecret(ctx, req.params.id));
  });
  router.delete("/secrets/:id", async (req, res) => {
    await deleteSecret(ctx, req.params.id);
    res.status(204).end();
  });
  return router;
}

// runtime/server/routes/test-chat-routes.ts
import { Router as Router10 } from "express";

// runtime/channels/test-chat/api.ts
var MAX_WAIT_SECONDS = 25;
var REPLY_GRACE_MS = 5e3;
async function createTestChatSession(ctx, input) {
  const { flowId, draft } = parseInput(createTestChatInputSchema, input);
  const flow = getFlow(ctx, flowId);
  const { graph, version } = runnableGraph(flow, draft);
  const triggerNodeId = startNodeOf(graph);
  const session = await ctx.testChat.store.create(flowId, draft, "");
  const chat = ctx.testChat.bind(session.id);
  if (!chat) throw new Error("The new test chat session disappeared");
  try {
    const run = await ctx.engine.startRun({
      flowId,
      graph,
      version,
      triggerNodeId,
      trigger: { type: "test-chat" },
      input: { method: "TEST-CHAT" },
      chat
    });
    return { sessionId: session.id, runId: run.id };
  } catch (error) {
    throw apiErrorFrom(error);
  }
}
function sessionOf(ctx, id) {
  const session = ctx.testChat.store.get(id);
  if (!session) throw notFound("test chat session", id);
  return session;
}
async function sendTestChatMessage(ctx, id, input) {
  const reply = parseInput(testChatReplySchema, input);
  const session = sessionOf(ctx, id);
  const waiting = await waitingRun(ctx, session.id);
  if (!waiting) {
    const status = runStatusOf(ctx, session.id);
    throw new ApiError(
      409,
      "not_waiting",
      `Nothing in this conversation is waiting for a reply (the run is ${status})`,
      { runStatus: status }
    );
  }
  let text;
  let buttonId;
  if ("buttonId" in reply) {
    const offered = session.messages.findLast(
      (message2) => message2.from === "bot" && message2.buttons
    );
    const button = offered?.buttons?.find((item) => item.id === reply.buttonId);
    if (!button) {
      throw new ApiError(400, "invalid_input", `There is no button "${reply.buttonId}" to click`);
    }
    text = button.label;
    buttonId = button.id;
  } else {
    text = reply.text;
  }
  const message = await ctx.testChat.store.append(session.id, { from: "user", text });
  if (!message) throw notFound("test chat session", id);
  ctx.testChat.publish(session.id, { type: "message", message });
  const runId = await ctx.engine.resumeWait("input", session.id, {
    kind: "input",
    text,
    ...buttonId === void 0 ? {} : { buttonId }
  }).catch((error) => {
    throw apiErrorFrom(error);
  });
  if (!runId) {
    throw new ApiError(
      409,
      "not_waiting",
      "The conversation stopped waiting for a reply meanwhile"
    );
  }
  return { seq: message.seq, runId };
}
function waitingRun(ctx, sessionId) {
  const now = ctx.engine.waitingFor("input", sessionId);
  if (now || !isLive(ctx, sessionId)) return Promise.resolve(now);
  return new Promise((resolve8) => {
    const finish = (value) => {
      clearTimeout(timer);
      stop();
      resolve8(value);
    };
    const timer = setTimeout(() => finish(void 0), REPLY_GRACE_MS);
    const stop = ctx.engine.onUpdate(() => {
      const waiting = ctx.engine.waitingFor("input", sessionId);
      if (waiting || !isLive(ctx, sessionId)) finish(waiting);
    });
  });
}
function isLive(ctx, sessionId) {
  const runId = ctx.testChat.currentRun(sessionId);
  if (runId === void 0) return false;
  const status = ctx.engine.runStatus(runId);
  if (status === "running") return true;
  return status === "waiting" && ctx.engine.waitOf(runId)?.kind === "input";
}
function messagesAfter(ctx, id, after) {
  const session = sessionOf(ctx, id);
  return {
    messages: session.messages.filter((message) => message.seq > after),
    runStatus: runStatusOf(ctx, session.id)
  };
}
function runStatusOf(ctx, sessionId) {
  const runId = ctx.testChat.currentRun(sessionId);
  return runId && ctx.engine.runStatus(runId) || "unknown";
}
async function pollTestChatMessages(ctx, id, query, signal) {
  const after = toInteger(query.after, "after", 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const wait2 = toInteger(query.wait, "wait", 0, MAX_WAIT_SECONDS) ?? 0;
  const first = messagesAfter(ctx, id, after);
  if (first.messages.length > 0 || wait2 === 0) return first;
  const before = first.runStatus;
  await ctx.testChat.nextEvent(id, wait2 * 1e3, signal);
  const next2 = messagesAfter(ctx, id, after);
  return next2.messages.length > 0 || next2.runStatus !== before ? next2 : first;
}
function toInteger(value, name, min, max) {
  if (value === void 0) return void 0;
  const number = typeof value === "string" && /^\d{1,16}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new ApiError(400, "invalid_input", `${name}: use a whole number from ${min} to ${max}`);
  }
  return number;
}

// runtime/server/routes/test-chat-routes.ts
var HEARTBEAT_MS2 = 15e3;
function clientGone(res) {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  return controller.signal;
}
function testChatRoutes(ctx) {
  const router = Router10();
  router.post("/test-chat/sessions", async (req, res) => {
    res.status(201).json(await createTestChatSession(ctx, req.body));
  });
  router.post("/test-chat/sessions/:id/messages", async (req, res) => {
    res.status(202).json(await sendTestChatMessage(ctx, req.params.id, req.body));
  });
  router.get("/test-chat/sessions/:id/messages", async (req, res) => {
    res.json(await pollTestChatMessages(ctx, req.params.id, req.query, clientGone(res)));
  });
  router.get("/test-chat/sessions/:id/events", (req, res) => {
    streamEvents(ctx, req.params.id, req, res);
  });
  return router;
}
function streamEvents(ctx, id, req, res) {
  const lastEventId = req.headers["last-event-id"];
  const after = toInteger(
    typeof lastEventId === "string" ? lastEventId : req.query.after,
    "after",
    0,
    Number.MAX_SAFE_INTEGER
  ) ?? 0;
  const backlog = messagesAfter(ctx, id, after);
  res.status(200).set({
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Accel-Buffering": "no"
  });
  res.flushHeaders();
  const send2 = (event, data, eventId) => {
    res.write(
      `${eventId === void 0 ? "" : `id: ${eventId}
`}event: ${event}
data: ${JSON.stringify(data)}

`
    );
  };
  res.write("retry: 2000\n\n");
  let lastSeq = after;
  let lastStatus = backlog.runStatus;
  for (const message of backlog.messages) {
    send2("message", message, message.seq);
    lastSeq = message.seq;
  }
  send2("status", { runStatus: lastStatus });
  const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS2);
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
    res.end();
  };
  const unsubscribe = ctx.testChat.subscribe(id, (event) => {
    if (event.type === "closed") return stop();
    if (event.type === "message") {
      if (event.message.seq <= lastSeq) return;
      lastSeq = event.message.seq;
      send2("message", event.message, event.message.seq);
      return;
    }
    const status = runStatusOf(ctx, id);
    if (status !== lastStatus) {
      lastStatus = status;
      send2("status", { runStatus: status });
    }
  });
  res.on("close", () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

// runtime/server/routes/tunnel-routes.ts
import { Router as Router11 } from "express";
function tunnelRoutes(ctx) {
  const router = Router11();
  router.get("/tunnel", (_req, res) => {
    res.json(tunnelStatus(ctx));
  });
  router.put("/tunnel/settings", async (req, res) => {
    res.json(await updateTunnelSettings(ctx, req.body));
  });
  router.post("/tunnel/start", async (_req, res) => {
    res.json(await startTunnel(ctx));
  });
  router.post("/tunnel/stop", async (_req, res) => {
    res.json(await stopTunnel(ctx));
  });
  return router;
}

// runtime/store/settings-store.ts
import { join as join17 } from "node:path";
var SettingsStore = class _SettingsStore {
  constructor(doc) {
    this.doc = doc;
  }
  doc;
  static async open(dataDir, problems) {
    const doc = await JsonDocument.open({
      path: join17(dataDir, "settings.json"),
      schema: settingsSchema,
      problems,
      defaults: () => settingsSchema.parse({})
    });
    return new _SettingsStore(doc);
  }
  get() {
    return this.doc.data;
  }
  async update(patch) {
    return this.doc.update(
      (current) => settingsSchema.parse({
        runs: { ...current.runs, ...patch.runs },
        calls: { ...current.calls, ...patch.calls },
        tunnel: { ...current.tunnel, ...patch.tunnel }
      })
    );
  }
  settled() {
    return this.doc.settled();
  }
};

// runtime/tunnel/tunnel-connector.ts
import ngrok from "@ngrok/ngrok";
var ngrokConnector = {
  async connect({ forwardTo, authtoken, domain, onStatus }) {
    const listener = await ngrok.forward({
      addr: forwardTo,
      authtoken,
      ...domain ? { domain } : {},
      // A session of our own: a second Hookflow window or a restart never reuses a stale one.
      force_new_session: true,
      onStatusChange: onStatus
    });
    const url = listener.url();
    if (!url) {
      await listener.close();
      throw new Error("ngrok opened a session but reported no URL");
    }
    return { url, close: () => listener.close() };
  }
};

// runtime/tunnel/tunnel-errors.ts
var DASHBOARD = "https://dashboard.ngrok.com/get-started/your-authtoken";
var BY_NGROK_CODE = {
  ERR_NGROK_105: {
    code: "invalid_authtoken",
    message: `The ngrok authtoken is not valid. Copy it again from ${DASHBOARD}.`
  },
  ERR_NGROK_107: {
    code: "invalid_authtoken",
    message: `ngrok does not accept this authtoken. Copy it again from ${DASHBOARD}.`
  },
  ERR_NGROK_4018: {
    code: "missing_authtoken",
    message: `Add your ngrok authtoken (free at ${DASHBOARD}) to open a public URL.`
  },
  ERR_NGROK_108: {
    code: "session_limit",
    message: "Your ngrok account already has a tunnel open elsewhere (free accounts allow one). Stop it, then try again."
  },
  ERR_NGROK_313: {
    code: "domain_not_allowed",
    message: "Your ngrok account cannot use this domain. Reserve it in the ngrok dashboard or clear the domain."
  },
  ERR_NGROK_320: {
    code: "domain_in_use",
    message: "This domain is already in use by another ngrok session. Stop that session or choose another domain."
  }
};
function field(error, name) {
  if (typeof error !== "object" || error === null) return void 0;
  const value = Reflect.get(error, name);
  return typeof value === "string" ? value : void 0;
}
function describeTunnelError(error) {
  const ngrokCode = field(error, "errorCode");
  if (ngrokCode && BY_NGROK_CODE[ngrokCode]) return BY_NGROK_CODE[ngrokCode];
  const message = field(error, "message") ?? String(error);
  if (/establish tcp connection|dns|resolve|network|timed? ?out|connection refused/i.test(message)) {
    return {
      code: "unreachable",
      message: "Hookflow could not reach ngrok. Check your internet connection, or whether a firewall blocks connections to ngrok (port 443)."
    };
  }
  return {
    code: "ngrok_error",
    message: `ngrok refused the tunnel${ngrokCode ? ` (${ngrokCode})` : ""}: ${message.slice(0, 300)}`
  };
}
var TIMEOUT_ERROR = {
  code: "timeout",
  message: "ngrok did not answer in time. Check your internet connection and try again; Hookflow keeps working locally meanwhile."
};

// runtime/tunnel/tunnel-manager.ts
var ConnectTimeout = class extends Error {
};
var TunnelManager = class {
  constructor(options) {
    this.options = options;
  }
  options;
  #state = "off";
  #url;
  #error;
  #since = (/* @__PURE__ */ new Date()).toISOString();
  #session;
  #starting;
  /** Bumped by stop(), so a connect that finishes after a stop is closed at once. */
  #generation = 0;
  status() {
    const config = this.options.config();
    return {
      state: this.#state,
      ...this.#url ? { url: this.#url } : {},
      ...this.#error ? { error: this.#error } : {},
      hasAuthtoken: config.authtoken !== void 0,
      autoStart: config.autoStart,
      ...config.domain ? { domain: config.domain } : {},
      since: this.#since
    };
  }
  /** The public URL while online, else undefined. */
  publicUrl() {
    return this.#state === "online" ? this.#url : void 0;
  }
  start() {
    if (this.#state === "online") return Promise.resolve(this.status());
    this.#starting ??= this.#connect().finally(() => {
      this.#starting = void 0;
    });
    return this.#starting;
  }
  async stop() {
    this.#generation += 1;
    const session = this.#session;
    this.#session = void 0;
    this.#set("off");
    if (session)
      await session.close().catch(
        (error) => this.options.logger.warn(`closing the tunnel: ${String(error)}`)
      );
    return this.status();
  }
  async #connect() {
    const { authtoken, domain } = this.options.config();
    if (!authtoken) {
      this.#set("error", void 0, describeTunnelError({ errorCode: "ERR_NGROK_4018" }));
      return this.status();
    }
    const generation = this.#generation;
    this.#set("starting");
    let timer;
    let abandoned = false;
    const connecting = this.options.connector.connect({
      forwardTo: this.options.forwardTo(),
      authtoken,
      ...domain ? { domain } : {},
      onStatus: (status) => this.#onSessionStatus(generation, status)
    });
    connecting.then(
      (late) => {
        if (abandoned) void late.close().catch(() => void 0);
      },
      () => void 0
    );
    try {
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new ConnectTimeout()),
          this.options.connectTimeoutMs ?? 2e4
        );
      });
      const session = await Promise.race([connecting, timeout]);
      if (generation !== this.#generation) {
        await session.close().catch(() => void 0);
        return this.status();
      }
      this.#session = session;
      this.#set("online", session.url);
      this.options.logger.info(`public tunnel open: ${session.url}`);
    } catch (error) {
      abandoned = true;
      if (generation !== this.#generation) return this.status();
      const described = error instanceof ConnectTimeout ? TIMEOUT_ERROR : describeTunnelError(error);
      this.options.logger.warn(`public tunnel failed: ${described.message}`);
      this.#set("error", void 0, described);
    } finally {
      clearTimeout(timer);
    }
    return this.status();
  }
  /** ngrok reconnects a dropped session by itself; show the gap meanwhile. */
  #onSessionStatus(generation, status) {
    if (generation !== this.#generation || !this.#session) return;
    if (status === "connected") this.#set("online", this.#session.url);
    else if (status === "closed") {
      this.#set("error", this.#session.url, {
        code: "reconnecting",
        message: "The connection to ngrok dropped; reconnecting. Webhooks still work locally."
      });
    }
  }
  #set(state, url, error) {
    this.#state = state;
    this.#url = url;
    this.#error = error;
    this.#since = (/* @__PURE__ */ new Date()).toISOString();
    this.options.onChange?.(this.status());
  }
};

// runtime/index.ts
var ADMIN_HOST = "127.0.0.1";
var RUNTIME_INFO_FILE = "runtime.json";
function createRuntime(options = {}) {
  const dataDir = resolve5(options.dataDir ?? defaultDataDir());
  const logger = options.logger ?? consoleLogger;
  const loginCodes = new LoginCodes();
  let running;
  let starting;
  let stopping;
  const current = () => {
    if (!running) throw new Error("The runtime is not started");
    return running;
  };
  const loginUrl = () => `${current().urls.admin}/login?code=${loginCodes.issue()}`;
  return {
    dataDir,
    urls: () => current().urls,
    adminToken: () => current().token,
    loginUrl,
    start() {
      if (running) return Promise.resolve(running.urls);
      starting ??= (async () => {
        await ensureWritableDataDir(dataDir);
        const lock = await lockDataDir(dataDir);
        try {
          running = await open7(dataDir, options, logger, loginCodes, lock, loginUrl);
          return running.urls;
        } catch (error) {
          await lock.release();
          throw error;
        } finally {
          starting = void 0;
        }
      })();
      return starting;
    },
    stop() {
      if (!running) return Promise.resolve();
      stopping ??= (async () => {
        const state = current();
        await state.tunnel.stop();
        state.ctx.testChat.close();
        state.ingress.closeStreams();
        await Promise.all([state.admin.close(), state.public.close(), state.tunnelEntry.close()]);
        await state.ctx.engine.stop();
        await Promise.all([
          state.ingress.close(),
          state.ctx.flows.settled(),
          state.ctx.versions.settled(),
          state.ctx.settings.settled(),
          state.ctx.secrets.settled(),
          state.ctx.testChat.settled()
        ]);
        await rm7(join18(dataDir, RUNTIME_INFO_FILE), { force: true });
        await state.lock.release();
        running = void 0;
        stopping = void 0;
      })();
      return stopping;
    }
  };
}
async function open7(dataDir, options, logger, loginCodes, lock, loginUrl) {
  const problems = new StoreProblems();
  const flows = await FlowsStore.open(dataDir, problems);
  const settings = await SettingsStore.open(dataDir, problems);
  const secrets = await SecretsStore.open(
    dataDir,
    options.secretsKey ?? await loadOrCreateSecretsKeyFile(dataDir),
    problems
  );
  const versions = await FlowVersionsStore.open(dataDir, problems);
  const events = new RuntimeEvents(
    (event, error) => logger.error(`a ${event} listener failed`, {
      error: error instanceof Error ? error.message : String(error)
    })
  );
  const testChat = await TestChat.open(dataDir, problems);
  const engine = await Engine.open({
    dataDir,
    flows,
    settings: () => settings.get(),
    logger,
    channels: [testChat.channel],
    problems
  });
  testChat.attach(engine);
  const ingress = await openIngress({
    dataDir,
    flows,
    settings,
    secrets,
    engine,
    channels: [testChat.channel],
    events,
    logger,
    problems
  });
  const ctx = {
    dataDir,
    problems,
    flows,
    versions,
    settings,
    secrets,
    events,
    engine,
    testChat
  };
  for (const problem of problems.list()) {
    logger.warn(`${problem.reason}. The file was kept as ${problem.keptAt}.`);
  }
  const token = await loadOrCreateAdminToken(dataDir);
  const known = {};
  const tunnel = new TunnelManager({
    connector: options.tunnelConnector ?? ngrokConnector,
    config: () => tunnelConfig(ctx),
    forwardTo: () => `http://127.0.0.1:${known.entryPort ?? 0}`,
    logger
  });
  const getUrls = () => {
    if (!known.urls) throw new Error("The runtime is still starting");
    const tunnelUrl = tunnel.publicUrl();
    return tunnelUrl ? { ...known.urls, tunnel: tunnelUrl } : known.urls;
  };
  const adminApp = createAdminApp({
    ctx,
    adminToken: token,
    loginCodes,
    designerDir: options.designerDir ?? resolveDesignerDir(),
    logger,
    urls: getUrls,
    loginUrl,
    apiRouters: [
      tunnelRoutes({ ...ctx, tunnel }),
      runsRoutes(ctx),
      testChatRoutes(ctx),
      secretsRoutes(ctx),
      ingress.adminRouter(getUrls)
    ]
  });
  const publicApp = createPublicApp({ logger, routers: [ingress.publicRouter] });
  let admin;
  try {
    admin = await listen2(adminApp, options.adminPort ?? DEFAULT_ADMIN_PORT, ADMIN_HOST, "--port");
  } catch (error) {
    testChat.close();
    await engine.stop();
    await ingress.close();
    throw error;
  }
  let publicListener;
  let tunnelEntry;
  try {
    publicListener = await listen2(
      publicApp,
      options.publicPort ?? DEFAULT_PUBLIC_PORT,
      options.publicHost ?? "127.0.0.1",
      "--public-port"
    );
    tunnelEntry = await listen2(markingViaTunnel(publicApp), 0, "127.0.0.1", "the tunnel entry");
  } catch (error) {
    testChat.close();
    await Promise.all([admin.close(), publicListener?.close()]);
    await engine.stop();
    await ingress.close();
    throw error;
  }
  known.entryPort = tunnelEntry.port;
  const urls = {
    admin: `http://${ADMIN_HOST}:${admin.port}`,
    public: `http://${displayHost(publicListener.host)}:${publicListener.port}`
  };
  known.urls = urls;
  await writeFileAtomic(
    join18(dataDir, RUNTIME_INFO_FILE),
    JSON.stringify({ pid: process.pid, ...urls, startedAt: (/* @__PURE__ */ new Date()).toISOString() })
  );
  if (tunnel.status().autoStart) void tunnel.start();
  return { admin, public: publicListener, tunnelEntry, tunnel, ingress, ctx, token, urls, lock };
}
function displayHost(host) {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

// runtime/cli/running-runtime.ts
var runtimeInfoSchema = z31.object({ admin: z31.string().url() });
async function findRunningRuntime(dataDir) {
  try {
    const info = runtimeInfoSchema.parse(
      JSON.parse(await readFile7(join19(dataDir, RUNTIME_INFO_FILE), "utf8"))
    );
    const token = (await readFile7(adminTokenPath(dataDir), "utf8")).trim();
    return { admin: info.admin, token };
  } catch {
    return void 0;
  }
}
var NotAnsweringError = class extends Error {
  name = "NotAnsweringError";
};
var AdminApiError = class extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
  status;
  code;
  details;
  name = "AdminApiError";
};
async function callAdmin(runtime, path, init = {}) {
  const response = await fetch(`${runtime.admin}${path}`, {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${runtime.token}`,
      ...init.json === void 0 ? {} : { "content-type": "application/json" }
    },
    ...init.json === void 0 ? {} : { body: JSON.stringify(init.json) },
    signal: AbortSignal.timeout(3e4)
  }).catch((error) => {
    throw new NotAnsweringError(
      `Hookflow at ${runtime.admin} did not answer (${error instanceof Error ? error.message : String(error)})`
    );
  });
  const body = await response.json().catch(() => void 0);
  if (response.ok) return body;
  const parsed = apiErrorSchema.safeParse(body);
  throw parsed.success ? new AdminApiError(
    response.status,
    parsed.data.error.code,
    parsed.data.error.message,
    parsed.data.error.details
  ) : new AdminApiError(
    response.status,
    "http_error",
    `Hookflow answered ${response.status}`,
    void 0
  );
}

// runtime/cli/flow-file-commands.ts
var importAnswerSchema = z32.object({
  flow: z32.object({ id: z32.string(), name: z32.string() }),
  published: z32.boolean(),
  problems: z32.array(graphProblemSchema)
});
async function importCommand(args) {
  const { values, positionals } = parseCommandArgs(args, {
    "data-dir": { type: "string" },
    publish: { type: "boolean", default: false },
    name: { type: "string" }
  });
  const [path, ...extra] = positionals;
  if (path === void 0 || extra.length > 0) {
    throw new UsageError("hookflow import takes one flow file: hookflow import <file>");
  }
  const input = {
    document: await readJsonFile(path),
    publish: values.publish,
    ...values.name === void 0 ? {} : { name: values.name }
  };
  const answer = await withFlows(
    resolve6(values["data-dir"] ?? defaultDataDir()),
    { create: true },
    async (running) => importAnswerSchema.parse(
      await callAdmin(running, "/api/flows/import", { method: "POST", json: input })
    ),
    (ctx) => importFlow(ctx, input)
  ).catch((error) => {
    if (error instanceof FlowCommandError && error.flowId) console.log(error.flowId);
    throw error;
  });
  console.log(answer.flow.id);
  const state = answer.published ? "imported and published" : "imported as a draft";
  const more = answer.problems.length === 0 ? "." : answer.published ? ", with:" : "; Publish would report:";
  console.error(`"${answer.flow.name}" ${state}${more}`);
  for (const line of problemLines({ problems: answer.problems })) console.error(line);
}
async function exportCommand(args) {
  const { values, positionals } = parseCommandArgs(args, {
    "data-dir": { type: "string" },
    out: { type: "string" }
  });
  const [flowId, ...extra] = positionals;
  if (flowId === void 0 || extra.length > 0) {
    throw new UsageError("hookflow export takes one flow id: hookflow export <flowId>");
  }
  const file = await withFlows(
    resolve6(values["data-dir"] ?? defaultDataDir()),
    { create: false },
    async (running) => flowFileSchema.parse(
      await callAdmin(running, `/api/flows/${encodeURIComponent(flowId)}/export`)
    ),
    async (ctx) => exportFlow(ctx, flowId)
  );
  const text = `${JSON.stringify(file, null, 2)}
`;
  if (values.out === void 0) {
    process.stdout.write(text);
    return;
  }
  await writeFileAtomic(resolve6(values.out), text);
  console.error(`Exported "${file.name}" to ${values.out}`);
}
async function withFlows(dataDir, options, online, offline) {
  try {
    const running = await findRunningRuntime(dataDir);
    if (running) {
      try {
        return await online(running);
      } catch (error) {
        if (!(error instanceof NotAnsweringError)) throw error;
      }
    }
    return await withOfflineFlows(dataDir, options, offline);
  } catch (error) {
    const failure = failureOf(error);
    if (!failure) throw error;
    throw new FlowCommandError(failureText(failure.message, failure.details), failure.flowId);
  }
}
var FlowCommandError = class extends Error {
  constructor(message, flowId) {
    super(message);
    this.flowId = flowId;
  }
  flowId;
  name = "FlowCommandError";
};
var detailsSchema = z32.union([
  z32.object({ problems: z32.array(graphProblemSchema), flowId: z32.string().optional() }),
  z32.array(z32.object({ path: z32.string(), message: z32.string() }))
]);
function failureOf(error) {
  const api = error instanceof ApiError || error instanceof AdminApiError ? error : void 0;
  if (!api) return void 0;
  const details = detailsSchema.safeParse(api.details);
  return {
    message: api.message,
    details: details.success ? details.data : void 0,
    flowId: details.success && !Array.isArray(details.data) ? details.data.flowId : void 0
  };
}
function failureText(message, details) {
  const lines = problemLines(details);
  if (Array.isArray(details)) {
    return lines.length > 1 ? [`${lines.length} problems:`, ...lines].join("\n") : message;
  }
  return [message, ...lines].join("\n");
}
function problemLines(details) {
  if (details === void 0) return [];
  if (Array.isArray(details)) {
    return details.map(
      (problem) => `  ${problem.path ? `${problem.path}: ` : ""}${problem.message}`
    );
  }
  return details.problems.map((problem) => `  ${problem.severity}: ${problem.message}`);
}
async function readJsonFile(path) {
  let text;
  try {
    text = await readFile8(resolve6(path), "utf8");
  } catch (error) {
    throw new Error(
      `Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error }
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error }
    );
  }
}

// runtime/cli/open-command.ts
import { resolve as resolve7 } from "node:path";
import { z as z33 } from "zod";

// runtime/cli/open-browser.ts
import { spawn } from "node:child_process";
function openInBrowser(url, onError) {
  const [command, args] = process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", '""', url]] : ["xdg-open", [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: "ignore" });
    child.on(
      "error",
      (error) => onError(`Could not open a browser (${error.message}). Open ${url} yourself.`)
    );
    child.unref();
  } catch (error) {
    onError(`Could not open a browser (${String(error)}). Open ${url} yourself.`);
  }
}

// runtime/cli/open-command.ts
async function openCommand(args) {
  const { values } = parseCommandArgs(args, {
    "data-dir": { type: "string" },
    print: { type: "boolean", default: false }
  });
  const dataDir = resolve7(values["data-dir"] ?? defaultDataDir());
  const running = await findRunningRuntime(dataDir);
  if (!running) {
    throw new Error(
      `No running Hookflow uses ${dataDir}. Start it with: hookflow serve --data-dir ${dataDir}`
    );
  }
  const answer = await callAdmin(running, "/api/session/login-url", { method: "POST" }).catch(
    () => {
      throw new Error(
        `Hookflow at ${running.admin} did not answer. Is it still running? Start it with: hookflow serve`
      );
    }
  );
  const { url } = z33.object({ url: z33.string() }).parse(answer);
  console.log(url);
  if (!values.print) openInBrowser(url, (message) => consoleLogger.warn(message));
}

// runtime/cli/serve-command.ts
async function serveCommand(args) {
  const { values } = parseCommandArgs(args, {
    "data-dir": { type: "string" },
    port: { type: "string" },
    "public-port": { type: "string" },
    host: { type: "string" },
    open: { type: "boolean", default: false }
  });
  const runtime = createRuntime({
    dataDir: values["data-dir"],
    adminPort: parsePort(values.port, "--port"),
    publicPort: parsePort(values["public-port"], "--public-port"),
    publicHost: values.host,
    logger: consoleLogger
  });
  const urls = await runtime.start();
  const login = runtime.loginUrl();
  consoleLogger.info(`data folder: ${runtime.dataDir}`);
  consoleLogger.info(`webhooks (public listener): ${urls.public}`);
  consoleLogger.info(`designer: ${login}`);
  consoleLogger.info("press Ctrl+C to stop");
  if (values.open) openInBrowser(login, (message) => consoleLogger.warn(message));
  let stopping = false;
  const shutdown = (signal) => {
    if (stopping) {
      consoleLogger.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    consoleLogger.info(`${signal}: finishing in-flight work\u2026`);
    runtime.stop().then(
      () => {
        consoleLogger.info("stopped");
        process.exit(0);
      },
      (error) => {
        consoleLogger.error(`could not stop cleanly: ${String(error)}`);
        process.exit(1);
      }
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

// runtime/cli/usage.ts
var USAGE = `Hookflow \u2014 flow designer and webhook runtime

Usage:
  hookflow serve [options]     run the headless runtime and print the designer URL
  hookflow open [--data-dir D] [--print]
                               open a fresh designer sign-in link of a running Hookflow
                               (--print: only print it)
  hookflow import <file> [--publish] [--name N] [--data-dir D]
                               import a flow file as a new flow (never overwrites one);
                               prints only the new flow id. --publish makes it live
  hookflow export <flowId> [--out <file>] [--data-dir D]
                               write the flow file (draft + published) to --out or stdout
  hookflow --help | --version

import and export use the running Hookflow of the data folder if there is one,
and otherwise open the data folder themselves.

serve options:
  --data-dir <dir>      data folder (default: the per-OS app data folder, or HOOKFLOW_DATA_DIR)
  --port <n>            admin listener port on 127.0.0.1 (default 4810, 0 = any free port)
  --public-port <n>     public listener port for webhooks (default 4811, 0 = any free port)
  --host <addr>         public listener address (default 127.0.0.1; 0.0.0.0 opens it to your LAN)
  --open                open the designer in your browser once started
`;

// runtime/cli.ts
var commands = {
  serve: serveCommand,
  open: openCommand,
  import: importCommand,
  export: exportCommand
};
async function main(argv) {
  const [first, ...rest] = argv;
  if (first === void 0 || first === "--help" || first === "-h" || first === "help") {
    console.log(USAGE);
    return 0;
  }
  if (first === "--version" || first === "-v") {
    console.log(HOOKFLOW_VERSION);
    return 0;
  }
  const command = commands[first];
  if (!command) {
    console.error(`Unknown command "${first}".

${USAGE}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  try {
    await command(rest);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}

${USAGE}`);
      return 2;
    }
    console.error(`hookflow: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
var invokedDirectly = process.argv[1] !== void 0 && /cli\.(ts|js|mjs)$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    if (code !== 0 || process.argv[2] !== "serve") process.exitCode = code;
  });
}
export {
  main
};
