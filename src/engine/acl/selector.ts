/*
 * An ACL selector (Redis's aclSelector): which commands, keys and channels one set of rules allows.
 * Every user has a root selector (the rules written outside parentheses) and may have more, written
 * as "(...)"; a command runs when any one selector allows all of it.
 *
 * Commands are a set of allowed Command objects (Redis's per-command-id bitmap); containers hold a
 * bit of their own and allowing or denying one does the same to all its subcommands. `future` is
 * Redis's reserved bit: set only by +@all / allcommands and cleared only by -@all / nocommands, it
 * decides whether the rules describe as "+@all ..." or "-@all ...". `allCommands` is the fast-path
 * flag, dropped by any rule that denies a command. `firstArgs` lists the argv[1] values allowed for
 * an otherwise denied plain command ("+select|0").
 *
 * Key patterns carry read/write permissions (%R~, %W~, ~ for both); adding a pattern that is already
 * there merges the permissions. Patterns and channels are binary strings.
 */
import type { Command, CommandRegistry } from '../commands/registry.ts';
import { aclLookupCommand, allCommands, categoryByName, categoryMembers, subCommands } from './categories.ts';

export const KEY_READ = 1;
export const KEY_WRITE = 2;
export const KEY_ALL = KEY_READ | KEY_WRITE;

export interface KeyPattern {
  pattern: string;
  flags: number;
}

/** errno values of ACLSetSelector / ACLSetUser; rules.ts maps them to Redis's messages. */
export type RuleErrno = 'EINVAL' | 'ENOENT' | 'EEXIST' | 'EISDIR' | 'ENODEV' | 'EBADMSG' | 'ECHILD';

export class Selector {
  allKeys = false;
  allChannels = false;
  allCommands = false;
  future = false;
  allowed = new Set<Command>();
  firstArgs = new Map<Command, string[]>();
  keys: KeyPattern[] = [];
  channels: string[] = [];

  constructor(
    readonly root: boolean,
    allChannelsByDefault: boolean,
  ) {
    this.allChannels = allChannelsByDefault;
  }

  copy(): Selector {
    const s = new Selector(this.root, this.allChannels);
    s.allKeys = this.allKeys;
    s.allCommands = this.allCommands;
    s.future = this.future;
    s.allowed = new Set(this.allowed);
    for (const [cmd, args] of this.firstArgs) s.firstArgs.set(cmd, [...args]);
    s.keys = this.keys.map((k) => ({ ...k }));
    s.channels = [...this.channels];
    return s;
  }

  /** Redis's ACLSetSelectorCommandBit. */
  setBit(cmd: Command, allow: boolean): void {
    if (allow) {
      this.allowed.add(cmd);
    } else {
      this.allowed.delete(cmd);
      this.allCommands = false;
    }
  }

  /** ACLChangeSelectorPerm: the command, its first-args reset, and all its subcommands. */
  changePerm(cmd: Command, allow: boolean): void {
    this.setBit(cmd, allow);
    this.firstArgs.delete(cmd);
    for (const sub of subCommands(cmd)) this.setBit(sub, allow);
  }

  /**
   * Every command of a category, walking each container before its subcommands as Redis does (a
   * container's change reaches all its subcommands, then those in the category are set again).
   */
  changeCategory(registry: CommandRegistry, category: string, allow: boolean): void {
    for (const cmd of categoryMembers(registry, category)) this.changePerm(cmd, allow);
  }

  setAll(registry: CommandRegistry, allow: boolean): void {
    this.allowed = allow ? new Set(allCommands(registry)) : new Set();
    this.allCommands = allow;
    this.future = allow;
    this.firstArgs.clear();
  }

  addFirstArg(cmd: Command, arg: string): void {
    const list = this.firstArgs.get(cmd) ?? [];
    if (list.some((a) => a.toLowerCase() === arg.toLowerCase())) return;
    list.push(arg);
    this.firstArgs.set(cmd, list);
  }

