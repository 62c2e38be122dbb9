/*
 * Server-wide counters reported by INFO stats and reset by CONFIG RESETSTAT.
 */
export class Stats {
  numCommands = 0;
  numConnections = 0;
  rejectedConnections = 0;
  expiredKeys = 0;
  expiredStalePerc = 0;
  expiredTimeCapReachedCount = 0;
  evictedKeys = 0;
  keyspaceHits = 0;
  keyspaceMisses = 0;
  totalErrorReplies = 0;
  unexpectedErrorReplies = 0;
  totalReadsProcessed = 0;
  totalWritesProcessed = 0;
  netInputBytes = 0;
  netOutputBytes = 0;
  /** Error replies by their code prefix (ERR, WRONGTYPE, ...), for INFO errorstats. */
  readonly errorCodes = new Map<string, number>();

  countError(text: string): void {
    this.totalErrorReplies++;
    // afterErrorReply looks for the space among the first 32 bytes of "-CODE ...": a code of 31
    // characters or more (or no space at all) is counted as ERR.
    const space = text.indexOf(' ');
    const code = space >= 0 && space < 31 ? text.slice(0, space) : 'ERR';
    this.errorCodes.set(code, (this.errorCodes.get(code) ?? 0) + 1);
  }

  reset(): void {
    const fresh = new Stats();
    Object.assign(this, fresh);
    this.errorCodes.clear();
  }
}
