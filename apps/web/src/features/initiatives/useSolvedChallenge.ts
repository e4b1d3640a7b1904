import { solveChallenge } from 'altcha-lib/v1';
import { useCallback, useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { SuggestionChallengeDocument } from '../../generated/graphql';

/**
 * The ALTCHA proof-of-work of the suggestion form, solved in the browser while the resident
 * types (no third party, no cookie). `take()` answers the solved payload (waiting for it if
 * the resident was quick) and starts the next challenge, since each is accepted once.
 */
export function useSolvedChallenge(): { take: () => Promise<string> } {
  const client = useClient();
  const pending = useRef<Promise<string> | null>(null);

  const start = useCallback(() => {
    pending.current = (async () => {
      const result = await client
        .query(SuggestionChallengeDocument, {}, { requestPolicy: 'network-only' })
        .toPromise();
      const challenge = result.data?.suggestionChallenge;
      if (!challenge) return '';
      const solution = await solveChallenge(
        challenge.challenge,
        challenge.salt,
        challenge.algorithm,
        challenge.maxnumber,
      ).promise;
      if (!solution) return '';
      return btoa(
        JSON.stringify({
          algorithm: challenge.algorithm,
          challenge: challenge.challenge,
          number: solution.number,
          salt: challenge.salt,
          signature: challenge.signature,
        }),
      );
    })().catch(() => '');
  }, [client]);

  useEffect(() => {
    start();
  }, [start]);

  const take = useCallback(async () => {
    if (!pending.current) start();
    const payload = await pending.current!;
    start();
    return payload;
  }, [start]);

  return { take };
}
