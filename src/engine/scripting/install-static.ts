/*
 * Installs the scripting code at import time (late-bound.ts). server/node.ts imports this module, so
 * every host that builds nodes (Node server, tests, simulations) has scripting from the start. The
 * browser build replaces this module with an empty one (vite.config.ts) and the worker loads the
 * code on demand instead (worker/scripting-gate.ts).
 */
import { installScriptingCode } from './scripting-code.ts';

installScriptingCode();
