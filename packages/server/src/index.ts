export type { AppOptions } from './app.ts';
export { createApp } from './app.ts';
export type { Caller, Role } from './auth.ts';
export { createToken, hashToken, ROLES } from './auth.ts';
export { openApiDocument } from './openapi.ts';
export { setPublic } from './public-agreements.ts';
export type { RunningServer, ServerOptions } from './start.ts';
export { startServer } from './start.ts';
