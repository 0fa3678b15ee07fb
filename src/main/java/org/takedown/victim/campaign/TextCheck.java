package org.takedown.victim.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.takedown.victim.message.Personalisation;
import org.takedown.victim.message.PhishingLint;
import org.takedown.victim.message.SmsEncoding;
import org.takedown.victim.message.SmsNormaliser;
import org.takedown.victim.message.SmsSplit;

/**
 * The lint of one officer text, as a recipient without any value would get it (every placeholder at its fallback):
 * that text ({@code rendered}), its encoding, length and parts, every error (a missing campaign reference, a placeholder without a fallback, a
 * link, domain or phone number, more parts than allowed), and the GSM forms of its typographic characters, offered
 * for the officer to apply.
 */
public record TextCheck(
        String rendered,
        SmsEncoding encoding,
        int units,
        int fragments,
        List<Integer> partUnits,
        List<String> problems,
        SmsNormaliser.Suggestion suggestion) {

    public static TextCheck of(
            String text,
            String reference,
            Map<String, String> fallbacks,
            Set<String> officialDomains,
            String region,
            int maxFragments) {
        List<String> problems = new ArrayList<>();
        Set<String> placeholders = Personalisation.placeholders(text);
        if (!placeholders.contains(Personalisation.REFERENCE)) {
            problems.add("must hold the campaign reference {reference}, which recipients and the press will quote");
        }
        for (String placeholder : placeholders) {
            if (!placeholder.equals(Personalisation.REFERENCE) && !fallbacks.containsKey(placeholder)) {
                problems.add("{" + placeholder + "} needs a fallback for recipients without a value for it");
            }
        }
        String rendered = Personalisation.render(text, reference, Map.of(), fallbacks);
        problems.addAll(PhishingLint.problems(rendered, officialDomains, region));
        SmsSplit split = SmsSplit.of(rendered);
        if (split.fragments() > maxFragments) {
            problems.add("takes " + split.fragments() + " parts of " + split.encoding() + " (" + split.units()
                    + " units); at most " + maxFragments + " are allowed");
        }
        return new TextCheck(
                rendered,
                split.encoding(),
                split.units(),
                split.fragments(),
                split.partUnits(),
                List.copyOf(problems),
                SmsNormaliser.suggest(text));
    }
}
