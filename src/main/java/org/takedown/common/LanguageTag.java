package org.takedown.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
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

        private static final Pattern TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || TAG.matcher(value).matches();
        }

        /** {@code en-gb} → {@code en-GB}, {@code PT} → {@code pt}. */
        public static String canonical(String tag) {
            return Locale.forLanguageTag(tag).toLanguageTag();
        }
    }
}
