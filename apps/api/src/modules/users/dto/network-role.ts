import { registerEnumType } from '@nestjs/graphql';
import { NetworkRole } from '../../../core/tenancy/actor';

registerEnumType(NetworkRole, {
  name: 'NetworkRole',
  description: 'ORGANIZER: the national office of the network',
});

export { NetworkRole };
