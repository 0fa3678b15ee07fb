package org.takedown.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;

/** An absolute {@code https://} URL on a public domain name, without user info; anything else is refused. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HttpsUrl.Check.class)
public @interface HttpsUrl {

    String message() default "must be an https:// URL on a domain name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<HttpsUrl, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isHttpsUrl(value);
        }

        public static boolean isHttpsUrl(String value) {
            if (value.length() > 2048 || value.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '\\')) {
                return false;
            }
            try {
                URI uri = new URI(value);
                return "https".equals(uri.getScheme())
                        && uri.getRawUserInfo() == null
                        && uri.getHost() != null
                        && HostNames.normaliseDomain(uri.getHost()).isPresent();
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
