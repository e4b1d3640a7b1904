import { useRef, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import './practices.css';
import { CityPracticeCountsDocument, type PracticeStatus } from '../../generated/graphql';

/** The order of the city's tabs: the work first, then what is out, then history. */
export const STATUS_TABS: readonly PracticeStatus[] = [
  'DRAFT',
  'IN_REVIEW',
  'PUBLISHED',
  'ARCHIVED',
];

const COUNT_OF = {
  DRAFT: 'draft',
  IN_REVIEW: 'inReview',
  PUBLISHED: 'published',
  ARCHIVED: 'archived',
} as const satisfies Record<PracticeStatus, string>;

interface PracticeStatusTabsProps {
  citySlug: string;
  selected: PracticeStatus;
  onSelect: (status: PracticeStatus) => void;
  /** The id prefix shared with the tab panel (`${prefix}-panel`). */
  prefix: string;
}

/**
 * Drafts, in review, published, archived — with counts — for the city's members (WAI-ARIA
 * tabs: arrow keys, Home and End move between them; one tab panel below shows the list).
 */
export function PracticeStatusTabs({
  citySlug,
  selected,
  onSelect,
  prefix,
}: PracticeStatusTabsProps) {
  const { t } = useTranslation();
  const [result] = useQuery({
    query: CityPracticeCountsDocument,
    variables: { slug: citySlug },
    requestPolicy: 'cache-and-network',
  });
  const counts = result.data?.city?.practiceCounts;
  const refs = useRef<Array<HTMLButtonElement | null>>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = STATUS_TABS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % STATUS_TABS.length
        : event.key === 'ArrowLeft'
          ? (index + last) % STATUS_TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    onSelect(STATUS_TABS[next]);
    refs.current[next]?.focus();
  };

  return (
    <div
      role="tablist"
      aria-label={t('city.practiceTabs')}
      className="tabs practice-status-tabs"
      data-testid="practice-tabs"
    >
      {STATUS_TABS.map((status, index) => {
        const count = counts?.[COUNT_OF[status]];
        return (
          <button
            key={status}
            ref={(element) => {
              refs.current[index] = element;
            }}
            id={`${prefix}-tab-${status}`}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={selected === status}
            aria-controls={`${prefix}-panel`}
            tabIndex={selected === status ? 0 : -1}
            data-testid={`practice-tab-${status}`}
            onClick={() => onSelect(status)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {count === undefined
              ? t(`practice.status.${status}`)
              : t(`city.practiceTab.${status}`, { count })}
          </button>
        );
      })}
    </div>
  );
}
