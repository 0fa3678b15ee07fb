package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.common.ProblemException;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.security.Roles;
import org.takedown.seizure.BannerContent;
import org.takedown.seizure.BannerPreview;
import org.takedown.seizure.BannerRequest;
import org.takedown.seizure.BannerService;

/**
 * The banner of an operation: texts per language, call to action, staged reveals and visit logging, with a preview
 * made by the real renderer from what is typed (nothing saved) in a sandboxed frame that runs no script.
 */
@Path("/console/operations/{id: [0-9]+}/banner")
@Produces(MediaType.TEXT_HTML)
public class BannerSection {

    /** Where the preview's stylesheet comes from: the banner's own assets, public like every banner's. */
    static final String ASSETS = "/console/banner-assets/";

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance banner(
                Operation op, BannerForm form, boolean editable, FormErrors errors, String saved);

        static native TemplateInstance bannerPreview(
                long opId, BannerPreview.Page page, String language, int stage, String problem);
    }

    @Inject
    OperationService operations;

    @Inject
    BannerService banners;

    @Inject
    BannerPreview preview;

    @Inject
    ConsoleForms forms;

    @Inject
    Validator validator;

    @Inject
    ConsoleUser user;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance show(@PathParam("id") long id) {
        Operation op = operations.get(id);
        BannerForm form = BannerForm.of(banners.content(id).orElse(null), banners.stages(id), op.timezone);
        return Templates.banner(op, form, user.mayEdit(op), FormErrors.NONE, null);
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, @BeanParam BannerForm form) {
        FormInput input = new FormInput();
        BannerRequest request = form.toRequest(input);
        ConsoleForms.Submitted<BannerContent> saved =
                forms.submit(input, request, () -> banners.replace(user.name(), id, request));
        Operation op = operations.get(id);
        FormErrors errors = BannerForm.atFields(saved.errors());
        return FormAnswer.of(
                Templates.banner(op, form, user.mayEdit(op), errors, saved.ok() ? "Saved the banner." : null),
                errors,
                true);
    }

    /** The form as typed, rendered as visitors would see it in one language and at one stage. */
    @POST
    @Path("preview")
    @RolesAllowed(Roles.VIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(
            @PathParam("id") long id,
            @BeanParam BannerForm form,
            @RestForm String previewLanguage,
            @RestForm String previewStage) {
        FormInput input = new FormInput();
        Integer stage = input.number("previewStage", previewStage);
        Operation op = operations.get(id);
        if (!user.mayEdit(op)) {
            // Nothing is being typed (the form is read-only): the saved banner.
            return Templates.bannerPreview(
                    id,
                    preview.render(id, null, previewLanguage, stage == null ? -1 : stage, ASSETS),
                    previewLanguage,
                    stage == null ? -1 : stage,
                    null);
        }
        BannerRequest draft = form.toRequest(input);
        if (!input.errors().isEmpty() || !validator.validate(draft).isEmpty()) {
            return Templates.bannerPreview(
                    id,
                    null,
                    previewLanguage,
                    stage == null ? -1 : stage,
                    "The preview shows once every field is valid: save to see what needs correcting.");
        }
        try {
            return Templates.bannerPreview(
                    id,
                    preview.render(id, draft, previewLanguage, stage == null ? -1 : stage, ASSETS),
                    previewLanguage,
                    stage == null ? -1 : stage,
                    null);
        } catch (ProblemException refused) {
            return Templates.bannerPreview(id, null, previewLanguage, -1, refused.getMessage());
        }
    }
}
