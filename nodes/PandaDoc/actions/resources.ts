import type { INodeProperties } from 'n8n-workflow';

import { apiKeyOrOAuth2Field } from '../../shared/authentication';
import { operationSelector, resourceSelector } from '../../shared/descriptions';
import { rosterOperations } from '../../shared/roster';
import type { RosterUi } from '../../shared/roster';
import { roleField } from '../members';
import { pandaDocRoster } from '../roster';
import { workspaceLocator } from '../workspaces';
import type { Resources } from '../../shared/router';
import * as memberAddToWorkspace from './member/addToWorkspace.operation';
import * as memberChangeWorkspace from './member/changeWorkspace.operation';
import * as memberGet from './member/get.operation';
import * as memberGetAll from './member/getAll.operation';
import * as memberGetCurrent from './member/getCurrent.operation';
import * as memberRemove from './member/remove.operation';
import * as memberUpdateRole from './member/updateRole.operation';
import * as userCreate from './user/create.operation';
import * as userGetAll from './user/getAll.operation';
import * as workspaceCreate from './workspace/create.operation';
import * as workspaceDeactivate from './workspace/deactivate.operation';
import * as workspaceGetAll from './workspace/getAll.operation';

const rosterUi: RosterUi = {
	resource: 'user',
	teamLabel: 'Workspace',
	roleField: (show) => roleField(show, 'The wanted role of the user in the workspace'),
	teamField: (show) => workspaceLocator(show, 'team', 'Workspace', false),
	defaultProtectedRoles: ['Admin'],
};

export const resources: Resources = {
	member: {
		get: memberGet,
		getAll: memberGetAll,
		getCurrent: memberGetCurrent,
		addToWorkspace: memberAddToWorkspace,
		updateRole: memberUpdateRole,
		remove: memberRemove,
		changeWorkspace: memberChangeWorkspace,
	},
	user: { ...rosterOperations(pandaDocRoster, rosterUi), create: userCreate, getAll: userGetAll },
	workspace: { create: workspaceCreate, getAll: workspaceGetAll, deactivate: workspaceDeactivate },
};

export const authenticationField = apiKeyOrOAuth2Field;

export const resourceField = resourceSelector('member', [
	{ name: 'Member', value: 'member' },
	{ name: 'User', value: 'user' },
	{ name: 'Workspace', value: 'workspace' },
]);

export const operationFields: INodeProperties[] = [
	operationSelector('member', 'getAll', [
		{ name: 'Add to Workspace', value: 'addToWorkspace', action: 'Add a user to a workspace', description: 'Make a user a member of a workspace with a role' },
		{
			name: 'Change Workspace',
			value: 'changeWorkspace',
			action: 'Move a member to another workspace',
			description: 'Add a member to another workspace, then remove them from this one, optionally handing their documents over',
		},
		{ name: 'Get', value: 'get', action: 'Get a member', description: 'Get a member by membership ID, user ID or email' },
		{ name: 'Get Current', value: 'getCurrent', action: 'Get the current member', description: 'Get the member the credential acts as' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many members', description: 'List the members of the credential’s workspace' },
		{
			name: 'Remove From Workspace',
			value: 'remove',
			action: 'Remove a member from a workspace',
			description: 'Remove a member from a workspace, optionally handing their documents to another member first',
		},
		{ name: 'Update Role', value: 'updateRole', action: 'Update the role of a member', description: 'Change a member’s role in the workspace' },
	]),
	operationSelector('user', 'getAll', [
		{ name: 'Create', value: 'create', action: 'Create a user', description: 'Create a user in one or more workspaces' },
		{
			name: 'Create or Update',
			value: 'createOrUpdate',
			action: 'Create or update a user',
			description: 'Create a user, or change its role and workspace to the wanted ones; safe to run again',
		},
		{ name: 'Get Many', value: 'getAll', action: 'Get many users', description: 'List the users of the organization' },
		{
			name: 'Sync Roster',
			value: 'syncRoster',
			action: 'Sync users with a roster',
			description: 'Plan or apply the creations, changes and workspace removals that make PandaDoc match the input items',
		},
	]),
	operationSelector('workspace', 'getAll', [
		{ name: 'Create', value: 'create', action: 'Create a workspace', description: 'Create a workspace' },
		{ name: 'Deactivate', value: 'deactivate', action: 'Deactivate a workspace', description: 'Deactivate a workspace' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many workspaces', description: 'List the organization’s workspaces' },
	]),
];
