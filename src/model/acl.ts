// NTFS permissions as NT 4 has them: each directory carries its own list of entries; a new
// directory copies its parent's entries when it is created (NT 4 has no later, dynamic
// inheritance); an administrator can replace the entries of existing subdirectories too.

import type { Group, Identity } from './principals.ts';

/** The standard directory permissions of NT 4's Explorer that the articles need. */
export type Permission = 'No Access' | 'Read' | 'Change' | 'Full Control';

/** Special access rights: Read, Write, eXecute, Delete, change Permissions, take Ownership, and delete-child. */
export type Right = 'R' | 'W' | 'X' | 'D' | 'P' | 'O' | 'DeleteChild';

export const PERMISSIONS: readonly Permission[] = ['No Access', 'Read', 'Change', 'Full Control'];

const RIGHTS: Readonly<Record<Permission, readonly Right[]>> = {
  'No Access': [],
  Read: ['R', 'X'],
  Change: ['R', 'W', 'X', 'D'],
  // Full Control is the only standard permission that carries delete-child.
  'Full Control': ['R', 'W', 'X', 'D', 'P', 'O', 'DeleteChild'],
};

export interface Ace {
  readonly group: Group;
  readonly permission: Permission;
}

export type Acl = readonly Ace[];

/** Whether `who` holds `right` under `acl`. No Access for any of its groups denies everything. */
export function allows(acl: Acl, who: Identity, right: Right): boolean {
  const mine = acl.filter((ace) => who.memberOf.includes(ace.group));
  if (mine.some((ace) => ace.permission === 'No Access')) return false;
  return mine.some((ace) => RIGHTS[ace.permission].includes(right));
}

/** The ACL with `group`'s entry set to `permission` (added if absent). */
export function withEntry(acl: Acl, group: Group, permission: Permission): Acl {
  const rest = acl.filter((ace) => ace.group !== group);
  return [...rest, { group, permission }].sort(byGroup);
}

export function withoutEntry(acl: Acl, group: Group): Acl {
  return acl.filter((ace) => ace.group !== group);
}


function byGroup(a: Ace, b: Ace): number {
  return a.group < b.group ? -1 : a.group > b.group ? 1 : 0;
}
