package org.takedown.seizure;

import jakarta.persistence.Embeddable;

/** Officer text of a banner in one language: data, escaped when rendered, with {domain}/{operation}/{date}. */
@Embeddable
public class BannerTexts {

    public String headline;
    public String authorityStatement;
    public String message;
    public String ctaLabel;
    public String countdownLabel;
}
