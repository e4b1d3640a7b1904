import { SetMetadata } from '@nestjs/common';

/** Who may call a query, mutation or route at all; services check the details. */
export enum AccessLevel {
  PUBLIC = 'PUBLIC',
  SIGNED_IN = 'SIGNED_IN',
  ORGANIZER = 'ORGANIZER',
}

export const ACCESS_LEVEL = 'wissensnetz:access-level';

/** Every resolver method and controller states its access level; none means denied. */
export const Access = (level: AccessLevel) => SetMetadata(ACCESS_LEVEL, level);
