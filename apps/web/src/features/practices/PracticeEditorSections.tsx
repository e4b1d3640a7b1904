import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField, type FormErrors } from '../../ui/FormErrors';
import { MarkdownField } from '../../ui/MarkdownField';
import { newLinkRow, type PracticeFormValues } from './practice-form';
import { TopicPicker } from './TopicPicker';
import type { SetPracticeField } from './usePracticeEditor';
import { VisibilityPicker } from './VisibilityPicker';
import './practice-editor.css';

/** The editor's sections: each a card of the one form, all sharing its values and errors. */
interface SectionProps {
  form: FormErrors<string>;
  values: PracticeFormValues;
  set: SetPracticeField;
}

/** Title, summary and the Markdown text. */
export function BasicsSection({ form, values, set }: SectionProps) {
  const { t } = useTranslation();
  return (
    <section className="card form" aria-labelledby="editor-basics">
      <h2 id="editor-basics">{t('editor.basics')}</h2>
      <TextField
        form={form}
        name="title"
        label={t('editor.title')}
        hint={t('editor.titleHint')}
        value={values.title}
        onChange={(value) => set('title', value)}
      />
      <TextAreaField
        form={form}
        name="summary"
        label={t('editor.summary')}
        hint={t('editor.summaryHint')}
        required
        rows={3}
        value={values.summary}
        onChange={(value) => set('summary', value)}
      />
      <MarkdownField
        form={form}
        name="body"
        label={t('editor.body')}
        hint={t('editor.bodyHint')}
        tabsLabel={t('editor.bodyTabs')}
        rows={14}
        topHeading={3}
        value={values.body}
        onChange={(value) => set('body', value)}
      />
    </section>
  );
}

/** Topics, tags and who may see the practice. */
export function TopicsSection({ form, values, set }: SectionProps) {
  const { t } = useTranslation();
  return (
    <section className="card form" aria-labelledby="editor-topics">
      <h2 id="editor-topics" className="visually-hidden">
        {t('editor.topics')}
      </h2>
      <TopicPicker
        id={form.fieldId('topicSlugs')}
        error={form.fieldError('topicSlugs')}
        selected={values.topicSlugs}
        onChange={(slugs) => set('topicSlugs', slugs)}
      />
      <TextField
        form={form}
        name="tags"
        label={t('editor.tags')}
        hint={t('editor.tagsHint')}
        required={false}
        value={values.tags}
        onChange={(value) => set('tags', value)}
      />
      <VisibilityPicker
        id={form.fieldId('visibility')}
        value={values.visibility}
        onChange={(value) => set('visibility', value)}
      />
    </section>
  );
}

/** Period and contact person. */
export function DetailsSection({ form, values, set }: SectionProps) {
  const { t } = useTranslation();
  return (
    <section className="card form" aria-labelledby="editor-details">
      <h2 id="editor-details">{t('editor.details')}</h2>
      <p className="field__hint">{t('editor.periodHint')}</p>
      <div className="field-row">
        <TextField
          form={form}
          name="periodFrom"
          type="date"
          label={t('editor.periodFrom')}
          required={false}
          value={values.periodFrom}
          onChange={(value) => set('periodFrom', value)}
        />
        <TextField
          form={form}
          name="periodTo"
          type="date"
          label={t('editor.periodTo')}
          required={false}
          value={values.periodTo}
          onChange={(value) => set('periodTo', value)}
        />
      </div>
      <div className="field-row">
        <TextField
          form={form}
          name="contactName"
          label={t('editor.contactName')}
          required={false}
          autoComplete="off"
          value={values.contactName}
          onChange={(value) => set('contactName', value)}
        />
        <TextField
          form={form}
          name="contactEmail"
          type="email"
          label={t('editor.contactEmail')}
          required={false}
          autoComplete="off"
          value={values.contactEmail}
          onChange={(value) => set('contactEmail', value)}
        />
      </div>
    </section>
  );
}

/** Outcomes, resources needed and partners. */
export function MoreSection({ form, values, set }: SectionProps) {
  const { t } = useTranslation();
  return (
    <section className="card form" aria-labelledby="editor-more">
      <h2 id="editor-more">{t('editor.more')}</h2>
      <TextAreaField
        form={form}
        name="outcomes"
        label={t('editor.outcomes')}
        hint={t('editor.outcomesHint')}
        value={values.outcomes}
        onChange={(value) => set('outcomes', value)}
      />
      <TextAreaField
        form={form}
        name="resourcesNeeded"
        label={t('editor.resourcesNeeded')}
        hint={t('editor.resourcesNeededHint')}
        value={values.resourcesNeeded}
        onChange={(value) => set('resourcesNeeded', value)}
      />
      <TextAreaField
        form={form}
        name="partners"
        label={t('editor.partners')}
        hint={t('editor.partnersHint')}
        rows={3}
        value={values.partners}
        onChange={(value) => set('partners', value)}
      />
    </section>
  );
}

/** Links to more about the practice, one row each. */
export function LinksSection({ form, values, set }: SectionProps) {
  const { t } = useTranslation();
  const linksError = form.fieldError('links');
  return (
    <section className="card form" aria-labelledby="editor-links">
      <h2 id="editor-links">{t('editor.links')}</h2>
      <p className="field__hint">{t('editor.linksHint')}</p>
      {linksError ? (
        <p className="field__error" id={form.fieldId('links')} tabIndex={-1}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {t(linksError.key, linksError.values)}
        </p>
      ) : null}
      {values.links.length === 0 ? <p className="empty">{t('editor.noLinks')}</p> : null}
      <ol className="link-rows">
        {values.links.map((link, index) => (
          <li key={link.key} className="link-row" data-testid="link-row">
            <TextField
              form={form}
              name={`links.${index}.label`}
              label={t('editor.linkLabel', { n: index + 1 })}
              required={false}
              value={link.label}
              onChange={(value) =>
                set(
                  'links',
                  values.links.map((row) =>
                    row.key === link.key ? { ...row, label: value } : row,
                  ),
                )
              }
            />
            <TextField
              form={form}
              name={`links.${index}.url`}
              type="url"
              label={t('editor.linkUrl', { n: index + 1 })}
              required={false}
              value={link.url}
              onChange={(value) =>
                set(
                  'links',
                  values.links.map((row) => (row.key === link.key ? { ...row, url: value } : row)),
                )
              }
            />
            <button
              type="button"
              className="button button--secondary button--small link-row__remove"
              onClick={() =>
                set(
                  'links',
                  values.links.filter((row) => row.key !== link.key),
                )
              }
            >
              {t('editor.removeLink', { n: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => set('links', [...values.links, newLinkRow()])}
        >
          {t('editor.addLink')}
        </button>
      </p>
    </section>
  );
}
