import { useField } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { IDENTITY_VERIFICATION_MODES } from '../../../shared';
import { getTranslation } from '../../../utils/getTranslation';
import { SettingFields } from '../SettingField';
import { Section } from '../layout';

/** Verified identity: the mode and the write-only secret the site's backend signs identities with. */
export const IdentitySection = () => {
  const { formatMessage } = useIntl();
  const secretSet = Boolean(useField<boolean>('identity.secretSet').value);
  const removeSecret = Boolean(useField<boolean>('identity.removeSecret').value);
  const modes = IDENTITY_VERIFICATION_MODES.map((value) => ({
    value,
    label: formatMessage({ id: getTranslation(`settings.identity.verification.${value}`) }),
  }));
  return (
    <Section name="identity">
      <SettingFields
        fields={['identity.verification', 'identity.secret', secretSet && 'identity.removeSecret']}
        props={{
          'identity.verification': { options: modes },
          'identity.secret': { disabled: removeSecret, hintVariant: secretSet ? 'hintSet' : 'hint' },
        }}
      />
    </Section>
  );
};
