import { invitationOperation } from './invitation';

export const { description, execute } = invitationOperation('cancelInvitation', '/v1/users/cancelInvitation');
