import { FEDERAL_STATES, isFederalStateCode } from '@wissensnetz/domain';
import { z } from 'zod';
import { berlinToUtc } from '../../core/time/berlin-time';
import {
  AgendaFormat,
  ConferenceKind,
  ConferenceStatus,
  type AgendaSessionEntity,
  type ConferenceEntity,
} from './conference.entity';
import { ConferenceException, ConferenceExceptionReason } from './conference.exception';
import type {
  AgendaSessionInput,
  ConferenceFilter,
  ConferenceInput,
  ParticipantInput,
} from './dto/conference.inputs';

/**
 * The input cleaner of conferences, agenda sessions and registrations: pure (no
 * database), so every rule is unit-tested (conference-input.spec.ts). Each check
 * throws a typed ConferenceException naming the input field.
 *
 * For fields that cannot be empty, `null` means "not given", like leaving the field
 * out: on an update the value stays, on a create a required one is missing.
 */

/** Status changes an organizer may make. */
export const CONFERENCE_TRANSITIONS: Readonly<
  Record<ConferenceStatus, readonly ConferenceStatus[]>
> = {
  [ConferenceStatus.PLANNED]: [ConferenceStatus.OPEN, ConferenceStatus.CANCELLED],
  [ConferenceStatus.OPEN]: [ConferenceStatus.CLOSED, ConferenceStatus.CANCELLED],
  [ConferenceStatus.CLOSED]: [
    ConferenceStatus.OPEN,
    ConferenceStatus.HELD,
    ConferenceStatus.CANCELLED,
  ],
  [ConferenceStatus.HELD]: [],
  [ConferenceStatus.CANCELLED]: [],
};

/** The new status, or a CONFLICT when the lifecycle does not allow the change. */
export function checkTransition(from: ConferenceStatus, to: ConferenceStatus): ConferenceStatus {
  if (!CONFERENCE_TRANSITIONS[from].includes(to))
    throw ConferenceException.conflict(
      ConferenceExceptionReason.INVALID_TRANSITION,
      'This status change is not possible',
      'input.status',
      { from, to },
    );
  return to;
}

/** The instants a list filter's Berlin days stand for (`to` includes its whole day). */
export function cleanConferenceFilter(filter: ConferenceFilter): {
  from: Date | null;
  to: Date | null;
} {
  const day = (value: string | null | undefined, field: string, endOfDay: boolean) => {
    if (!value) return null;
    const instant = berlinToUtc(`${value}T${endOfDay ? '23:59' : '00:00'}`);
    if (!instant) throw ConferenceException.invalid(field, 'not a date (YYYY-MM-DD)');
    return instant;
  };
  return { from: day(filter.from, 'filter.from', false), to: day(filter.to, 'filter.to', true) };
}

/** What a conference's input may set (the host city comes as a slug, looked up by the service). */
export type ConferenceValues = Partial<
  Pick<
    ConferenceEntity,
    | 'title'
    | 'description'
    | 'kind'
    | 'region'
    | 'federalStates'
    | 'startsAt'
    | 'endsAt'
    | 'venue'
    | 'onlineUrl'
    | 'capacity'
    | 'registrationOpensAt'
    | 'registrationClosesAt'
  >
>;

/** The stored values an update is checked against. */
export type CurrentConference = Pick<
  ConferenceEntity,
  'kind' | 'region' | 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt'
>;

function berlinTime(value: string, field: string): Date {
  const instant = berlinToUtc(value);
  if (!instant)
    throw ConferenceException.invalid(
      `input.${field}`,
      'not a valid Berlin time (YYYY-MM-DDTHH:mm)',
      ConferenceExceptionReason.INVALID_TIME,
    );
  return instant;
}

/**
 * Checks a conference's input against itself and, for an update, the stored values;
 * answers only what changes. `current` null: creating (title, kind, times, capacity
 * are required). `hostCitySlug`: undefined keeps the host, null removes it.
 */
