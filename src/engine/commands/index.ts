/*
 * Every command family of the node. The registry joins their specs and handlers into one table.
 */
import { commandCommands } from './command.ts';
import { connectionCommands } from './connection.ts';
import { stringCommands } from './strings.ts';
import type { CommandFamily } from './types.ts';

export const allFamilies: readonly CommandFamily[] = [connectionCommands, stringCommands, commandCommands];
