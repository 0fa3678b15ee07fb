package org.takedown.victim.campaign;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.TreeMap;
import org.takedown.operation.LocalTimes;

/** A campaign as the API shows it: its window in the operation's zone, and what its last lint found. */
public record CampaignView(
        long id,
        long operationId,
        long listId,
        String name,
        String reference,
        String senderId,
        SmsProvider provider,
        SmsProvider fallbackProvider,
        String defaultLanguage,
        Map<String, String> texts,
        Map<String, String> fallbacks,
        String zone,
        LocalDateTime start,
        LocalDateTime end,
        LocalTime quietFrom,
        LocalTime quietUntil,
        int maxFragments,
        long recipients,
        int worstFragments,
        long fragmentsTotal,
        long ucs2Recipients,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public static CampaignView of(Campaign c, String zone) {
        return new CampaignView(
                c.id,
                c.operationId,
                c.listId,
                c.name,
                c.reference,
                c.senderId,
                c.provider,
                c.fallbackProvider,
                c.defaultLanguage,
                new TreeMap<>(c.texts),
                new TreeMap<>(c.fallbacks),
                zone,
                LocalTimes.toLocal(c.windowStart, zone),
                LocalTimes.toLocal(c.windowEnd, zone),
                c.quietFrom,
                c.quietUntil,
                c.maxFragments,
                c.recipients,
                c.worstFragments,
                c.fragmentsTotal,
                c.ucs2Recipients,
                c.createdBy,
                c.createdAt,
                c.updatedAt);
    }
}