  /** Applies one selector rule (Redis's ACLSetSelector); returns an errno on failure. */
  apply(registry: CommandRegistry, op: string): RuleErrno | null {
    const lower = op.toLowerCase();
    if (lower === 'allkeys' || op === '~*') {
      this.allKeys = true;
      this.keys = [];
    } else if (lower === 'resetkeys') {
      this.allKeys = false;
      this.keys = [];
    } else if (lower === 'allchannels' || op === '&*') {
      this.allChannels = true;
      this.channels = [];
    } else if (lower === 'resetchannels') {
      this.allChannels = false;
      this.channels = [];
    } else if (lower === 'allcommands' || lower === '+@all') {
      this.setAll(registry, true);
    } else if (lower === 'nocommands' || lower === '-@all') {
      this.setAll(registry, false);
    } else if (op[0] === '~' || op[0] === '%') {
      return this.addKeyPattern(op);
    } else if (op[0] === '&') {
      return this.addChannel(op);
    } else if (op[0] === '+' && op[1] !== '@') {
      return this.allowCommand(registry, op.slice(1));
    } else if (op[0] === '-' && op[1] !== '@') {
      const cmd = aclLookupCommand(registry, op.slice(1));
      if (cmd === undefined) return 'ENOENT';
      this.changePerm(cmd, false);
    } else if ((op[0] === '+' || op[0] === '-') && op[1] === '@') {
      const category = categoryByName(op.slice(2));
      if (category === null) return 'ENOENT';
      this.changeCategory(registry, category, op[0] === '+');
    } else {
      return 'EINVAL';
    }
    return null;
  }

  private addKeyPattern(op: string): RuleErrno | null {
    if (this.allKeys) return 'EEXIST';
    let flags = 0;
    let offset = 1;
    if (op[0] === '%') {
      for (; offset < op.length; offset++) {
        const ch = op[offset]!.toUpperCase();
        if (ch === 'R' && !(flags & KEY_READ)) flags |= KEY_READ;
        else if (ch === 'W' && !(flags & KEY_WRITE)) flags |= KEY_WRITE;
        else if (op[offset] === '~') {
          offset++;
          break;
        } else return 'EINVAL';
      }
    } else {
      flags = KEY_ALL;
    }
    const pattern = op.slice(offset);
    if (hasSpaces(pattern)) return 'EINVAL';
    const existing = this.keys.find((k) => k.pattern === pattern);
    if (existing) existing.flags |= flags;
    else this.keys.push({ pattern, flags });
    this.allKeys = false;
    return null;
  }

  private addChannel(op: string): RuleErrno | null {
    if (this.allChannels) return 'EISDIR';
    const pattern = op.slice(1);
    if (hasSpaces(pattern)) return 'EINVAL';
    if (!this.channels.includes(pattern)) this.channels.push(pattern);
    this.allChannels = false;
    return null;
  }

  /** "+cmd", "+container|sub", or "+cmd|firstarg" for a plain command. */
  private allowCommand(registry: CommandRegistry, name: string): RuleErrno | null {
    const bar = name.lastIndexOf('|');
    if (bar < 0) {
      const cmd = aclLookupCommand(registry, name);
      if (cmd === undefined) return 'ENOENT';
      this.changePerm(cmd, true);
      return null;
    }
    const cmd = aclLookupCommand(registry, name.slice(0, bar));
    const sub = name.slice(bar + 1);
    if (cmd === undefined) return 'ENOENT';
    if (cmd.parent) return 'ECHILD';
    if (sub.length === 0) return 'EINVAL';
    if (cmd.subcommands) {
      const subCmd = aclLookupCommand(registry, name);
      if (subCmd === undefined) return 'ENOENT';
      this.changePerm(subCmd, true);
    } else {
      this.addFirstArg(cmd, sub);
    }
    return null;
  }
}

/** ACLStringHasSpaces: isspace() or NUL anywhere. */
export function hasSpaces(s: string): boolean {
  return /[ \t\n\v\f\r\0]/.test(s);
}
