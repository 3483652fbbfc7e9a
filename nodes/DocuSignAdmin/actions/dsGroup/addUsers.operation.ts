import { membersOperation } from './members';

export const { description, execute } = membersOperation('addUsers');
