/*
 * A node's ACL state (Redis's Users table, DefaultUser and ACLLog): the users, authentication,
 * permission checks with their log entries, and the effects of changing users on connected clients.
 *
 * The default user starts as "on nopass ~* &* +@all"; the requirepass config is its password (set:
 * exactly that password; empty: nopass), kept in step by a config listener. A client holds its user
 * by name (Client.user); names are unique and deleting a user closes its clients, so a name always
 * resolves to the user the client authenticated as.
 */
import { type Bytes, bin, unbin } from '../bytes.ts';
import type { PersistPort } from '../ports.ts';
import { clientInfoLine } from '../commands/client-line.ts';
import type { Command } from '../commands/registry.ts';
import type { Client } from '../server/client.ts';
import type { ServerNode } from '../server/node.ts';
import {
  type CheckResult,
  checkUserCommand,
  channelInList,
  Denied,
  execDeniedText,
  nopermText,
} from './check.ts';
import { err, type Reply } from '../resp/reply.ts';
import { AclLog, type LogContext } from './log.ts';
import { aclFileText, defaultUser, usersFromAclFile, usersFromConfig } from './acl-file.ts';
import { applyUserRule, type AclUser, type RuleContext, stageUserRules } from './user.ts';

const BOTH_USERS_AND_FILE =
  'Configuring Redis with users defined in redis.conf and at the same setting an ACL file path is invalid. ' +
  'This setup is very likely to lead to configuration errors and security holes, please define either an ' +
  'ACL file or declare users directly in your redis.conf, but not both.';

export class AclState {
  readonly users = new Map<string, AclUser>();
  readonly log = new AclLog();
  readonly defaultUser: AclUser;

  /**
   * `files` reads and writes the ACL file (the host's storage; none: no file can be read), and
   * `userLines` are the configuration's `user` directives, one "name rules..." per line. Bad users
   * or a bad ACL file at start throw, as Redis refuses to start.
   */
  constructor(
    private readonly node: ServerNode,
    private readonly files?: PersistPort,
    userLines?: string,
  ) {
    this.defaultUser = defaultUser(this.ruleContext());
    this.users.set('default', this.defaultUser);
    this.applyRequirepass();
    node.config.onChange('requirepass', () => this.applyRequirepass());
    this.loadAtStartup(userLines);
  }

  /** ACLLoadUsersAtStartup. */
  private loadAtStartup(userLines: string | undefined): void {
    const aclFile = this.node.config.get('aclfile');
    if (aclFile !== '' && userLines !== undefined) throw new Error(BOTH_USERS_AND_FILE);
    if (userLines !== undefined) {
      const users = usersFromConfig(this.ruleContext(), userLines.split('\n'));
      if (typeof users === 'string') throw new Error(users);
      for (const u of users) {
        if (u.name === 'default') this.defaultUser.copyFrom(u);
        else this.users.set(u.name, u);
      }
    }
    if (aclFile !== '') {
      const errors = this.loadFile(undefined);
      if (errors !== null) throw new Error(`Aborting Redis startup because of ACL errors: ${errors}`);
    }
  }

  /**
   * ACL LOAD: replaces every user with the file's (the default user keeps its identity). Clients of
   * the replaced users are closed, as Redis frees those users. Returns the error text, or null.
   */
  loadFile(caller: Client | undefined): string | null {
    const name = this.node.config.get('aclfile');
    const data = this.files?.read?.(name) ?? 'No such file or directory';
    if (typeof data === 'string') return `Error loading ACLs, opening file '${name}': ${data}`;
    const loaded = usersFromAclFile(this.ruleContext(), name, bin(data));
    if (!(loaded instanceof Map)) return loaded.errors;
    this.defaultUser.copyFrom(loaded.get('default')!);
    loaded.set('default', this.defaultUser);
    const replaced = [...this.users.keys()].filter((n) => n !== 'default');
    this.users.clear();
    for (const [n, u] of loaded) this.users.set(n, u);
    for (const n of replaced) this.dropClientsOf(caller, n);
    return null;
  }

  /**
   * rewriteConfigUserOption: the `user` lines CONFIG REWRITE writes (every user, in name order), or
   * null when an ACL file holds the users (the config file then keeps no `user` lines).
   */
  configRewriteLines(): string[] | null {
    if (this.node.config.get('aclfile') !== '') return null;
    return aclFileText(this.ruleContext(), this.sortedUsers()).split('\n').slice(0, -1);
  }

  /** ACL SAVE: writes every user to the ACL file; false when the host could not write it. */
  saveFile(): boolean {
    const text = aclFileText(this.ruleContext(), this.sortedUsers());
    return this.files?.persist(this.node.config.get('aclfile'), unbin(text)) ?? false;
  }

  ruleContext(): RuleContext {
    return {
      registry: this.node.commands,
      allChannelsByDefault: this.node.config.get('acl-pubsub-default') === 'allchannels',
    };
  }

  /** ACLUpdateDefaultUserPassword. */
  private applyRequirepass(): void {
    const pass = this.node.config.get('requirepass');
    const ctx = this.ruleContext();
    applyUserRule(ctx, this.defaultUser, 'resetpass');
    applyUserRule(ctx, this.defaultUser, pass === '' ? 'nopass' : `>${pass}`);
  }

