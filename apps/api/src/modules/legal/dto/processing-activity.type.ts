import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  LEGAL_BASIS_TEXT,
  LegalBasis,
  type Localized,
  type ProcessingActivity,
} from '../../../core/privacy/processing';

registerEnumType(LegalBasis, {
  name: 'LegalBasis',
  description: 'Legal basis under Art. 6(1) GDPR',
});

@ObjectType('LocalizedText', { description: 'A text in German and English' })
export class LocalizedText {
  @Field()
  de!: string;
  @Field()
  en!: string;
}

@ObjectType('ProcessingActivity', {
  description: 'One entry of the register of processing activities (Art. 30 GDPR)',
})
export class ProcessingActivityType {
  @Field()
  key!: string;
  @Field()
  feature!: string;
  @Field(() => LocalizedText)
  name!: Localized;
  @Field(() => LocalizedText)
  purpose!: Localized;
  @Field(() => LegalBasis)
  legalBasis!: LegalBasis;
  @Field(() => LocalizedText, { description: 'The article, e.g. "Art. 6 Abs. 1 lit. e DSGVO"' })
  legalBasisText!: Localized;
  @Field(() => LocalizedText, { nullable: true })
  legalBasisNote!: Localized | null;
  @Field(() => LocalizedText)
  dataCategories!: Localized;
  @Field(() => LocalizedText)
  dataSubjects!: Localized;
  @Field(() => LocalizedText)
  recipients!: Localized;
  @Field(() => LocalizedText)
  retention!: Localized;
  @Field(() => [String], { description: 'Database tables the entry covers' })
  tables!: string[];
}

export function toProcessingActivity(activity: ProcessingActivity): ProcessingActivityType {
  return {
    ...activity,
    legalBasisText: LEGAL_BASIS_TEXT[activity.legalBasis],
    legalBasisNote: activity.legalBasisNote ?? null,
    tables: [...activity.tables],
  };
}
