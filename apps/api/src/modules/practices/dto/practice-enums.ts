import { registerEnumType } from '@nestjs/graphql';
import { PracticeStatus, PracticeVisibility } from '../practice.entity';

// The enums are stored as text columns; the API names them here, next to the types that use them.
registerEnumType(PracticeStatus, { name: 'PracticeStatus' });
registerEnumType(PracticeVisibility, { name: 'PracticeVisibility' });

export { PracticeStatus, PracticeVisibility };
