import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, resourceSelector, showFor } from '../../shared/descriptions';
import { rosterOperations } from '../../shared/roster';
import type { RosterUi } from '../../shared/roster';
import type { Operation, Resources } from '../../shared/router';
import { accountField, dsGroupLocator } from '../fields';
import { ROSTER_ROLES, docuSignRoster } from '../roster';
import * as accountGetGroups from './account/getGroups.operation';
import * as accountGetPermissionProfiles from './account/getPermissionProfiles.operation';
import * as dsGroupAddUsers from './dsGroup/addUsers.operation';
import * as dsGroupCreate from './dsGroup/create.operation';
import * as dsGroupDelete from './dsGroup/delete.operation';
import * as dsGroupGet from './dsGroup/get.operation';
import * as dsGroupGetAll from './dsGroup/getAll.operation';
import * as dsGroupGetUsers from './dsGroup/getUsers.operation';
import * as dsGroupRemoveUsers from './dsGroup/removeUsers.operation';
import * as organizationGetAll from './organization/getAll.operation';
import * as userChangeTeam from './user/changeTeam.operation';
import * as userClose from './user/close.operation';
import * as userCreate from './user/create.operation';
import * as userGet from './user/get.operation';
import * as userGetAll from './user/getAll.operation';
import * as userReactivate from './user/reactivate.operation';
import * as userUpdate from './user/update.operation';
import * as userUpdateEmail from './user/updateEmail.operation';
import * as userUpdateRole from './user/updateRole.operation';

const rosterUi: RosterUi = {
	resource: 'user',
	teamLabel: 'DS Group',
	roleField: (displayOptions) => ({
		displayName: 'Role',
		name: 'role',
		type: 'options',
		// the empty value is a choice of its own, so leaving the field as it is is valid in the editor
		options: [...ROSTER_ROLES.map((role) => ({ name: role, value: role })), { name: 'Keep Current (New Users: Account Default)', value: '' }],
		default: '',
		description: 'The wanted permission profile of the user on the account. Keep Current: left as it is (new users get the account’s default).',
		displayOptions,
	}),
	teamField: (displayOptions) => dsGroupLocator(displayOptions, 'team', 'DS Group', false),
	defaultProtectedRoles: ['DS Admin'],
};

/** Both roster operations work on one account's memberships: its Account field comes first. */
function onAccount(operations: Record<string, Operation>): Record<string, Operation> {
	return Object.fromEntries(
		Object.entries(operations).map(([name, operation]) => [
			name,
			{
				...operation,
				description: [
					accountField(showFor('user', name), 'The account whose memberships are compared and changed (the same for every item). Organization admins are never deactivated nor given another role.'),
					...operation.description,
				],
			},
		]),
	);
}

export const resources: Resources = {
	organization: { getAll: organizationGetAll },
	user: {
		...onAccount(rosterOperations(docuSignRoster, rosterUi)),
		create: userCreate,
		get: userGet,
		getAll: userGetAll,
		update: userUpdate,
		updateRole: userUpdateRole,
		close: userClose,
		reactivate: userReactivate,
		changeTeam: userChangeTeam,
		updateEmail: userUpdateEmail,
	},
	account: { getPermissionProfiles: accountGetPermissionProfiles, getGroups: accountGetGroups },
	dsGroup: {
		create: dsGroupCreate,
		get: dsGroupGet,
		getAll: dsGroupGetAll,
		delete: dsGroupDelete,
		getUsers: dsGroupGetUsers,
		addUsers: dsGroupAddUsers,
		removeUsers: dsGroupRemoveUsers,
	},
};

export const authenticationField: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	default: 'jwt',
	options: [
		{ name: 'JWT (Service Integration)', value: 'jwt' },
		{ name: 'OAuth2 (Authorization Code)', value: 'oAuth2' },
	],
};

export const resourceField = resourceSelector('user', [
	{ name: 'Account', value: 'account' },
	{ name: 'DS Group', value: 'dsGroup' },
	{ name: 'Organization', value: 'organization' },
	{ name: 'User', value: 'user' },
]);

export const operationFields: INodeProperties[] = [
	operationSelector('organization', 'getAll', [
		{ name: 'Get Many', value: 'getAll', action: 'Get many organizations', description: 'List the organizations the user administers' },
	]),
	operationSelector('user', 'getAll', [
		{ name: 'Change Team', value: 'changeTeam', action: 'Move a user to another DS group', description: 'Add a user to a DS group and remove them from another' },
		{ name: 'Close', value: 'close', action: 'Close the memberships of a user', description: 'Close a user’s memberships on some or all accounts' },
		{ name: 'Create', value: 'create', action: 'Create a user', description: 'Create a user with a membership on an account' },
		{ name: 'Create or Update', value: 'createOrUpdate', action: 'Create or update a user', description: 'Add a user to an account, or change its role and DS group to the wanted ones; safe to run again' },
		{ name: 'Get', value: 'get', action: 'Get a user', description: 'Get a user’s profile by ID or email' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many users', description: 'List the users of the organization' },
		{ name: 'Reactivate', value: 'reactivate', action: 'Reactivate the membership of a user', description: 'Activate a user’s membership on an account' },
		{ name: 'Sync Roster', value: 'syncRoster', action: 'Sync users with a roster', description: 'Plan or apply the additions, changes and closed memberships that make an account match the input items' },
		{ name: 'Update', value: 'update', action: 'Update a user', description: 'Change a user’s name, language, title and the like' },
		{ name: 'Update Email', value: 'updateEmail', action: 'Update the email of a user', description: 'Change a user’s email address' },
		{ name: 'Update Role', value: 'updateRole', action: 'Update the role of a user', description: 'Change a user’s permission profile on an account' },
	]),
	operationSelector('account', 'getPermissionProfiles', [
		{ name: 'Get Groups', value: 'getGroups', action: 'Get the groups of an account', description: 'List the groups of an account' },
		{
			name: 'Get Permission Profiles',
			value: 'getPermissionProfiles',
			action: 'Get the permission profiles of an account',
			description: 'List the permission profiles (roles) of an account',
		},
	]),
	operationSelector('dsGroup', 'getAll', [
		{ name: 'Add Users', value: 'addUsers', action: 'Add users to a DS group', description: 'Add users to a DS group' },
		{ name: 'Create', value: 'create', action: 'Create a DS group', description: 'Create a DS group in an account' },
		{ name: 'Delete', value: 'delete', action: 'Delete a DS group', description: 'Delete a DS group' },
		{ name: 'Get', value: 'get', action: 'Get a DS group', description: 'Get a DS group' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many DS groups', description: 'List the DS groups of an account' },
		{ name: 'Get Users', value: 'getUsers', action: 'Get the users of a DS group', description: 'List the users of a DS group' },
		{ name: 'Remove Users', value: 'removeUsers', action: 'Remove users from a DS group', description: 'Remove users from a DS group' },
	]),
];
