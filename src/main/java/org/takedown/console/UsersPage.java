package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.security.Roles;
import org.takedown.security.UserAccount;
import org.takedown.security.UserRequest;
import org.takedown.security.UserService;

/**
 * Officers' accounts, for admins: who may do what (viewer, officer, approver, admin), new accounts, new passwords
 * (which end the user's console sessions) and removals. Accounts managed by configuration are shown, not editable.
 */
@Path("/console/users")
@Produces(MediaType.TEXT_HTML)
public class UsersPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance users(
                List<UserAccount> users,
                List<String> roles,
                FormErrors errors,
                String saved,
                Map<String, String> typed);
    }

    @Inject
    UserService users;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleUser user;

    @GET
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance list() {
        return render(FormErrors.NONE, null, Map.of());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String password, @RestForm List<String> roles) {
        UserRequest.Create request =
                new UserRequest.Create(FormInput.text(username), password, roles == null ? List.of() : roles);
        ConsoleForms.Submitted<UserAccount> created = forms.submit(request, () -> users.create(user.name(), request));
        return FormAnswer.of(
                render(
                        created.errors(),
                        created.ok() ? "Created " + request.username() + "." : null,
                        created.ok() ? Map.of() : ConsoleForms.typed("username", username)),
                created.errors(),
                false);
    }

    @POST
    @Path("{username}/password")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response password(@PathParam("username") String username, @RestForm String password) {
        UserRequest.Update request = new UserRequest.Update(password == null ? "" : password, null);
        ConsoleForms.Submitted<UserAccount> changed =
                forms.submit(request, () -> users.update(user.name(), username, request));
        return FormAnswer.of(
                render(
                        changed.errors()
                                .moved(
                                        "password",
                                        "password-" + username,
                                        changed.errors().of("password")),
                        changed.ok() ? "New password set for " + username + "; their sessions ended." : null,
                        Map.of()),
                changed.errors(),
                false);
    }

    @POST
    @Path("{username}/remove")
    @RolesAllowed(Roles.ADMIN)
    public Response remove(@PathParam("username") String username) {
        ConsoleForms.Submitted<Object> removed = forms.act(() -> {
            users.delete(user.name(), username);
            return null;
        });
        return FormAnswer.of(
                render(removed.errors(), removed.ok() ? "Removed " + username + "." : null, Map.of()),
                removed.errors(),
                false);
    }

    private TemplateInstance render(FormErrors errors, String saved, Map<String, String> typed) {
        return Templates.users(users.all(), Roles.ALL, errors, saved, typed);
    }
}
