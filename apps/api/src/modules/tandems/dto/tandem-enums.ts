import { registerEnumType } from '@nestjs/graphql';
import { TandemNoteKind } from '../tandem-note.entity';
import { TandemStatus } from '../tandem.entity';

// The API's names for the stored enums; every dto of the feature imports them from here,
// so they are registered before a type uses them.
registerEnumType(TandemStatus, { name: 'TandemStatus' });
registerEnumType(TandemNoteKind, { name: 'TandemNoteKind' });

export { TandemNoteKind, TandemStatus };
