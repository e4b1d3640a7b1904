import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { SignLanguagePageDocument, type SignLanguagePageQuery } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { SignLanguageVideoManager } from './SignLanguageVideoManager';
import { formatVideoSize, minutesAndSeconds } from './sign-language-format';
import './easy-read.css';
import './legal.css';

type Video = NonNullable<SignLanguagePageQuery['signLanguage']['video']>;

const FORMATS: Record<string, string> = { 'video/mp4': 'MP4', 'video/webm': 'WebM' };

function VideoPlayer({ video }: { video: Video }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const size = formatVideoSize(video.sizeBytes, language);
  const length = minutesAndSeconds(video.durationSeconds);
  const format = FORMATS[video.contentType] ?? video.contentType;
  return (
    <section aria-labelledby="sign-language-video-heading">
      <h2 id="sign-language-video-heading">{t('signLanguage.videoHeading')}</h2>
      <figure>
        {/* A sign-language video carries no speech to caption; its text alternative is the
            description below and the page in Leichte Sprache (WCAG 1.2.1, video only). */}
        {/* eslint-disable-next-line jsx-a11y/media-has-caption */}
        <video
          controls
          preload="metadata"
          aria-describedby="sign-language-caption"
          data-testid="sign-language-video"
        >
          <source src={video.url} type={video.contentType} />
          <p>{t('signLanguage.noPlayer')}</p>
        </video>
        <figcaption id="sign-language-caption" className="legal-message">
          {video.caption}
        </figcaption>
      </figure>
      <h3>{t('signLanguage.facts')}</h3>
      <dl className="legal-facts" data-testid="sign-language-facts">
        <dt>{t('signLanguage.duration')}</dt>
        <dd>
          <abbr title={t('signLanguage.durationLong', length)}>
            {t('signLanguage.durationText', {
              minutes: length.minutes,
              seconds: String(length.seconds).padStart(2, '0'),
            })}
          </abbr>
        </dd>
        <dt>{t('signLanguage.size')}</dt>
        <dd>{size}</dd>
        <dt>{t('signLanguage.format')}</dt>
        <dd>{format}</dd>
      </dl>
      <p>
        <a href={video.downloadUrl} download={video.fileName} data-testid="sign-language-download">
          {t('signLanguage.download', { format, size })}
        </a>
      </p>
    </section>
  );
}

/** The network's video in German Sign Language, or the notice that it is being prepared. */
export function SignLanguagePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signLanguage.documentTitle'));
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: SignLanguagePageDocument,
    requestPolicy: 'cache-and-network',
  });
  const page = data?.signLanguage;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <div className="page page--narrow legal sign-language" data-testid="sign-language-page">
      <h1>{t('signLanguage.heading')}</h1>
      {page ? (
        <>
          {page.video ? (
            <>
              <p>{t('signLanguage.intro')}</p>
              <VideoPlayer video={page.video} />
            </>
          ) : (
            <section
              aria-labelledby="sign-language-placeholder"
              className="sign-language__placeholder"
              data-testid="sign-language-placeholder"
            >
              <h2 id="sign-language-placeholder">{t('signLanguage.placeholderHeading')}</h2>
              <p>{t('signLanguage.placeholder')}</p>
            </section>
          )}
          <p>
            {t('signLanguage.textAlternative')}{' '}
            <Link to="/leichte-sprache">{t('signLanguage.textAlternativeLink')}</Link>
          </p>
          {page.viewerCanManage ? (
            <SignLanguageVideoManager
              video={page.video}
              maxBytes={page.maxBytes}
              onChanged={refresh}
            />
          ) : null}
        </>
      ) : error ? (
        <ErrorState onRetry={refresh} />
      ) : fetching ? (
        <Loading />
      ) : null}
    </div>
  );
}
