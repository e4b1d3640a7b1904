import { CityEntity } from '../modules/cities/city.entity';
import { TopicEntity } from '../modules/topics/topic.entity';

/** Every TypeORM entity of the API. */
export const ENTITIES = [CityEntity, TopicEntity];
