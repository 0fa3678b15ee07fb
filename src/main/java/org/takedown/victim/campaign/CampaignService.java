package org.takedown.victim.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.takedown.common.LanguageTexts;
import org.takedown.common.Problem;
import org.takedown.common.ProblemException;
import org.takedown.operation.ApprovalCheck;
import org.takedown.operation.LocalTimes;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.PublicContentSection;
import org.takedown.victim.VictimsConfig;
import org.takedown.victim.list.ListDigest;
import org.takedown.victim.list.VictimList;
import org.takedown.victim.list.VictimListChanged;
import org.takedown.victim.list.VictimListService;
import org.takedown.victim.message.SenderId;
import org.takedown.victim.message.SmsEncoding;

/**
 * An operation's SMS campaigns. Every text is linted when saved and again before approval, for a recipient without
 * values and for every recipient of the list with theirs; an error blocks both. The approved content holds the texts,
 * the sender, the window, the list's digest and counts, the worst case, the cost and the plan, so a change to any of
 * them (a new file read into the list included) sends the operation back for approval.
 */
@ApplicationScoped
public class CampaignService implements PublicContentSection, ApprovalCheck {

    static final String ENTITY = "campaign";

    @Inject
    OperationService operations;

    @Inject
    VictimListService lists;

    @Inject
    VictimsConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<CampaignRemoving> removing;

    public List<Campaign> list(long operationId) {
        operations.get(operationId);
        return Campaign.list("operationId = ?1 order by id", operationId);
    }

    public Campaign get(long operationId, long campaignId) {
        Campaign campaign = Campaign.findById(campaignId);
        if (campaign == null || campaign.operationId != operationId) {
            throw ProblemException.notFound("Campaign " + campaignId + " of operation " + operationId);
        }
        return campaign;
    }

    public String zone(long operationId) {
        return operations.get(operationId).timezone;
    }

    @Transactional
    public Campaign add(String actor, long operationId, CampaignRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        Campaign campaign = new Campaign();
        campaign.operationId = operationId;
        campaign.createdBy = actor;
        campaign.createdAt = clock.instant();
        apply(operation, campaign, request);
        campaign.persist();
        operations.recordEdit(operation, actor, "CAMPAIGN_ADDED", ENTITY, campaign.id, summary(campaign));
        return campaign;
    }

    @Transactional
    public Campaign update(String actor, long operationId, long campaignId, CampaignRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        Campaign campaign = get(operationId, campaignId);
        apply(operation, campaign, request);
        operations.recordEdit(operation, actor, "CAMPAIGN_UPDATED", ENTITY, campaign.id, summary(campaign));
        return campaign;
    }

    @Transactional
    public void remove(String actor, long operationId, long campaignId) {
        Operation operation = operations.lockForEdit(operationId);
        Campaign campaign = get(operationId, campaignId);
        removing.fire(new CampaignRemoving(campaignId));
        Map<String, Object> summary = summary(campaign);
        campaign.delete();
        operations.recordEdit(operation, actor, "CAMPAIGN_REMOVED", ENTITY, campaignId, summary);
    }

    /** The lint of the campaign as it is now, over the list as it is now; it changes nothing (a reader may ask). */
    @Transactional
    public CampaignReport report(long operationId, long campaignId) {
        Operation operation = operations.get(operationId);
        return lint(operation, get(operationId, campaignId));
    }

    /** The lint of one text as the officer types it, before any campaign is saved. */
    public TextCheck lint(String text, String reference, Map<String, String> fallbacks, String region, Integer max) {
        return TextCheck.of(
                text,
                reference == null ? "REFERENCE" : reference,
                fallbacks == null ? Map.of() : fallbacks,
                officialDomains(),
                region == null ? "GB" : region,
                max == null ? config.sms().maxFragments() : max);
    }

    /** A file read into a list: its campaigns' worst case, cost and plan follow before the edit is recorded. */
    void listChanged(@Observes VictimListChanged event) {
        for (Campaign campaign : Campaign.<Campaign>list("listId", event.listId())) {
            check(operations.get(campaign.operationId), campaign);
        }
    }

    @Override
    public String name() {
        return "campaigns";
    }

    record CampaignPart(
            long id,
            String name,
            long listId,
            String listDigest,
            String reference,
            String senderId,
            SmsProvider provider,
            SmsProvider fallbackProvider,
            String defaultLanguage,
            Map<String, String> texts,
            Map<String, String> fallbacks,
            String windowStart,
            String windowEnd,
            String quietFrom,
            String quietUntil,
            int maxFragments,
            long recipients,
            int worstFragments,
            long fragmentsTotal,
            String cost,
            Plan plan) {}

