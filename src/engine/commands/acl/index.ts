/*
 * The ACL command family: users, permissions and the security log (see src/engine/acl/).
 */
import type { CommandFamily } from '../types.ts';
import { aclCat, aclDryrun, aclGenpass, aclHelp, aclLoadOrSave, aclLog } from './misc.ts';
import { aclSpecs } from './specs.ts';
import { aclDelUser, aclGetUser, aclList, aclSetUser, aclUsers, aclWhoami } from './users.ts';

export const aclCommands: CommandFamily = {
  specs: aclSpecs,
  handlers: {
    'acl|cat': aclCat,
    'acl|deluser': aclDelUser,
    'acl|dryrun': aclDryrun,
    'acl|genpass': aclGenpass,
    'acl|getuser': aclGetUser,
    'acl|help': aclHelp,
    'acl|list': aclList,
    'acl|load': aclLoadOrSave,
    'acl|log': aclLog,
    'acl|save': aclLoadOrSave,
    'acl|setuser': aclSetUser,
    'acl|users': aclUsers,
    'acl|whoami': aclWhoami,
  },
};
