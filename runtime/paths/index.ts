// The path language and template interpolation, shared by the designer and the runtime.
export {
  PathSyntaxError,
  childPath,
  parsePath,
  printPath,
  tryParsePath,
  type PathSegment,
} from './path-syntax';
export { readPath } from './read-path';
export {
  parseTemplate,
  templateReferences,
  type TemplatePart,
  type TemplateProblem,
} from './template';
export { interpolate, interpolateText, stringifyValue } from './interpolate';
