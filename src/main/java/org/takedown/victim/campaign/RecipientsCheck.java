package org.takedown.victim.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.takedown.victim.list.Recipient;
import org.takedown.victim.message.Personalisation;
import org.takedown.victim.message.PhishingLint;
import org.takedown.victim.message.SmsEncoding;
import org.takedown.victim.message.SmsSplit;

/**
 * The lint of every recipient's own text, rendered with their values: the worst case (most parts), the total parts
 * (the cost), how many need UCS-2 or more parts than allowed, and whose values would put a link, a domain or a phone
 * number into a police message. Findings name victims by id only: their values are personal data.
 */
final class RecipientsCheck {

    /** Victim ids kept per finding, enough for an officer to look at the rows. */
    static final int EXAMPLES = 20;

    private final Campaign campaign;
    private final Set<String> officialDomains;
    private final String region;

    long recipients;
    int worstFragments;
    long fragmentsTotal;
    long ucs2Recipients;
    final List<Long> overCap = new ArrayList<>();
    long overCapCount;
    final List<Long> withFindings = new ArrayList<>();
    long withFindingsCount;
    /** Per placeholder of the texts (but the reference): recipients who had a value for it. */
    final Map<String, Long> withValue = new TreeMap<>();

    RecipientsCheck(Campaign campaign, Set<String> officialDomains, String region) {
        this.campaign = campaign;
        this.officialDomains = officialDomains;
        this.region = region;
        campaign.texts
                .values()
                .forEach(text -> Personalisation.placeholders(text).stream()
                        .filter(p -> !p.equals(Personalisation.REFERENCE))
                        .forEach(p -> withValue.put(p, 0L)));
    }

    void add(Recipient recipient) {
        recipients++;
        String rendered = campaign.textFor(recipient);
        SmsSplit split = SmsSplit.of(rendered);
        worstFragments = Math.max(worstFragments, split.fragments());
        fragmentsTotal += split.fragments();
        if (split.encoding() == SmsEncoding.UCS2) {
            ucs2Recipients++;
        }
        if (split.fragments() > campaign.maxFragments) {
            overCapCount++;
            example(overCap, recipient);
        }
        if (!PhishingLint.problems(rendered, officialDomains, region).isEmpty()) {
            withFindingsCount++;
            example(withFindings, recipient);
        }
        withValue.replaceAll((placeholder, n) -> {
            String value = recipient.values().get(placeholder);
            return value != null && !value.isBlank() ? n + 1 : n;
        });
    }

    private static void example(List<Long> examples, Recipient recipient) {
        if (examples.size() < EXAMPLES) {
            examples.add(recipient.victimId());
        }
    }
}