    @Override
    public List<CampaignPart> snapshot(long operationId) {
        String zone = operations.get(operationId).timezone;
        return Campaign.<Campaign>list("operationId = ?1 order by id", operationId).stream()
                .map(c -> new CampaignPart(
                        c.id,
                        c.name,
                        c.listId,
                        c.listDigest,
                        c.reference,
                        c.senderId,
                        c.provider,
                        c.fallbackProvider,
                        c.defaultLanguage,
                        new TreeMap<>(c.texts),
                        new TreeMap<>(c.fallbacks),
                        c.windowStart.toString(),
                        c.windowEnd.toString(),
                        c.quietFrom == null ? null : c.quietFrom.toString(),
                        c.quietUntil == null ? null : c.quietUntil.toString(),
                        c.maxFragments,
                        c.recipients,
                        c.worstFragments,
                        c.fragmentsTotal,
                        cost(c.fragmentsTotal) + " " + config.sms().currency(),
                        plan(c.provider, c, zone, c.windowStart, c.recipients, c.fragmentsTotal)))
                .toList();
    }

    @Override
    public List<Problem.FieldError> problems(Operation operation) {
        List<Problem.FieldError> problems = new ArrayList<>();
        for (Campaign campaign : Campaign.<Campaign>list("operationId = ?1 order by id", operation.id)) {
            String prefix = "campaigns[" + campaign.id + "].";
            ListDigest digest = lists.digest(campaign.listId);
            if (!digest.sha256().equals(campaign.listDigest)) {
                problems.add(new Problem.FieldError(
                        prefix + "listId", "the list changed since the campaign was checked: save the campaign again"));
            }
            CampaignReport report = lint(operation, campaign);
            report.errors().forEach(e -> problems.add(new Problem.FieldError(prefix + e.field(), e.message())));
        }
        return problems;
    }

    private void apply(Operation operation, Campaign campaign, CampaignRequest request) {
        VictimList list = lists.get(request.listId());
        if (list.operationId != operation.id) {
            throw ProblemException.invalidField(
                    400, "listId", "list " + request.listId() + " is not a victim list of this operation");
        }
        if (list.purgedAt != null) {
            throw ProblemException.conflict(
                    "Victim list " + list.id + " was purged at the end of its retention period");
        }
        LanguageTexts languages = LanguageTexts.of(request.texts(), request.defaultLanguage());
        Map<String, String> texts = languages.texts();
        String defaultLanguage = languages.defaultLanguage();
        SenderId.problem(request.senderId()).ifPresent(problem -> {
            throw ProblemException.invalidField(400, "senderId", problem);
        });
        Instant start = LocalTimes.toInstant(request.start(), operation.timezone);
        Instant end = LocalTimes.toInstant(request.end(), operation.timezone);
        if (!end.isAfter(start)) {
            throw ProblemException.invalidField(400, "end", "must be after start");
        }
        if ((request.quietFrom() == null) != (request.quietUntil() == null)) {
            throw ProblemException.invalidField(400, "quietUntil", "quiet hours need both quietFrom and quietUntil");
        }
        if (request.quietFrom() != null && request.quietFrom().equals(request.quietUntil())) {
            throw ProblemException.invalidField(400, "quietUntil", "must differ from quietFrom");
        }
        campaign.listId = list.id;
        campaign.name = request.name().strip();
        campaign.reference = request.reference();
        campaign.senderId = request.senderId();
        campaign.provider = request.provider() == null ? SmsProvider.SMPP : request.provider();
        campaign.fallbackProvider = request.fallbackProvider();
        requireConfigured("provider", campaign.provider);
        if (campaign.fallbackProvider != null) {
            if (campaign.fallbackProvider == campaign.provider) {
                throw ProblemException.invalidField(400, "fallbackProvider", "must differ from provider");
            }
            requireConfigured("fallbackProvider", campaign.fallbackProvider);
        }
        campaign.defaultLanguage = defaultLanguage;
        campaign.texts.clear();
        campaign.texts.putAll(texts);
        campaign.fallbacks.clear();
        if (request.fallbacks() != null) {
            request.fallbacks()
                    .forEach((placeholder, fallback) -> campaign.fallbacks.put(placeholder, fallback.strip()));
        }
        campaign.windowStart = start;
        campaign.windowEnd = end;
        campaign.quietFrom = request.quietFrom();
        campaign.quietUntil = request.quietUntil();
        campaign.maxFragments = request.maxFragments() == null ? config.sms().maxFragments() : request.maxFragments();
        campaign.updatedAt = clock.instant();
        CampaignReport report = check(operation, campaign);
        if (!report.errors().isEmpty()) {
            throw new ProblemException(
                    400, "Bad Request", "The campaign's messages cannot go as written", report.errors());
        }
    }

    /** Lints the campaign and keeps what it found on the campaign (the approved content shows it). */
    private CampaignReport check(Operation operation, Campaign campaign) {
        campaign.listDigest = lists.digest(campaign.listId).sha256();
        CampaignReport report = lint(operation, campaign);
        campaign.recipients = report.recipients();
        campaign.worstFragments = report.worstFragments();
        campaign.fragmentsTotal = report.fragmentsTotal();
        campaign.ucs2Recipients = report.ucs2Recipients();
        return report;
    }

