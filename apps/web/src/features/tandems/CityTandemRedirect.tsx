import { Navigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CITY_SLUG_PATTERN } from '@wissensnetz/domain';
import { CityTandemsDocument, type TandemStatus } from '../../generated/graphql';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { CityNotFound } from '../cities/CityNotFound';
import { tandemPath } from './tandem-format';

/** Which of a city's tandems `/:city/tandem` means: the running one first. */
const PREFERENCE: readonly TandemStatus[] = ['ACTIVE', 'PROPOSED', 'CONCLUDED', 'DECLINED'];

/** `/:city/tandem`: a short address for the city's current tandem. */
export function CityTandemRedirect() {
  const { city: rawSlug = '' } = useParams<'city'>();
  const slug = rawSlug.toLowerCase();
  const valid = CITY_SLUG_PATTERN.test(slug);
  const [result, reexecute] = useQuery({
    query: CityTandemsDocument,
    variables: { slug },
    pause: !valid,
    requestPolicy: 'network-only',
  });
  if (!valid) return <CityNotFound slug={rawSlug} />;
  if (result.fetching || (!result.data && !result.error)) return <Loading />;
  if (result.error) {
    return (
      <div className="page">
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  if (!result.data?.city) return <CityNotFound slug={slug} />;
  const tandems = [...result.data.city.tandems].sort(
    (a, b) => PREFERENCE.indexOf(a.status) - PREFERENCE.indexOf(b.status),
  );
  const first = tandems[0];
  if (!first) return <NotFoundPage />;
  return <Navigate to={tandemPath(slug, first.id)} replace />;
}
