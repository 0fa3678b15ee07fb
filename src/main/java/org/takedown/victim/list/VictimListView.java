package org.takedown.victim.list;

import java.time.Instant;
import java.util.List;

public record VictimListView(
        long id,
        long operationId,
        String name,
        String region,
        List<String> otherRegions,
        long victims,
        String createdBy,
        Instant createdAt,
        Instant purgedAt) {

    public static VictimListView of(VictimList list) {
        return new VictimListView(
                list.id,
                list.operationId,
                list.name,
                list.phoneRegion,
                VictimListService.regions(list.otherRegions),
                list.victims,
                list.createdBy,
                list.createdAt,
                list.purgedAt);
    }
}
