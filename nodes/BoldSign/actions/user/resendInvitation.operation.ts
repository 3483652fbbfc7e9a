import { invitationOperation } from './invitation';

export const { description, execute } = invitationOperation('resendInvitation', '/v1/users/resendInvitation');
