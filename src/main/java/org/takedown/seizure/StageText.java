package org.takedown.seizure;

import jakarta.persistence.Embeddable;

/** What a stage reveals, in one language. */
@Embeddable
public class StageText {

    public String title;
    public String body;
}