export function cleanConference(
  input: ConferenceInput,
  current: CurrentConference | null,
): { values: ConferenceValues; hostCitySlug: string | null | undefined } {
  const creating = current === null;
  const out: ConferenceValues = {};
  const given = <T>(value: T | null | undefined, field: string): T | undefined => {
    if (value !== undefined && value !== null) return value;
    if (creating) throw ConferenceException.invalid(`input.${field}`, `${field} is required`);
    return undefined;
  };

  const title = given(input.title, 'title');
  if (title !== undefined) {
    const trimmed = title.trim();
    if (trimmed.length < 3 || trimmed.length > 200)
      throw ConferenceException.invalid('input.title', 'title must have 3 to 200 characters');
    out.title = trimmed;
  }
  if (input.description != null) out.description = input.description.trim().slice(0, 10000);
  const kind = given(input.kind, 'kind');
  if (kind !== undefined) out.kind = kind;

  const startsAt = given(input.startsAt, 'startsAt');
  if (startsAt !== undefined) out.startsAt = berlinTime(startsAt, 'startsAt');
  const endsAt = given(input.endsAt, 'endsAt');
  if (endsAt !== undefined) out.endsAt = berlinTime(endsAt, 'endsAt');
  const start = out.startsAt ?? current?.startsAt;
  const end = out.endsAt ?? current?.endsAt;
  if (start && end && end <= start)
    throw ConferenceException.invalid('input.endsAt', 'the conference ends before it starts');

  // The registration window may be removed: null or '' clears it.
  const windowTime = (value: string | null | undefined, field: string) =>
    value === undefined
      ? undefined
      : value === null || value === ''
        ? null
        : berlinTime(value, field);
  const opens = windowTime(input.registrationOpensAt, 'registrationOpensAt');
  const closes = windowTime(input.registrationClosesAt, 'registrationClosesAt');
  if (opens !== undefined) out.registrationOpensAt = opens;
  if (closes !== undefined) out.registrationClosesAt = closes;
  const windowOpens = opens !== undefined ? opens : current?.registrationOpensAt;
  const windowCloses = closes !== undefined ? closes : current?.registrationClosesAt;
  if (windowOpens && windowCloses && windowCloses <= windowOpens)
    throw ConferenceException.invalid(
      'input.registrationClosesAt',
      'the registration closes before it opens',
    );
  if (windowCloses && end && windowCloses > end)
    throw ConferenceException.invalid(
      'input.registrationClosesAt',
      'registration must close before the conference ends',
    );

  const capacity = given(input.capacity, 'capacity');
  if (capacity !== undefined) {
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 5000)
      throw ConferenceException.invalid('input.capacity', 'capacity must be 1 to 5000');
    out.capacity = capacity;
  }

  // null removes the region (allowed unless the conference is regional).
  if (input.region !== undefined) out.region = input.region;
  const effectiveKind = out.kind ?? current?.kind;
  const effectiveRegion = out.region !== undefined ? out.region : current?.region;
  if (effectiveKind === ConferenceKind.REGIONAL_CONFERENCE && !effectiveRegion)
    throw ConferenceException.invalid('input.region', 'a regional conference needs its region');
  if (input.federalStates != null) {
    input.federalStates.forEach((state, index) => {
      if (!isFederalStateCode(state))
        throw ConferenceException.invalid(
          `input.federalStates.${index}`,
          `unknown federal state ${state}`,
        );
    });
    out.federalStates = [...new Set(input.federalStates)];
  } else if (creating && effectiveRegion) {
    out.federalStates = Object.entries(FEDERAL_STATES)
      .filter(([, state]) => state.region === effectiveRegion)
      .map(([code]) => code);
  }

  if (input.venue !== undefined) out.venue = input.venue?.trim() || null;
  if (input.onlineUrl !== undefined) {
    const url = input.onlineUrl?.trim() || null;
    if (url && !/^https:\/\//.test(url))
      throw ConferenceException.invalid('input.onlineUrl', 'an https address is needed');
    out.onlineUrl = url;
  }
  const hostCitySlug =
    input.hostCitySlug === undefined ? undefined : input.hostCitySlug?.trim() || null;
  return { values: out, hostCitySlug };
}

