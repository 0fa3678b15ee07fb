package org.takedown.security;

import java.util.List;
import java.util.Set;

/** The four roles. Every holder of officer, approver or admin also reads ({@link ImpliedViewerRole}). */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String OFFICER = "officer";
    public static final String APPROVER = "approver";
    public static final String ADMIN = "admin";

    /** In order of increasing power, for listing. */
    public static final List<String> ALL = List.of(VIEWER, OFFICER, APPROVER, ADMIN);

    static final Set<String> IMPLYING_VIEWER = Set.of(OFFICER, APPROVER, ADMIN);

    private Roles() {}
}
