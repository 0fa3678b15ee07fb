package org.takedown.console;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.victim.campaign.CampaignRequest;
import org.takedown.victim.campaign.CampaignView;
import org.takedown.victim.campaign.SmsProvider;

/**
 * An SMS campaign as typed in the console: name, list, reference, sender ID, providers, window with quiet hours, the
 * cap on parts, its texts (language code and text; one empty row more than are filled, at least {@link #ROWS}) and the
 * fallbacks of its placeholders (the same). Everything a campaign holds, so editing one loses nothing.
 */
public class CampaignForm {

    static final int ROWS = 2;
    /** What a campaign may hold (CampaignRequest's limits). */
    static final int MAX_TEXTS = 30;

    static final int MAX_FALLBACKS = 40;

    /** The fallback provider's "none". */
    static final String NONE = "NONE";

    @RestForm
    public String name;

    @RestForm
    public String listId;

    @RestForm
    public String reference;

    @RestForm
    public String senderId;

    @RestForm
    public String provider;

    @RestForm
    public String fallbackProvider;

    @RestForm
    public String defaultLanguage;

    @RestForm
    public List<String> language;

    @RestForm
    public List<String> text;

    @RestForm
    public List<String> placeholder;

    @RestForm
    public List<String> fallback;

    @RestForm
    public String start;

    @RestForm
    public String end;

    @RestForm
    public String quietFrom;

    @RestForm
    public String quietUntil;

    @RestForm
    public String maxFragments;

    /** One language of the campaign, with the problem the checks found in it. */
    public record TextRow(int index, String language, String text, String error) {}

    /** One placeholder's fallback. */
    public record FallbackRow(int index, String placeholder, String fallback, String error) {}

    static CampaignForm blank() {
        CampaignForm form = new CampaignForm();
        form.defaultLanguage = "en";
        form.language = new ArrayList<>(List.of("en"));
        form.provider = SmsProvider.SMPP.name();
        form.fallbackProvider = NONE;
        form.placeholder = new ArrayList<>(List.of("name"));
        return form;
    }

    /** The saved campaign, to edit. */
    static CampaignForm of(CampaignView campaign) {
        CampaignForm form = new CampaignForm();
        form.name = campaign.name();
        form.listId = Long.toString(campaign.listId());
        form.reference = campaign.reference();
        form.senderId = campaign.senderId();
        form.provider = campaign.provider().name();
        form.fallbackProvider = campaign.fallbackProvider() == null
                ? NONE
                : campaign.fallbackProvider().name();
        form.defaultLanguage = campaign.defaultLanguage();
        form.language = new ArrayList<>();
        form.text = new ArrayList<>();
        Map<String, String> texts = new TreeMap<>(campaign.texts());
        form.language.add(campaign.defaultLanguage());
        form.text.add(texts.remove(campaign.defaultLanguage()));
        texts.forEach((code, typed) -> {
            form.language.add(code);
            form.text.add(typed);
        });
        form.placeholder = new ArrayList<>(campaign.fallbacks().keySet());
        form.fallback = new ArrayList<>(campaign.fallbacks().values());
        form.start = campaign.start().toString();
        form.end = campaign.end().toString();
        form.quietFrom =
                campaign.quietFrom() == null ? null : campaign.quietFrom().toString();
        form.quietUntil =
                campaign.quietUntil() == null ? null : campaign.quietUntil().toString();
        form.maxFragments = Integer.toString(campaign.maxFragments());
        return form;
    }

    /** The filled rows of two repeated fields, key to value, in the order typed. */
    private static Map<String, String> pairs(List<String> keys, List<String> values) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < Math.max(FormInput.size(keys), FormInput.size(values)); i++) {
            String key = FormInput.text(FormInput.at(keys, i));
            String value = FormInput.at(values, i);
            if (key != null || FormInput.text(value) != null) {
                pairs.put(key == null ? "" : key, value == null ? "" : value);
            }
        }
        return pairs;
    }

    Map<String, String> texts() {
        return pairs(language, text);
    }

    Map<String, String> fallbacks() {
        Map<String, String> fallbacks = new LinkedHashMap<>();
        pairs(placeholder, fallback).forEach((key, value) -> fallbacks.put(key.replaceAll("^\\{|}$", ""), value));
        return fallbacks;
    }

    CampaignRequest toRequest(FormInput input) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < FormInput.size(language); i++) {
            String code = FormInput.text(FormInput.at(language, i));
            if (code != null && !codes.add(code)) {
                input.refuse("texts[" + code + "]", "is given twice");
            }
        }
        Long list = input.id("listId", listId);
        Integer cap = input.number("maxFragments", maxFragments);
        return new CampaignRequest(
                FormInput.text(name),
                list,
                FormInput.text(reference),
                senderId == null ? null : senderId.strip(),
                FormInput.text(defaultLanguage),
                texts(),
                fallbacks(),
                input.dateTime("start", start),
                input.dateTime("end", end),
                input.time("quietFrom", quietFrom),
                input.time("quietUntil", quietUntil),
                cap,
                input.choice(SmsProvider.class, "provider", provider),
                NONE.equals(fallbackProvider) || FormInput.text(fallbackProvider) == null
                        ? null
                        : input.choice(SmsProvider.class, "fallbackProvider", fallbackProvider));
    }

    /** The typed texts and one empty row more (at least {@link #ROWS}), each with its error. */
    public List<TextRow> textRows(FormErrors errors) {
        List<TextRow> rows = new ArrayList<>();
        for (int i = 0; i < FormInput.rowsToShow(language, ROWS, MAX_TEXTS); i++) {
            String code = FormInput.at(language, i) == null
                    ? ""
                    : FormInput.at(language, i).strip();
            String error = errors.ofLanguage("texts", code, "");
            if (error == null && i == 0) {
                error = errors.of("texts");
            }
            rows.add(new TextRow(i, code, FormInput.at(text, i), error));
        }
        return rows;
    }

    /** The typed fallbacks and one empty row more (at least {@link #ROWS}), each with its error. */
    public List<FallbackRow> fallbackRows(FormErrors errors) {
        List<FallbackRow> rows = new ArrayList<>();
        for (int i = 0; i < FormInput.rowsToShow(placeholder, ROWS, MAX_FALLBACKS); i++) {
            String key = FormInput.at(placeholder, i) == null
                    ? ""
                    : FormInput.at(placeholder, i).strip();
            String error = errors.of("fallbacks[" + key + "]");
            if (error == null && i == 0) {
                error = errors.of("fallbacks");
            }
            rows.add(new FallbackRow(i, key, FormInput.at(fallback, i), error));
        }
        return rows;
    }

    /** The text of row {@code index}, for the live check beside it. */
    String textAt(int index) {
        String typed = FormInput.at(text, index);
        return typed == null ? "" : typed;
    }

    public boolean isProvider(String name) {
        return name.equals(provider);
    }

    public boolean isFallbackProvider(String name) {
        return name.equals(fallbackProvider == null ? NONE : fallbackProvider);
    }

    public boolean isList(long id) {
        return Long.toString(id).equals(listId);
    }
}
