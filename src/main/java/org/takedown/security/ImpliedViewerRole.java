package org.takedown.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Whoever may change or approve may also read: officer, approver and admin imply viewer (embedded and OIDC). */
@ApplicationScoped
public class ImpliedViewerRole implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()
                || identity.hasRole(Roles.VIEWER)
                || identity.getRoles().stream().noneMatch(Roles.IMPLYING_VIEWER::contains)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity)
                        .addRole(Roles.VIEWER)
                        .build());
    }
}
