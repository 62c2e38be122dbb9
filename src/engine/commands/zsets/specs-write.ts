/*
 * Command table entries of the sorted-set family: the commands that add, change or remove members. Facts as Redis 7.0 publishes them through
 * COMMAND INFO / COMMAND DOCS (arity, flags, ACL categories, key specs, arguments, versions,
 * complexity); summaries and history notes are our own words.
 */
import type { CommandSpec } from '../types.ts';
import { block, dbl, int, keyArg, keyAt, oneOf, str, token, tokens } from '../spec-helpers.ts';

export const zsetWriteSpecs: CommandSpec[] = [
  {
    name: 'zadd',
    summary: 'Inserts members with scores into a sorted set, or changes the scores of members already there.',
    since: '1.2.0',
    group: 'sorted-set',
    arity: -4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'sortedset', 'fast'],
    complexity: 'O(log(N)) for each item added, where N is the number of elements in the sorted set.',
    keySpecs: [keyAt(1, ['RW', 'UPDATE'])],
    arguments: [
      keyArg(),
      oneOf('condition', tokens('nx', 'xx'), { since: '3.0.2', optional: true }),
      oneOf('comparison', tokens('gt', 'lt'), { since: '6.2.0', optional: true }),
      token('change', 'CH', { since: '3.0.2', optional: true }),
      token('increment', 'INCR', { since: '3.0.2', optional: true }),
      block('score_member', [dbl('score'), str('member')], { multiple: true }),
    ],
    history: [
      ['2.4.0', 'Takes several score/member pairs in one call.'],
      ['3.0.2', 'XX, NX, CH and INCR options arrive.'],
      ['6.2.0', 'GT and LT options arrive.'],
    ],
  },
  {
    name: 'zincrby',
    summary: 'Raises the score of one sorted-set member by an amount, adding the member when missing.',
    since: '1.2.0',
    group: 'sorted-set',
    arity: 4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'sortedset', 'fast'],
    complexity: 'O(log(N)) where N is the number of elements in the sorted set.',
    keySpecs: [keyAt(1, ['RW', 'ACCESS', 'UPDATE'])],
    arguments: [keyArg(), int('increment'), str('member')],
  },
  {
    name: 'zrem',
    summary: 'Deletes the given members from a sorted set.',
    since: '1.2.0',
    group: 'sorted-set',
    arity: -3,
    flags: ['write', 'fast'],
    acl: ['write', 'sortedset', 'fast'],
    complexity:
      'O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.',
    keySpecs: [keyAt(1, ['RW', 'DELETE'])],
    arguments: [keyArg(), str('member', { multiple: true })],
    history: [['2.4.0', 'Takes several score/member pairs in one call.']],
  },
  {
    name: 'zremrangebyrank',
    summary: 'Deletes the sorted-set members whose positions fall between two ranks.',
    since: '2.0.0',
    group: 'sorted-set',
    arity: 4,
    flags: ['write'],
    acl: ['write', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    keySpecs: [keyAt(1, ['RW', 'DELETE'])],
    arguments: [keyArg(), int('start'), int('stop')],
  },
  {
    name: 'zremrangebyscore',
    summary: 'Deletes the sorted-set members whose scores fall inside a range.',
    since: '1.2.0',
    group: 'sorted-set',
    arity: 4,
    flags: ['write'],
    acl: ['write', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    keySpecs: [keyAt(1, ['RW', 'DELETE'])],
    arguments: [keyArg(), dbl('min'), dbl('max')],
  },
  {
    name: 'zremrangebylex',
    summary: 'Deletes the sorted-set members that fall inside a byte-order range.',
    since: '2.8.9',
    group: 'sorted-set',
    arity: 4,
    flags: ['write'],
    acl: ['write', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    keySpecs: [keyAt(1, ['RW', 'DELETE'])],
    arguments: [keyArg(), str('min'), str('max')],
  },
];
