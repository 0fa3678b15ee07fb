package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.victim.campaign.Campaign;
import org.takedown.victim.campaign.CampaignRequest;
import org.takedown.victim.campaign.CampaignService;
import org.takedown.victim.campaign.SmsProvider;
import org.takedown.victim.campaign.TextCheck;
import org.takedown.victim.list.VictimListService;
import org.takedown.victim.list.VictimListView;

/**
 * The campaign editor, new or existing: the form, its save (which re-opens the operation's approval as any edit does),
 * and the live check of one text beside it — encoding, length, parts and every anti-phishing finding as the officer
 * types, rendered with the typed reference and fallbacks.
 */
@ApplicationScoped
public class CampaignEditor {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance campaignEditor(
                Operation op,
                Long campaignId,
                CampaignForm form,
                List<VictimListView> lists,
                List<SmsProvider> providers,
                FormErrors errors);

        static native TemplateInstance campaignEditor$form(
                Operation op,
                Long campaignId,
                CampaignForm form,
                List<VictimListView> lists,
                List<SmsProvider> providers,
                FormErrors errors);

        static native TemplateInstance campaignCheck(int row, TextCheck check);
    }

    @Inject
    OperationService operations;

    @Inject
    CampaignService campaigns;

    @Inject
    VictimListService lists;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleUser user;

    TemplateInstance page(long id, Long campaignId, CampaignForm form) {
        return Templates.campaignEditor(
                operations.get(id), campaignId, form, lists(id), List.of(SmsProvider.values()), FormErrors.NONE);
    }

    /** Saves the campaign (new when {@code campaignId} is null) and goes to its page, or shows the form's errors. */
    Response save(long id, Long campaignId, CampaignForm form) {
        FormInput input = new FormInput();
        CampaignRequest request = form.toRequest(input);
        ConsoleForms.Submitted<Campaign> saved = forms.submit(
                input,
                request,
                () -> campaignId == null
                        ? campaigns.add(user.name(), id, request)
                        : campaigns.update(user.name(), id, campaignId, request));
        if (saved.ok()) {
            return Response.ok()
                    .header("HX-Redirect", "/console/operations/" + id + "/campaigns/" + saved.value().id)
                    .build();
        }
        return FormAnswer.of(
                Templates.campaignEditor$form(
                        operations.get(id), campaignId, form, lists(id), List.of(SmsProvider.values()), saved.errors()),
                saved.errors(),
                (String) null);
    }

    /** The check of the text in row {@code row}, as a recipient without values would get it. */
    TemplateInstance check(long id, CampaignForm form, int row) {
        operations.get(id);
        FormInput input = new FormInput();
        Integer cap = input.number("maxFragments", form.maxFragments);
        String region = null;
        Long listId = input.id("listId", form.listId);
        if (listId != null) {
            region = lists(id).stream()
                    .filter(list -> list.id() == listId)
                    .map(VictimListView::region)
                    .findFirst()
                    .orElse(null);
        }
        String reference = FormInput.text(form.reference);
        TextCheck check = campaigns.lint(
                form.textAt(row),
                reference == null || reference.length() > 30 ? null : reference,
                form.fallbacks(),
                region,
                cap == null || cap < 1 || cap > 10 ? null : cap);
        return Templates.campaignCheck(row, check);
    }

    private List<VictimListView> lists(long id) {
        return lists.ofOperation(id).stream()
                .filter(list -> list.purgedAt == null)
                .map(VictimListView::of)
                .toList();
    }
}
