package org.takedown.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The application reading channels from a {@link FakeChannelPreview}. */
public class ChannelWatchProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeChannelPreviewResource.class));
    }
}
