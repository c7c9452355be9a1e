import { TranslatableString, englishStringTranslator, replaceStringParameters } from '@rjsf/utils';

/** The form library's own words (its buttons, an added key's label) the console translates. */
const TRANSLATED = {
  [TranslatableString.AddButton]: 'add',
  [TranslatableString.AddItemButton]: 'addItem',
  [TranslatableString.CopyButton]: 'copy',
  [TranslatableString.MoveUpButton]: 'moveUp',
  [TranslatableString.MoveDownButton]: 'moveDown',
  [TranslatableString.RemoveButton]: 'remove',
  [TranslatableString.KeyLabel]: 'keyLabel',
  [TranslatableString.NewStringDefault]: 'newValue',
  [TranslatableString.EmptyArray]: 'emptyArray',
  [TranslatableString.ArrayItemTitle]: 'item',
  [TranslatableString.YesLabel]: 'yes',
  [TranslatableString.NoLabel]: 'no',
  [TranslatableString.OptionalObjectAdd]: 'optionalAdd',
  [TranslatableString.OptionalObjectRemove]: 'optionalRemove',
  [TranslatableString.OptionalObjectEmptyMsg]: 'optionalEmpty',
} as Partial<Record<TranslatableString, string>>;

/**
 * The form library's strings in the console's language (`%1` stays its parameter); those it
 * shows only to developers stay English.
 */
export function formStringTranslator(translate: (key: string) => string) {
  return (text: TranslatableString, params?: string[]): string => {
    const key = TRANSLATED[text];
    return key
      ? replaceStringParameters(translate(`nodeForm.strings.${key}`), params)
      : englishStringTranslator(text, params);
  };
}
