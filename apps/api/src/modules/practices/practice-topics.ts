import { PracticeException } from './practice.exception';

/**
 * Topic slugs to ids, given the ids of the slugs the taxonomy knows. An unknown slug is a
 * typed UNKNOWN_TOPIC on its position (`input.topicSlugs.2`); with `skipUnknown` (an old
 * revision naming a topic removed since) it is left out instead.
 */
export function topicIdsFor(
  known: ReadonlyMap<string, string>,
  slugs: readonly string[],
  field: string,
  skipUnknown = false,
): string[] {
  return slugs.flatMap((slug, index) => {
    const id = known.get(slug);
    if (id) return [id];
    if (skipUnknown) return [];
    throw PracticeException.unknownTopic(`${field}.${index}`, slug);
  });
}
