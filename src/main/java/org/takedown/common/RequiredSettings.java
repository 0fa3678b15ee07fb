package org.takedown.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The settings the production profile cannot start without, checked before Quarkus starts so that a missing one is
 * one clear line (not a stack trace from the datasource or the OIDC client). Each is found under its
 * {@code TAKEDOWN_*} variable or under the Quarkus property it feeds (as a system property, an environment variable in
 * Quarkus' form, or in {@code .env} / {@code config/application.properties}, which {@code lookup} reads).
 */
public final class RequiredSettings {

    /**
     * A required setting: its variable, the Quarkus property it feeds, what it is, when it is required, and whether
     * setting it empty is a choice (a database that trusts its local clients has no password) rather than a mistake.
     */
    private record Setting(
            String variable,
            String property,
            String what,
            Function<Function<String, String>, Boolean> requiredWhen,
            boolean mayBeEmpty) {

        Setting(
                String variable,
                String property,
                String what,
                Function<Function<String, String>, Boolean> requiredWhen) {
            this(variable, property, what, requiredWhen, false);
        }

        boolean unset(String value) {
            return value == null || !mayBeEmpty && value.isBlank();
        }
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting(
                    "TAKEDOWN_DB_URL",
                    "quarkus.datasource.jdbc.url",
                    "the PostgreSQL JDBC URL, e.g. jdbc:postgresql://db:5432/takedown",
                    lookup -> true),
            new Setting("TAKEDOWN_DB_USER", "quarkus.datasource.username", "the database user", lookup -> true),
            new Setting(
                    "TAKEDOWN_DB_PASSWORD",
                    "quarkus.datasource.password",
                    "the database user's password (set it empty for a database that trusts its clients)",
                    lookup -> true,
                    true),
            new Setting(
                    "TAKEDOWN_OIDC_ISSUER",
                    "quarkus.oidc.auth-server-url",
                    "the OIDC provider's issuer URL",
                    RequiredSettings::oidc),
            new Setting(
                    "TAKEDOWN_OIDC_CLIENT_SECRET",
                    "quarkus.oidc.console.credentials.secret",
                    "the console's OIDC client secret",
                    RequiredSettings::oidc),
            new Setting(
                    "TAKEDOWN_PERSONAL_DATA_KEY_FILE",
                    "takedown.victims.key-file",
                    "the key file victims' personal data is encrypted under (docs/victims.md)",
                    lookup -> true),
            new Setting(
                    "TAKEDOWN_BOT_TOKEN",
                    "takedown.telegram.bot-token",
                    "the Telegram bot's token to send notices; TAKEDOWN_TELEGRAM_DRY_RUN=true runs the channel dry instead",
                    lookup -> !"true".equalsIgnoreCase(lookup.apply("TAKEDOWN_TELEGRAM_DRY_RUN"))
                            && !"true".equalsIgnoreCase(lookup.apply("takedown.telegram.dry-run"))),
            new Setting(
                    "TAKEDOWN_SMPP_HOST",
                    "takedown.victims.sms.smpp.host",
                    "the SMSC's host to text victims; TAKEDOWN_SMS_DRY_RUN=true runs the SMS channel dry instead",
                    RequiredSettings::smsLive),
            new Setting(
                    "TAKEDOWN_SMPP_SYSTEM_ID",
                    "takedown.victims.sms.smpp.system-id",
                    "the SMPP account's system id",
                    RequiredSettings::smsLive),
            new Setting(
                    "TAKEDOWN_SMPP_PASSWORD",
                    "takedown.victims.sms.smpp.password",
                    "the SMPP account's password",
                    RequiredSettings::smsLive),
            new Setting(
                    "TAKEDOWN_NOTIFY_TEMPLATE_ID",
                    "takedown.victims.sms.notify.template-id",
                    "with a GOV.UK Notify API key, the id of its template whose body is ((message))",
                    RequiredSettings::notifyOn));

    private RequiredSettings() {}

    private static boolean smsLive(Function<String, String> lookup) {
        return !"true".equalsIgnoreCase(lookup.apply("TAKEDOWN_SMS_DRY_RUN"))
                && !"true".equalsIgnoreCase(lookup.apply("takedown.victims.sms.dry-run"));
    }

    private static boolean notifyOn(Function<String, String> lookup) {
        return Stream.of(
                        "TAKEDOWN_NOTIFY_API_KEY",
                        "takedown.victims.sms.notify.api-key",
                        quarkusVariable("takedown.victims.sms.notify.api-key"))
                .map(lookup)
                .anyMatch(value -> value != null && !value.isBlank());
    }

    /**
     * One line per missing setting, e.g. {@code TAKEDOWN_DB_URL is not set: …}; empty when nothing is missing.
     * {@code lookup} gives the value of a variable or property name, or null.
     */
    public static List<String> missing(Function<String, String> lookup) {
        List<String> missing = new ArrayList<>();
        for (Setting setting : SETTINGS) {
            if (setting.requiredWhen().apply(lookup)
                    && setting.unset(lookup.apply(setting.variable()))
                    && setting.unset(lookup.apply(setting.property()))
                    && setting.unset(lookup.apply(quarkusVariable(setting.property())))) {
                missing.add(setting.variable() + " is not set: the production profile needs " + setting.what() + " (or "
                        + setting.property() + ")");
            }
        }
        return missing;
    }

    private static boolean oidc(Function<String, String> lookup) {
        return "true".equalsIgnoreCase(lookup.apply("TAKEDOWN_OIDC_ENABLED"));
    }

    /** {@code quarkus.datasource.jdbc.url} as an environment variable: {@code QUARKUS_DATASOURCE_JDBC_URL}. */
    static String quarkusVariable(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
