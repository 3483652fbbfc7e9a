import { apiKeyOrOAuth2Credentials, apiKeyOrOAuth2Field } from '../../shared/authentication';
import { operationSelector, resourceSelector } from '../../shared/descriptions';
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

export const resources: Resources = {
	user: {
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
	{ name: 'Deactivate', value: 'deactivate', action: 'Deactivate a user', description: 'Deactivate a user, optionally transferring their documents to another user' },
	{ name: 'Get', value: 'get', action: 'Get a user', description: 'Get a user by ID or email' },
	{ name: 'Get Many', value: 'getAll', action: 'Get many users', description: 'List or search the users of the account' },
	{ name: 'Invite', value: 'invite', action: 'Invite users', description: 'Create users by inviting them by email' },
	{ name: 'Reactivate', value: 'reactivate', action: 'Reactivate a user', description: 'Reactivate a deactivated user' },
	{ name: 'Resend Invitation', value: 'resendInvitation', action: 'Resend a user invitation', description: 'Send the invitation email again' },
	{ name: 'Update Metadata', value: 'updateMetadata', action: 'Update the metadata of a user', description: 'Replace the custom metadata stored on a user' },
	{ name: 'Update Role', value: 'updateRole', action: 'Update the role of a user', description: 'Change a user’s role' },
]);

export const teamOperationField = operationSelector('team', 'getAll', [
	{ name: 'Create', value: 'create', action: 'Create a team', description: 'Create a team' },
	{ name: 'Get', value: 'get', action: 'Get a team', description: 'Get a team and its users' },
	{ name: 'Get Many', value: 'getAll', action: 'Get many teams', description: 'List or search teams' },
	{ name: 'Rename', value: 'rename', action: 'Rename a team', description: 'Change a team’s name' },
]);
