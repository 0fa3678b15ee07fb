package org.takedown.operation;

public enum LegalAuthorityType {
    WARRANT,
    COURT_ORDER,
    STATUTORY_POWER,
    OTHER
}
