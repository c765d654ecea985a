// Who acts on the server's disk. The outside agent (a user, a cleanup script, a backup or
// virus tool) is only a member of Everyone; the IMS runs as the Exchange service account,
// which is also a member of Everyone but has its own entry in the Exchange directories.

export type Group = 'Everyone' | 'SYSTEM' | 'Administrators' | 'Exchange service account';

export interface Identity {
  readonly name: string;
  readonly memberOf: readonly Group[];
}

export const GROUPS: readonly Group[] = ['Everyone', 'SYSTEM', 'Administrators', 'Exchange service account'];

export const OUTSIDE_AGENT: Identity = { name: 'outside agent', memberOf: ['Everyone'] };
// Assumption A-SERVICE-ACCOUNT: the service account is not an administrator of the server.
export const SERVICE_ACCOUNT: Identity = { name: 'Exchange service account', memberOf: ['Everyone', 'Exchange service account'] };
export const ADMINISTRATOR: Identity = { name: 'Administrator', memberOf: ['Everyone', 'Administrators'] };
