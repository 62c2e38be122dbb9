/*
 * Where a script error was raised. Redis runs every script under an error handler (its
 * __redis__err__handler) that notes the source and current line of the Lua function that raised the
 * error (or, when a C function such as error() or redis.call() raised it, of the Lua function that
 * called that C function). The final reply then ends with " script: <name>, on @user_script:<line>.".
 *
 * Our interpreter unwinds its line stack while a JS exception propagates, so the line must be noted at
 * the moment the error is created. We wrap, on the state instance only (no interpreter change), the
 * three ways a Lua error starts: LuaState.error (builtins), LuaState.rtError (operators, with their
 * line) and the global error() function; redis.* builtins note their own line through noteError().
 * An error caught by pcall is simply overwritten by the next one: the last noted site is the one of
 * the error that reaches the top.
 */
import { LuaFunction, type LuaState, type LuaValue } from '../lua/index.ts';

export class ErrorSites {
  /** Line of the last error raised (-1 when unknown: raised outside any Lua function). */
  lastLine = -1;

  constructor(private readonly state: LuaState) {}

  /** Notes the innermost Lua function's current line (what the error handler reports). */
  note(): void {
    const lines = this.state.lines;
    this.lastLine = lines.length > 0 ? lines[lines.length - 1]! : -1;
  }

  /** Installs the wrappers; call before the globals are made readonly. */
  install(): void {
    const st = this.state;
    const proto = Object.getPrototypeOf(st) as LuaState;
    st.error = (msg: string): never => {
      this.note();
      return proto.error.call(st, msg);
    };
    st.rtError = (msg: string, line: number): never => {
      if (line >= 0) this.lastLine = line;
      else this.note();
      return proto.rtError.call(st, msg, line);
    };
    const original = st.globals.getStr('error');
    if (original instanceof LuaFunction) {
      st.globals.set(
        'error',
        new LuaFunction('error', (args: LuaValue[]) => {
          this.note();
          return original.call(args);
        }),
      );
    }
  }
}