/** An agenda session's values once its input is applied. */
export type SessionValues = Pick<
  AgendaSessionEntity,
  'title' | 'format' | 'startsAt' | 'endsAt' | 'room' | 'speakers' | 'topicSlugs'
>;

/**
 * A new session (`current` null) or the changed one, checked to lie inside the
 * conference. Whether its room is free is the agenda service's question.
 */
export function cleanSession(
  input: AgendaSessionInput,
  current: SessionValues | null,
  conference: Pick<ConferenceEntity, 'startsAt' | 'endsAt'>,
): SessionValues {
  const creating = current === null;
  let title = current?.title;
  if (input.title != null || creating) {
    title = (input.title ?? '').trim();
    if (title.length < 2 || title.length > 200)
      throw ConferenceException.invalid('input.title', 'title must have 2 to 200 characters');
  }
  const time = (field: 'startsAt' | 'endsAt'): Date => {
    const value = input[field];
    if (value == null) {
      if (current) return current[field];
      throw ConferenceException.invalid(`input.${field}`, `${field} is required`);
    }
    return berlinTime(value, field);
  };
  const startsAt = time('startsAt');
  const endsAt = time('endsAt');
  if (endsAt <= startsAt)
    throw ConferenceException.invalid('input.endsAt', 'the session ends before it starts');
  if (startsAt < conference.startsAt || endsAt > conference.endsAt)
    throw ConferenceException.invalid(
      'input.startsAt',
      'the session lies outside the conference',
      ConferenceExceptionReason.OUTSIDE_CONFERENCE,
    );
  return {
    title: title!,
    format: input.format ?? current?.format ?? AgendaFormat.TALK,
    startsAt,
    endsAt,
    room: input.room != null ? input.room.trim().slice(0, 120) : (current?.room ?? ''),
    speakers:
      input.speakers != null ? input.speakers.trim().slice(0, 1000) : (current?.speakers ?? ''),
    topicSlugs:
      input.topicSlugs != null
        ? [...new Set(input.topicSlugs)].slice(0, 10)
        : (current?.topicSlugs ?? []),
  };
}

/** A registered person as stored (e-mail in lower case). */
export interface Participant {
  name: string;
  email: string;
  role: string;
  needs: string;
}

const email = z.email();

/** 1 to 50 people, each named, with an e-mail address given once. */
export function cleanParticipants(input: readonly ParticipantInput[]): Participant[] {
  if (input.length < 1 || input.length > 50)
    throw ConferenceException.invalid('input.participants', 'register 1 to 50 participants');
  const seen = new Set<string>();
  return input.map((participant, index) => {
    const name = participant.name.trim();
    if (name.length < 2 || name.length > 120)
      throw ConferenceException.invalid(
        `input.participants.${index}.name`,
        'a name needs 2 to 120 characters',
      );
    const address = participant.email.trim().toLowerCase();
    if (!email.safeParse(address).success)
      throw ConferenceException.invalid(
        `input.participants.${index}.email`,
        'not an e-mail address',
      );
    if (seen.has(address))
      throw ConferenceException.invalid(
        `input.participants.${index}.email`,
        'this person is listed twice',
      );
    seen.add(address);
    return {
      name,
      email: address,
      role: (participant.role ?? '').trim().slice(0, 120),
      needs: (participant.needs ?? '').trim().slice(0, 500),
    };
  });
}

/** Registration is open while the conference is OPEN and `now` lies in its window. */
export function registrationIsOpen(
  conference: Pick<ConferenceEntity, 'status' | 'registrationOpensAt' | 'registrationClosesAt'>,
  now: Date,
): boolean {
  return (
    conference.status === ConferenceStatus.OPEN &&
    (!conference.registrationOpensAt || conference.registrationOpensAt <= now) &&
    (!conference.registrationClosesAt || conference.registrationClosesAt > now)
  );
}
