import { isFederalStateCode } from '@wissensnetz/domain';
import { z } from 'zod';
import type { PracticeContentInput, PracticeSearchFilter } from './dto/practice.inputs';
import { PracticeException } from './practice.exception';

export const LIMITS = {
  title: [3, 200],
  summary: [1, 1000],
  body: 100_000,
  text: 5000,
  tags: 20,
  tagLength: 40,
  links: 20,
  topics: 10,
} as const;

const emailSchema = z.email();
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface CleanContent {
  title?: string;
  summary?: string;
  body?: string;
  topicSlugs?: string[];
  tags?: string[];
  visibility?: PracticeContentInput['visibility'];
  contactName?: string | null;
  contactEmail?: string | null;
  periodFrom?: string | null;
  periodTo?: string | null;
  outcomes?: string | null;
  resourcesNeeded?: string | null;
  partners?: string | null;
  links?: Array<{ label: string; url: string }>;
}

/**
 * Fields a practice cannot store empty. They are nullable in the schema because a field
 * left out keeps its value on an update; as everywhere in the API, null for one of them
 * counts as not given (an update keeps the value, a creation misses a required one).
 */
const NOT_NULL = ['title', 'summary', 'body', 'topicSlugs', 'tags', 'visibility', 'links'] as const;

/**
 * Checks and tidies what an editor sent. Every problem is a typed error naming
 * its field (`input.title`, `input.links.2.url`, ...). `required` for creation.
 */
export function cleanContent(sent: PracticeContentInput, required: boolean): CleanContent {
  const input: PracticeContentInput = { ...sent };
  const given: Partial<Record<keyof PracticeContentInput, unknown>> = sent;
  for (const field of NOT_NULL) if (given[field] === null) delete input[field];
  const out: CleanContent = {};
  const text = (
    field: keyof PracticeContentInput,
    value: string | undefined,
    [min, max]: readonly [number, number],
  ) => {
    if (value === undefined) {
      if (required) throw PracticeException.invalid(`input.${field}`, `${field} is required`);
      return undefined;
    }
    const trimmed = value.trim();
    if (trimmed.length < min || trimmed.length > max) {
      throw PracticeException.invalid(
        `input.${field}`,
        `${field} must have ${min} to ${max} characters`,
        { min, max },
      );
    }
    return trimmed;
  };
  out.title = text('title', input.title, LIMITS.title);
  out.summary = text('summary', input.summary, LIMITS.summary);
  if (input.body !== undefined) {
    if (input.body.length > LIMITS.body)
      throw PracticeException.invalid('input.body', 'body is too long', { max: LIMITS.body });
    out.body = input.body;
  }
  if (input.visibility !== undefined) out.visibility = input.visibility;
  if (input.topicSlugs !== undefined) {
    const slugs = [...new Set(input.topicSlugs.map((slug) => slug.trim()))];
    if (slugs.length > LIMITS.topics)
      throw PracticeException.invalid('input.topicSlugs', 'too many topics', {
        max: LIMITS.topics,
      });
    out.topicSlugs = slugs;
  }
  if (input.tags !== undefined) {
    // Kept as typed ("KI", "Ehrenamt"); one spelling per tag, compared case-insensitively.
    const cleaned = input.tags.map((tag) => tag.trim());
    // Checked before de-duplication, so the field names the element the editor sent.
    cleaned.forEach((tag, index) => {
      if (tag.length > LIMITS.tagLength)
        throw PracticeException.invalid(`input.tags.${index}`, 'tag too long', {
          max: LIMITS.tagLength,
        });
    });
    const byKey = new Map<string, string>();
    for (const tag of cleaned)
      if (tag && !byKey.has(tag.toLocaleLowerCase('de')))
        byKey.set(tag.toLocaleLowerCase('de'), tag);
    const tags = [...byKey.values()];
    if (tags.length > LIMITS.tags)
      throw PracticeException.invalid('input.tags', 'too many tags', { max: LIMITS.tags });
    out.tags = tags;
  }
  for (const field of ['contactName', 'outcomes', 'resourcesNeeded', 'partners'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    const trimmed = value?.trim() || null;
    if (trimmed && trimmed.length > LIMITS.text)
      throw PracticeException.invalid(`input.${field}`, `${field} is too long`, {
        max: LIMITS.text,
      });
    out[field] = trimmed;
  }
  if (input.contactEmail !== undefined) {
    const email = input.contactEmail?.trim().toLowerCase() || null;
    if (email && !emailSchema.safeParse(email).success)
      throw PracticeException.invalid('input.contactEmail', 'not an e-mail address');
    out.contactEmail = email;
  }
  for (const field of ['periodFrom', 'periodTo'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    const date = value?.trim() || null;
    if (
      date &&
      (!DATE.test(date) ||
        Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
        new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date)
    ) {
      throw PracticeException.invalid(`input.${field}`, 'not a date (YYYY-MM-DD)');
    }
    out[field] = date;
  }
  if (out.periodFrom && out.periodTo && out.periodTo < out.periodFrom) {
    throw PracticeException.invalid('input.periodTo', 'the period ends before it starts');
  }
  if (input.links !== undefined) {
    if (input.links.length > LIMITS.links)
      throw PracticeException.invalid('input.links', 'too many links', { max: LIMITS.links });
    out.links = input.links.map((link, index) => {
      const label = link.label.trim();
      const url = link.url.trim();
      if (label.length < 1 || label.length > 200)
        throw PracticeException.invalid(`input.links.${index}.label`, 'a link needs a label');
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw PracticeException.invalid(`input.links.${index}.url`, 'not a web address');
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw PracticeException.invalid(`input.links.${index}.url`, 'only http and https links');
      }
      return { label, url: parsed.toString() };
    });
  }
  return out;
}

export function validateSearchFilter(
  filter: PracticeSearchFilter | null | undefined,
): PracticeSearchFilter {
  if (!filter) return {};
  for (const [index, state] of (filter.federalStates ?? []).entries()) {
    if (!isFederalStateCode(state))
      throw PracticeException.invalid(
        `filter.federalStates.${index}`,
        `unknown federal state ${state}`,
      );
  }
  for (const [key, values] of Object.entries(filter)) {
    if (Array.isArray(values) && values.length > 50)
      throw PracticeException.invalid(`filter.${key}`, 'too many values', { max: 50 });
  }
  return filter;
}
