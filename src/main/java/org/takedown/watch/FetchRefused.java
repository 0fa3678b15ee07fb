package org.takedown.watch;

/** The fetch gate would not fetch this (the URL, its address or a redirect breaks the rules); nothing was connected. */
public class FetchRefused extends Exception {

    public FetchRefused(String reason) {
        super(reason);
    }
}
