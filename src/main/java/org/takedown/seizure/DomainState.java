package org.takedown.seizure;

/** What the go-live and retire triggers last announced for a seized domain (informational). */
public enum DomainState {
    SCHEDULED,
    LIVE,
    RETIRED
}
