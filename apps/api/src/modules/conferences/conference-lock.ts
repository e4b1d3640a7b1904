import type { EntityManager } from 'typeorm';
import { isUuid } from '../../core/validation/uuid';
import { ConferenceEntity } from './conference.entity';
import { ConferenceException } from './conference.exception';

/**
 * Reads a conference for a change and holds its row lock until the transaction ends,
 * so planning changes (details, status, agenda) and seat changes of one conference
 * queue up. Only organizers may lock it this way (row-level security: they alone
 * update conferences); cities lock it through conference_seat_lock.
 */
export async function lockConference(
  manager: EntityManager,
  id: string,
  field: string,
): Promise<ConferenceEntity> {
  const conference = isUuid(id)
    ? await manager
        .getRepository(ConferenceEntity)
        .createQueryBuilder('c')
        .where('c.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne()
    : null;
  if (!conference) throw ConferenceException.notFound(field);
  return conference;
}
