import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, resourceSelector } from '../../shared/descriptions';
import { rosterOperations } from '../../shared/roster';
import type { RosterUi } from '../../shared/roster';
import type { Resources } from '../../shared/router';
import { signNowRoster } from '../roster';
import { teamLocator } from '../teams';
import * as invitationAccept from './invitation/accept.operation';
import * as invitationDecline from './invitation/decline.operation';
import * as invitationGet from './invitation/get.operation';
import * as organizationGet from './organization/get.operation';
import * as teamChangeTeam from './team/changeTeam.operation';
import * as teamCreate from './team/create.operation';
import * as teamDelete from './team/delete.operation';
import * as teamGet from './team/get.operation';
import * as teamGetAdmins from './team/getAdmins.operation';
import * as teamGetAll from './team/getAll.operation';
import * as teamGrantAdmin from './team/grantAdmin.operation';
import * as teamInviteUsers from './team/inviteUsers.operation';
import * as teamRemoveUser from './team/removeUser.operation';
import * as teamRename from './team/rename.operation';
import * as teamRevokeAdmin from './team/revokeAdmin.operation';
import * as teamTransferOwnership from './team/transferOwnership.operation';
import * as userCreate from './user/create.operation';
import * as userGetAll from './user/getAll.operation';
import * as userGetCurrent from './user/getCurrent.operation';
import * as userResendVerification from './user/resendVerification.operation';
import * as userUpdateCurrent from './user/updateCurrent.operation';

const rosterUi: RosterUi = {
	resource: 'user',
	teamLabel: 'Team',
	roleField: (displayOptions) => ({
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: [
			{ name: 'Admin', value: 'admin' },
			{ name: 'Member', value: 'member' },
		],
		default: 'member',
		description: 'The wanted role of the user in the team (SignNow makes only members who accepted the invitation admins)',
		displayOptions,
	}),
	teamField: (displayOptions) => teamLocator(displayOptions),
	defaultProtectedRoles: ['admin'],
};

export const resources: Resources = {
	user: {
		...rosterOperations(signNowRoster, rosterUi),
		create: userCreate,
		getCurrent: userGetCurrent,
		updateCurrent: userUpdateCurrent,
		resendVerification: userResendVerification,
		getAll: userGetAll,
	},
	team: {
		create: teamCreate,
		get: teamGet,
		getAll: teamGetAll,
		rename: teamRename,
		delete: teamDelete,
		getAdmins: teamGetAdmins,
		inviteUsers: teamInviteUsers,
		removeUser: teamRemoveUser,
		grantAdmin: teamGrantAdmin,
		revokeAdmin: teamRevokeAdmin,
		transferOwnership: teamTransferOwnership,
		changeTeam: teamChangeTeam,
	},
	invitation: { get: invitationGet, accept: invitationAccept, decline: invitationDecline },
	organization: { get: organizationGet },
};

export const authenticationField: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	default: 'password',
	options: [
		{ name: 'Username and Password', value: 'password' },
		{ name: 'OAuth2 (Authorization Code)', value: 'oAuth2' },
	],
};

export const resourceField = resourceSelector('user', [
	{ name: 'Invitation', value: 'invitation' },
	{ name: 'Organization', value: 'organization' },
	{ name: 'Team', value: 'team' },
	{ name: 'User', value: 'user' },
]);

export const operationFields: INodeProperties[] = [
	operationSelector('user', 'getCurrent', [
		{ name: 'Create', value: 'create', action: 'Create an account', description: 'Create a SignNow account (signed with the app’s Basic token)' },
		{ name: 'Create or Update', value: 'createOrUpdate', action: 'Create or update a team member', description: 'Invite a user to a team, or change its role and team to the wanted ones; safe to run again' },
		{ name: 'Get Current', value: 'getCurrent', action: 'Get the current user', description: 'Get the credential’s own user' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many organization users', description: 'List the users of the organization' },
		{ name: 'Resend Verification Email', value: 'resendVerification', action: 'Resend the verification email', description: 'Send the email-verification message again' },
		{ name: 'Sync Roster', value: 'syncRoster', action: 'Sync team members with a roster', description: 'Plan or apply the invitations, changes and removals that make the teams match the input items' },
		{ name: 'Update Current', value: 'updateCurrent', action: 'Update the current user', description: 'Change the credential user’s name or password' },
	]),
	operationSelector('team', 'getAll', [
		{ name: 'Change Team', value: 'changeTeam', action: 'Move a member to another team', description: 'Invite a member to another team, then remove them from this one' },
		{ name: 'Create', value: 'create', action: 'Create a team', description: 'Create a team' },
		{ name: 'Delete', value: 'delete', action: 'Delete a team', description: 'Delete a team (primary admin only)' },
		{ name: 'Get', value: 'get', action: 'Get a team', description: 'Get a team with its members' },
		{ name: 'Get Admins', value: 'getAdmins', action: 'Get the admins of a team', description: 'List a team’s admins' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many teams', description: 'List the teams of the credential’s user' },
		{ name: 'Grant Admin', value: 'grantAdmin', action: 'Make a member a team admin', description: 'Give a member admin rights on the team' },
		{ name: 'Invite Users', value: 'inviteUsers', action: 'Invite users to a team', description: 'Invite one or more emails to join a team' },
		{ name: 'Remove User', value: 'removeUser', action: 'Remove a user from a team', description: 'Take a member out of a team' },
		{ name: 'Rename', value: 'rename', action: 'Rename a team', description: 'Change a team’s name' },
		{ name: 'Revoke Admin', value: 'revokeAdmin', action: 'Make a team admin a member', description: 'Take admin rights on the team away from a member' },
		{ name: 'Transfer Ownership', value: 'transferOwnership', action: 'Transfer a team to another member', description: 'Make a member the team’s primary admin' },
	]),
	operationSelector('invitation', 'get', [
		{ name: 'Accept', value: 'accept', action: 'Accept a team invitation', description: 'Accept an invitation of the credential’s user to a team' },
		{ name: 'Decline', value: 'decline', action: 'Decline a team invitation', description: 'Decline an invitation of the credential’s user to a team' },
		{ name: 'Get', value: 'get', action: 'Get a team invitation', description: 'Get an invitation of the credential’s user to a team' },
	]),
	operationSelector('organization', 'get', [
		{ name: 'Get', value: 'get', action: 'Get the organization', description: 'Get the organization’s ID, name and teams' },
	]),
];
