package org.takedown.delivery;

/**
 * A channel that chooses its sender (live or {@link Sender#DRY_RUN}), its pace and its dispatch once, when it starts
 * from its configuration, and hands the same ones to the engine from then on.
 */
public abstract class StartedChannel implements Channel {

    protected Sender sender;
    protected Pace pace;
    protected Dispatch dispatch;

    @Override
    public Sender sender() {
        return sender;
    }

    @Override
    public Pace pace() {
        return pace;
    }

    @Override
    public Dispatch dispatch() {
        return dispatch;
    }
}
