import { useTranslation } from 'react-i18next';
import { bilingualHalf, type JsonSchema } from '@xiaoer/engine';
import { languageOf } from '../i18n/i18n.ts';
import type { Language } from '../i18n/messages.ts';

/** A form field's label and help text, as the inspector shows them. */
export interface FieldLabel {
  title?: string;
  description?: string;
  /** The words for each value of a field with a fixed list (`enum`), in the list's order. */
  options?: string[];
}

/** How a field is labelled in the console's language: its schema and property name. */
export type FieldLabeller = (schema: JsonSchema, name: string) => FieldLabel;

/**
 * Labels in one language: a schema's "English / 中文" title or description gives its half;
 * a field with no title, or one in a single language (`from`, `to`, a message's `English`),
 * or help text in neither form, takes the console's own words for its property name
 * (`translate` returns undefined when it has none). The values of a fixed list take the
 * console's words for them (`nodeForm.options.<name>.<value>`), else show as stored.
 */
export function fieldLabeller(
  language: Language,
  translate: (key: string) => string | undefined,
): FieldLabeller {
  const text = (value: unknown, key: string): string | undefined => {
    const own = typeof value === 'string' ? value : undefined;
    const half = own === undefined ? undefined : bilingualHalf(own, language);
    return half ?? translate(key) ?? own;
  };
  return (schema, name) => {
    if (!name) return {};
    const title = text(schema['title'], `nodeForm.fields.${name}`);
    const description =
      schema['description'] === undefined
        ? undefined
        : text(schema['description'], `nodeForm.descriptions.${name}`);
    const values = schema['enum'];
    const options =
      Array.isArray(values) && values.every((value) => typeof value === 'string')
        ? values.map((value) => translate(`nodeForm.options.${name}.${value}`) ?? value)
        : undefined;
    return {
      ...(title === undefined ? {} : { title }),
      ...(description === undefined ? {} : { description }),
      ...(options === undefined ? {} : { options }),
    };
  };
}

/** The labeller in the console's language, with its words for the fields (the inspector's). */
export function useFieldLabeller(): FieldLabeller {
  const { t, i18n } = useTranslation();
  // Labels may show template syntax (`{{customer.language}}`): not placeholders here.
  return fieldLabeller(languageOf(i18n.language), (key) =>
    i18n.exists(key) ? t(key, { skipInterpolation: true }) : undefined,
  );
}
