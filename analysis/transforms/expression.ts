// Types for Arquero table expressions: Arquero parses these functions and compiles its own code
// from them, so their parameters are rows and params of any shape.

// biome-ignore lint/suspicious/noExplicitAny: a row of an Arquero table has the columns of the table.
export type Row = Record<string, any>;
// biome-ignore lint/suspicious/noExplicitAny: params are whatever `.params()` was given.
export type Params = Record<string, any>;
