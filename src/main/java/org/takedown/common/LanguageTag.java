package org.takedown.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

/** A BCP 47 language tag such as {@code en}, {@code pt-BR} or {@code sr-Latn}; stored in {@link #canonical} form. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageTag.Check.class)
public @interface LanguageTag {

    String message() default "must be a language tag such as en or pt-BR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<LanguageTag, String> {

        /** Letters, digits and hyphens, as every tag is; the JDK's BCP 47 parser decides the rest. */
        private static final Pattern SHAPE = Pattern.compile("[a-zA-Z0-9-]{2,35}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isWellFormed(value);
        }

        /**
         * Well-formed by BCP 47 ({@link Locale.Builder#setLanguageTag}): {@code en-12} (a region is two letters or three
         * digits) and {@code en-abc-defgh-ij} (a region after a variant) are refused rather than silently rewritten.
         */
        public static boolean isWellFormed(String tag) {
            if (!SHAPE.matcher(tag).matches()) {
                return false;
            }
            try {
                new Locale.Builder().setLanguageTag(tag);
                return !Locale.forLanguageTag(tag).getLanguage().isEmpty();
            } catch (IllformedLocaleException e) {
                return false;
            }
        }

        /** {@code en-gb} → {@code en-GB}, {@code PT} → {@code pt}. */
        public static String canonical(String tag) {
            return Locale.forLanguageTag(tag).toLanguageTag();
        }
    }
}
