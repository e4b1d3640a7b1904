import { Field, ObjectType } from '@nestjs/graphql';
import type { EnforcementBodyConfig, OperatorConfig } from '../../../core/config/config';

@ObjectType('EnforcementBody', {
  description: 'The Schlichtungsstelle for accessibility complaints (public)',
})
export class EnforcementBodyType {
  @Field()
  name!: string;
  @Field(() => [String], { description: 'Postal address, one line each' })
  addressLines!: string[];
  @Field(() => String, { nullable: true })
  email!: string | null;
  @Field(() => String, { nullable: true })
  phone!: string | null;
  @Field(() => String, { nullable: true })
  url!: string | null;
}

function toEnforcementBody(body: EnforcementBodyConfig): EnforcementBodyType {
  return {
    name: body.name,
    addressLines: body.addressLines,
    email: body.email ?? null,
    phone: body.phone ?? null,
    url: body.url ?? null,
  };
}

@ObjectType('Operator', {
  description:
    'Who runs this deployment: the published details of Impressum and privacy policy (public).',
})
export class OperatorType {
  @Field({ description: 'True when the details are invented demo values' })
  demo!: boolean;
  @Field()
  name!: string;
  @Field(() => [String], { description: 'Postal address, one line each' })
  addressLines!: string[];
  @Field(() => String, { nullable: true })
  legalForm!: string | null;
  @Field({ description: 'Who represents the operator (vertretungsberechtigt)' })
  representative!: string;
  @Field()
  email!: string;
  @Field()
  phone!: string;
  @Field(() => String, { nullable: true, description: 'Register and number, if registered' })
  register!: string | null;
  @Field(() => String, { nullable: true, description: 'VAT identification number, if any' })
  vatId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Responsible for content (§ 18 Abs. 2 MStV), if not the representative',
  })
  contentResponsible!: string | null;
  @Field()
  dpoName!: string;
  @Field()
  dpoContact!: string;
  @Field()
  supervisoryAuthorityName!: string;
  @Field(() => [String])
  supervisoryAuthorityAddressLines!: string[];
  @Field()
  supervisoryAuthorityUrl!: string;
  @Field(() => EnforcementBodyType)
  enforcementBody!: EnforcementBodyType;
}

export function toOperator(config: OperatorConfig): OperatorType {
  return {
    ...config,
    legalForm: config.legalForm ?? null,
    register: config.register ?? null,
    vatId: config.vatId ?? null,
    contentResponsible: config.contentResponsible ?? null,
    enforcementBody: toEnforcementBody(config.enforcementBody),
  };
}
