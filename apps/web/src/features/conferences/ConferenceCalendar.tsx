import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  ConferenceListDocument,
  type ConferenceKind,
  type ConferenceSummaryFragment,
  type NetworkRegion,
} from '../../generated/graphql';
import { currentLanguage, numberLocale } from '../../i18n';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import {
  berlinDay,
  byDay,
  calendarNames,
  monthRange,
  monthWeeks,
  nextDay,
  shiftMonth,
} from './calendar-month';
import { conferencePath, formatLocalTime } from './conference-format';
import './conferences.css';

/**
 * `/konferenzen?ansicht=monat&monat=YYYY-MM`: the month as a table (weeks × weekdays,
 * Monday first, Berlin days), each day with links to its conferences. A plain table:
 * Tab walks the links, screen readers announce the day through the row and column
 * headers; the month is changed by links, so the URL keeps it. Narrow screens get the
 * month's days with conferences as a list instead (MonthAgenda).
 */
export function ConferenceCalendar({
  year,
  month,
  kind,
  region,
  monthHref,
}: {
  year: number;
  month: number;
  kind: ConferenceKind | null;
  region: NetworkRegion | null;
  monthHref: (month: string) => string;
}) {
  const { t } = useTranslation();
  const locale = numberLocale(currentLanguage());
  const { from, to } = monthRange(year, month);
  const [result, reexecute] = useQuery({
    query: ConferenceListDocument,
    variables: { first: 100, filter: { from, to, kind, region } },
    requestPolicy: 'cache-and-network',
  });
  const names = calendarNames(year, month, locale);
  const today = berlinDay();
  const conferences = result.data?.conferences.edges.map((edge) => edge.node) ?? [];
  const days = byDay(conferences);
  const dayLabel = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });

  return (
    <section
      className="conference-section"
      aria-labelledby="calendar-title"
      data-testid="conference-calendar"
    >
      <div className="calendar-nav">
        <Link
          className="button button--secondary"
          to={monthHref(shiftMonth(year, month, -1))}
          data-testid="calendar-previous"
        >
          <span aria-hidden="true">← </span>
          {t('conferences.calendar.previous')}
        </Link>
        <h2 id="calendar-title" aria-live="polite">
          {names.title}
        </h2>
        <Link
          className="button button--secondary"
          to={monthHref(shiftMonth(year, month, 1))}
          data-testid="calendar-next"
        >
          {t('conferences.calendar.next')}
          <span aria-hidden="true"> →</span>
        </Link>
      </div>
      {result.fetching && !result.data ? (
        <Loading />
      ) : result.error && !result.data ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : (
        <>
          <p className="muted" role="status">
            {t('conferences.calendar.count', { count: conferences.length, month: names.title })}
          </p>
          {conferences.length === 0 ? (
            <NextConference
              after={to}
              kind={kind}
              region={region}
              monthHref={monthHref}
              locale={locale}
            />
          ) : null}
          <MonthAgenda
            days={monthWeeks(year, month)
              .flat()
              .filter((day) => day.inMonth && days.has(day.date))
              .map((day) => ({ date: day.date, items: days.get(day.date) ?? [] }))}
            dayLabel={dayLabel}
          />
          <ScrollRegion label={names.title} className="calendar-grid">
            <table className="calendar">
              <caption className="visually-hidden">
                {t('conferences.calendar.caption', { month: names.title })}
              </caption>
              <thead>
                <tr>
                  {names.weekdays.map((weekday) => (
                    <th key={weekday.long} scope="col">
                      <abbr title={weekday.long}>{weekday.short}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {monthWeeks(year, month).map((week) => (
                  <tr key={week[0].date}>
                    {week.map((day) => {
                      const items = day.inMonth ? (days.get(day.date) ?? []) : [];
                      return (
                        <td
                          key={day.date}
                          className={[
                            'calendar__day',
                            day.inMonth ? '' : 'calendar__day--out',
                            day.date === today ? 'calendar__day--today' : '',
                          ]
                            .filter(Boolean)
                            .join(' ')}
                          aria-current={day.date === today ? 'date' : undefined}
                          data-date={day.date}
                        >
                          <span className="calendar__number">
                            <span aria-hidden="true">{day.day}</span>
                            <span className="visually-hidden">
                              {dayLabel.format(new Date(`${day.date}T00:00:00Z`))}
                            </span>
                          </span>
                          {items.length > 0 ? (
                            <ul className="calendar__items">
                              {items.map((conference) => (
                                <li key={conference.id}>
                                  <Link to={conferencePath(conference.id)} lang="de">
                                    {conference.startsAtLocal.startsWith(day.date)
                                      ? `${formatLocalTime(conference.startsAtLocal)} `
                                      : ''}
                                    {conference.title}
                                  </Link>
                                  <span className="visually-hidden">
                                    {' – '}
                                    {t(`conferences.kind.${conference.kind}`)}
                                  </span>
                                </li>
                              ))}
                            </ul>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}

/**
 * Under an empty month: when the next conference (with the same filters) takes place, with
 * a link to its month, so nobody has to click through empty months to find it.
 */
function NextConference({
  after,
  kind,
  region,
  monthHref,
  locale,
}: {
  after: string;
  kind: ConferenceKind | null;
  region: NetworkRegion | null;
  monthHref: (month: string) => string;
  locale: string;
}) {
  const { t } = useTranslation();
  const [result] = useQuery({
    query: ConferenceListDocument,
    variables: { first: 1, filter: { from: nextDay(after), kind, region } },
    requestPolicy: 'cache-and-network',
  });
  if (!result.data) return null;
  const next = result.data.conferences.edges[0]?.node;
  if (!next)
    return (
      <p className="muted" data-testid="calendar-next-conference">
        {t('conferences.calendar.noneLater')}
      </p>
    );
  const date = next.startsAtLocal.slice(0, 10);
  return (
    <p data-testid="calendar-next-conference">
      {t('conferences.calendar.nextConference', {
        title: next.title,
        date: new Intl.DateTimeFormat(locale, {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(`${date}T00:00:00Z`)),
      })}{' '}
      <Link to={monthHref(date.slice(0, 7))}>{t('conferences.calendar.showMonth')}</Link>
    </p>
  );
}

/**
 * The month as a list of its days with conferences: what narrow screens show instead of
 * the seven-column grid (which would need sideways scrolling there); CSS picks one.
 */
function MonthAgenda({
  days,
  dayLabel,
}: {
  days: Array<{ date: string; items: ConferenceSummaryFragment[] }>;
  dayLabel: Intl.DateTimeFormat;
}) {
  const { t } = useTranslation();
  if (days.length === 0) return null;
  return (
    <ol className="calendar-agenda" data-testid="calendar-agenda">
      {days.map(({ date, items }) => (
        <li key={date}>
          <h3>{dayLabel.format(new Date(`${date}T00:00:00Z`))}</h3>
          <ul className="calendar__items">
            {items.map((conference) => (
              <li key={conference.id}>
                {conference.startsAtLocal.startsWith(date)
                  ? `${formatLocalTime(conference.startsAtLocal)} `
                  : ''}
                <Link to={conferencePath(conference.id)} lang="de">
                  {conference.title}
                </Link>{' '}
                <span className="muted">({t(`conferences.kind.${conference.kind}`)})</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