  /** Whether a new (or RESET) connection starts authenticated as the default user. */
  defaultAuthenticated(): boolean {
    return this.defaultUser.nopass && this.defaultUser.enabled;
  }

  /** Redis's authRequired(). */
  authRequired(c: Client): boolean {
    return !this.defaultAuthenticated() && !c.authenticated;
  }

  userOf(c: Client): AclUser {
    return this.users.get(c.user) ?? this.defaultUser;
  }

  /** Sorted by name bytes, as Redis's radix tree lists them. */
  sortedUsers(): AclUser[] {
    return [...this.users.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * ACLAuthenticateUser: on success the client becomes `username`, else an auth entry is logged
   * whose object is the command name as the client sent it (`argv0`: "AUTH", "hello" ...).
   */
  authenticate(c: Client, username: Bytes, password: Bytes, argv0: Bytes): boolean {
    const u = this.users.get(bin(username));
    if (u !== undefined && u.passwordMatches(password)) {
      c.authenticated = true;
      c.user = u.name;
      return true;
    }
    this.addLog(c, Denied.Auth, this.contextOf(c), bin(argv0), bin(username));
    return false;
  }

  contextOf(c: Client): LogContext {
    return c.multi !== null ? 'multi' : 'toplevel';
  }

  addLog(c: Client, reason: Denied, context: LogContext, object: string, username?: string): void {
    const entry = {
      reason,
      context,
      object,
      username: username ?? c.user,
      timeMs: this.node.nowMs(),
      clientInfo: clientInfoLine(c, true),
    };
    this.log.add(entry, this.node.config.getInt('acllog-max-len'));
  }

  /** The check result for `c` running argv, logged when denied (object: command, key or channel). */
  checkAndLog(c: Client, cmd: Command, argv: readonly Bytes[], context: LogContext): CheckResult | null {
    const user = this.userOf(c);
    const r = checkUserCommand(user, cmd, argv);
    if (r === null) return null;
    const object = r.denied === Denied.Cmd ? cmd.fullName : bin(argv[r.pos]!);
    this.addLog(c, r.denied, context, object);
    return r;
  }

  /** processCommand's ACL step: null, or the NOPERM error to reject the command with. */
  commandDenied(c: Client, cmd: Command, argv: readonly Bytes[]): string | null {
    const root = this.userOf(c).root;
    if (root.allCommands && root.allKeys && root.allChannels) return null;
    const r = this.checkAndLog(c, cmd, argv, this.contextOf(c));
    return r === null ? null : nopermText(r, cmd);
  }

  /** EXEC's recheck of a queued command: null, or the error reply that replaces its result. */
  execDenied(c: Client, cmd: Command, argv: readonly Bytes[]): Reply | null {
    const r = this.checkAndLog(c, cmd, argv, 'multi');
    if (r === null) return null;
    const text = execDeniedText(r);
    this.node.stats.countError(text);
    return err(text);
  }

  /** ACL SETUSER: an error text, or null once the user is created or changed. */
  setUser(caller: Client, name: string, rules: readonly string[]): string | null {
    const existing = this.users.get(name);
    const staged = stageUserRules(this.ruleContext(), name, existing, rules);
    if (typeof staged === 'string') return staged;
    if (existing) {
      this.killPubsubClientsIfNeeded(caller, staged, existing);
      existing.copyFrom(staged);
    } else {
      this.users.set(name, staged);
    }
    return null;
  }

  /** ACL DELUSER of existing names (not 'default'): returns how many were deleted. */
  deleteUsers(caller: Client, names: readonly string[]): number {
    let deleted = 0;
    for (const name of names) {
      if (!this.users.delete(name)) continue;
      deleted++;
      this.dropClientsOf(caller, name);
    }
    return deleted;
  }

  /** ACLFreeUserAndKillClients: the user's clients fall back to default, unauthenticated, and close. */
  private dropClientsOf(caller: Client | undefined, name: string): void {
    for (const c of [...this.node.clients.values()]) {
      if (c.user !== name) continue;
      c.user = 'default';
      c.authenticated = false;
      this.closeClient(caller, c);
    }
  }

  /** The caller gets its reply first (CLIENT_CLOSE_AFTER_COMMAND); others close at once. */
  private closeClient(caller: Client | undefined, c: Client): void {
    if (c === caller) c.closeAfterReply = true;
    else this.node.kill(c);
  }

  /**
   * ACLKillPubsubClientsIfNeeded: when the new rules no longer cover every channel pattern the old
   * ones had, subscribers of that user whose channels or patterns fall outside them are disconnected.
   */
  private killPubsubClientsIfNeeded(caller: Client, next: AclUser, original: AclUser): void {
    if (next.selectors.some((s) => s.allChannels)) return;
    const upcoming = next.selectors.flatMap((s) => s.channels);
    const covered = original.selectors.every(
      (s) => !s.allChannels && s.channels.every((ch) => upcoming.includes(ch)),
    );
    if (covered) return;
    for (const c of [...this.node.clients.values()]) {
      if (c.user !== original.name || c.subscriptionCount === 0) continue;
      const bad =
        [...c.patterns].some((p) => !channelInList(upcoming, p, true)) ||
        [...c.channels].some((ch) => !channelInList(upcoming, ch, false)) ||
        [...c.shardChannels].some((ch) => !channelInList(upcoming, ch, false));
      if (bad) this.closeClient(caller, c);
    }
  }
}
