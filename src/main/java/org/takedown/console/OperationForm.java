package org.takedown.console;

import java.time.ZoneId;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.operation.LegalAuthorityType;
import org.takedown.operation.LocalTimes;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationRequest;

/** The operation details form as the officer typed it (text, so that a wrong value can be shown back as typed). */
public class OperationForm {

    @RestForm
    public String name;

    @RestForm
    public String codeName;

    @RestForm
    public String description;

    @RestForm
    public String timezone;

    @RestForm("legalAuthority.type")
    public String authorityType;

    @RestForm("legalAuthority.reference")
    public String authorityReference;

    @RestForm("legalAuthority.issuedBy")
    public String authorityIssuedBy;

    @RestForm("legalAuthority.issuedOn")
    public String authorityIssuedOn;

    @RestForm
    public String activateAt;

    @RestForm
    public String endAt;

    static OperationForm blank() {
        OperationForm form = new OperationForm();
        form.timezone = ZoneId.systemDefault().getId().equals("Z")
                        || ZoneId.systemDefault().getId().equals("GMT")
                ? "UTC"
                : ZoneId.systemDefault().getId();
        form.authorityType = LegalAuthorityType.WARRANT.name();
        return form;
    }

    static OperationForm of(Operation operation) {
        OperationForm form = new OperationForm();
        form.name = operation.name;
        form.codeName = operation.codeName;
        form.description = operation.description;
        form.timezone = operation.timezone;
        form.authorityType = operation.legalAuthority.type.name();
        form.authorityReference = operation.legalAuthority.reference;
        form.authorityIssuedBy = operation.legalAuthority.issuedBy;
        form.authorityIssuedOn =
                operation.legalAuthority.issuedOn == null ? null : operation.legalAuthority.issuedOn.toString();
        form.activateAt = operation.activateAt == null
                ? null
                : LocalTimes.toLocal(operation.activateAt, operation.timezone).toString();
        form.endAt = operation.endAt == null
                ? null
                : LocalTimes.toLocal(operation.endAt, operation.timezone).toString();
        return form;
    }

    OperationRequest toRequest(FormInput input) {
        return new OperationRequest(
                FormInput.text(name),
                FormInput.text(codeName),
                FormInput.text(description),
                FormInput.text(timezone),
                new OperationRequest.LegalAuthorityInput(
                        input.choice(LegalAuthorityType.class, "legalAuthority.type", authorityType),
                        FormInput.text(authorityReference),
                        FormInput.text(authorityIssuedBy),
                        input.date("legalAuthority.issuedOn", authorityIssuedOn)),
                input.dateTime("activateAt", activateAt),
                input.dateTime("endAt", endAt));
    }

    public LegalAuthorityType[] authorityTypes() {
        return LegalAuthorityType.values();
    }
}
