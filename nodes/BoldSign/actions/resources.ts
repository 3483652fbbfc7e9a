import { apiKeyOrOAuth2Credentials, apiKeyOrOAuth2Field } from '../../shared/authentication';
import { operationSelector, resourceSelector } from '../../shared/descriptions';
import { rosterOperations } from '../../shared/roster';
import type { RosterUi } from '../../shared/roster';
import { boldSignRoster } from '../roster';
import { roleField, teamLocator } from '../users';
import type { Resources } from '../../shared/router';
import * as teamCreate from './team/create.operation';
import * as teamGet from './team/get.operation';
import * as teamGetAll from './team/getAll.operation';
import * as teamRename from './team/rename.operation';
import * as userCancelInvitation from './user/cancelInvitation.operation';
import * as userChangeTeam from './user/changeTeam.operation';
import * as userDeactivate from './user/deactivate.operation';
import * as userGet from './user/get.operation';
import * as userGetAll from './user/getAll.operation';
import * as userInvite from './user/invite.operation';
import * as userReactivate from './user/reactivate.operation';
import * as userResendInvitation from './user/resendInvitation.operation';
import * as userUpdateMetadata from './user/updateMetadata.operation';
import * as userUpdateRole from './user/updateRole.operation';

const rosterUi: RosterUi = {
	resource: 'user',
	teamLabel: 'Team',
	roleField: (show) => roleField(show, 'The wanted role of the user'),
	teamField: (show) => teamLocator(show, 'team', 'Team', false),
	defaultProtectedRoles: ['Admin'],
};

export const resources: Resources = {
	user: {
		...rosterOperations(boldSignRoster, rosterUi),
		invite: userInvite,
		get: userGet,
		getAll: userGetAll,
		updateRole: userUpdateRole,
		deactivate: userDeactivate,
		reactivate: userReactivate,
		changeTeam: userChangeTeam,
		updateMetadata: userUpdateMetadata,
		resendInvitation: userResendInvitation,
		cancelInvitation: userCancelInvitation,
	},
	team: {
		create: teamCreate,
		get: teamGet,
		getAll: teamGetAll,
		rename: teamRename,
	},
};

export const authenticationField = apiKeyOrOAuth2Field;

/** The BoldSign credential the Authentication field selects. */
export const credentials = apiKeyOrOAuth2Credentials('boldSignApi', 'boldSignOAuth2Api');

export const resourceField = resourceSelector('user', [
	{ name: 'User', value: 'user' },
	{ name: 'Team', value: 'team' },
]);

export const userOperationField = operationSelector('user', 'getAll', [
	{ name: 'Cancel Invitation', value: 'cancelInvitation', action: 'Cancel a user invitation', description: 'Withdraw the invitation of a user who has not accepted it yet' },
	{ name: 'Change Team', value: 'changeTeam', action: 'Move a user to another team', description: 'Move a user to another team, optionally transferring their documents' },
	{ name: 'Create or Update', value: 'createOrUpdate', action: 'Create or update a user', description: 'Invite a user, or change its role and team to the wanted ones; safe to run again' },
	{ name: 'Deactivate', value: 'deactivate', action: 'Deactivate a user', description: 'Deactivate a user, optionally transferring their documents to another user' },
	{ name: 'Get', value: 'get', action: 'Get a user', description: 'Get a user by ID or email' },
	{ name: 'Get Many', value: 'getAll', action: 'Get many users', description: 'List or search the users of the account' },
	{ name: 'Invite', value: 'invite', action: 'Invite users', description: 'Create users by inviting them by email' },
	{ name: 'Reactivate', value: 'reactivate', action: 'Reactivate a user', description: 'Reactivate a deactivated user' },
	{ name: 'Resend Invitation', value: 'resendInvitation', action: 'Resend a user invitation', description: 'Send the invitation email again' },
	{ name: 'Sync Roster', value: 'syncRoster', action: 'Sync users with a roster', description: 'Plan or apply the invitations, changes and deactivations that make BoldSign match the input items' },
	{ name: 'Update Metadata', value: 'updateMetadata', action: 'Update the metadata of a user', description: 'Replace the custom metadata stored on a user' },
	{ name: 'Update Role', value: 'updateRole', action: 'Update the role of a user', description: 'Change a user’s role' },
]);

export const teamOperationField = operationSelector('team', 'getAll', [
	{ name: 'Create', value: 'create', action: 'Create a team', description: 'Create a team' },
	{ name: 'Get', value: 'get', action: 'Get a team', description: 'Get a team and its users' },
	{ name: 'Get Many', value: 'getAll', action: 'Get many teams', description: 'List or search teams' },
	{ name: 'Rename', value: 'rename', action: 'Rename a team', description: 'Change a team’s name' },
]);
