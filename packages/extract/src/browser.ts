// What a browser can run from the extractor without Node: the candidates' spans by role and `when` in
// words. The dashboard imports these from `@truce/extract/browser` (and only types from the package's
// index); extraction itself runs on the server.
export { describeWhen } from './describe-when.ts';
export { type RoleSpan, type Segment, type SpanRole, segmentsOf, spansOf } from './highlight.ts';