    private CampaignReport lint(Operation operation, Campaign campaign) {
        VictimList list = lists.get(campaign.listId);
        Set<String> official = officialDomains();
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Problem.FieldError> warnings = new ArrayList<>();
        Map<String, TextCheck> texts = new TreeMap<>();
        campaign.texts.forEach((language, text) -> {
            TextCheck check = TextCheck.of(
                    text, campaign.reference, campaign.fallbacks, official, list.phoneRegion, campaign.maxFragments);
            texts.put(language, check);
            check.problems().forEach(p -> errors.add(new Problem.FieldError("texts[" + language + "]", p)));
        });
        RecipientsCheck recipients = new RecipientsCheck(campaign, official, list.phoneRegion);
        if (errors.isEmpty()) {
            lists.forEachPhoneRecipient(campaign.listId, recipients::add);
        }
        if (recipients.overCapCount > 0) {
            errors.add(new Problem.FieldError(
                    "recipients",
                    recipients.overCapCount + " recipients' messages would take more than " + campaign.maxFragments
                            + " parts with their values (victims " + recipients.overCap + ")"));
        }
        if (recipients.withFindingsCount > 0) {
            errors.add(new Problem.FieldError(
                    "recipients",
                    recipients.withFindingsCount + " recipients' values would put a link, a domain or a phone number"
                            + " in their message (victims " + recipients.withFindings + ")"));
        }
        boolean gsmTexts = texts.values().stream().allMatch(t -> t.encoding() == SmsEncoding.GSM7);
        if (gsmTexts && recipients.ucs2Recipients > 0) {
            warnings.add(new Problem.FieldError(
                    "recipients",
                    recipients.ucs2Recipients + " recipients' values need UCS-2 (70 characters a part, not 160)"));
        }
        if (errors.isEmpty() && recipients.recipients == 0) {
            warnings.add(new Problem.FieldError("listId", "the list has no victim with a phone number yet"));
        }
        recipients.withValue.forEach((placeholder, n) -> {
            if (recipients.recipients > 0 && n == 0) {
                warnings.add(new Problem.FieldError(
                        "fallbacks." + placeholder,
                        "no recipient has a value for {" + placeholder + "}: every message uses the fallback"));
            }
        });
        Plan plan = plan(
                campaign.provider,
                campaign,
                operation.timezone,
                campaign.windowStart,
                recipients.recipients,
                recipients.fragmentsTotal);
        if (!plan.meetsDeadline()) {
            warnings.add(new Problem.FieldError(
                    "end",
                    "at " + plan.rate() + (campaign.provider == SmsProvider.NOTIFY ? " messages" : " message parts")
                            + " a second the window closes before all " + plan.recipients()
                            + " recipients are reached (" + plan.parts() + " parts)"
                            + (plan.rateNeeded() == null ? "" : ": it would need " + plan.rateNeeded() + " a second")));
        }
        return new CampaignReport(
                texts,
                recipients.recipients,
                recipients.worstFragments,
                recipients.fragmentsTotal,
                recipients.ucs2Recipients,
                cost(recipients.fragmentsTotal),
                config.sms().currency(),
                recipients.withValue,
                List.copyOf(recipients.overCap),
                List.copyOf(recipients.withFindings),
                plan,
                List.copyOf(errors),
                List.copyOf(warnings));
    }

    private void requireConfigured(String field, SmsProvider provider) {
        if (provider == SmsProvider.NOTIFY
                && config.sms().govNotify().apiKey().isEmpty()
                && !config.sms().dryRun().orElse(false)) {
            throw ProblemException.invalidField(
                    400, field, "GOV.UK Notify is not configured here (takedown.victims.sms.notify.api-key)");
        }
    }

    /**
     * When the campaign's recipients are reached from {@code from} at its provider's rate: an SMSC's in message parts a
     * second, GOV.UK Notify's in requests (one a message, however many parts).
     */
    public Plan plan(SmsProvider provider, Campaign campaign, String zone, Instant from, long recipients, long parts) {
        return provider == SmsProvider.NOTIFY
                ? Plan.of(
                        campaign.window(zone),
                        from,
                        recipients,
                        recipients,
                        config.sms().govNotify().rate())
                : Plan.of(
                        campaign.window(zone),
                        from,
                        recipients,
                        parts,
                        config.sms().rate());
    }

    private BigDecimal cost(long fragments) {
        return config.sms().pricePerFragment().multiply(BigDecimal.valueOf(fragments));
    }

    private Set<String> officialDomains() {
        return config.officialDomains().orElse(List.of()).stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Object> summary(Campaign campaign) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", campaign.name);
        summary.put("list", campaign.listId);
        summary.put("reference", campaign.reference);
        summary.put("recipients", campaign.recipients);
        summary.put("worstFragments", campaign.worstFragments);
        return summary;
    }
}
